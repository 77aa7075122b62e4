import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { FrameworkControlsSummary, FrameworkControlsTable } from "@/components/frameworks/framework-controls-table";
import { PageHeader } from "@/components/layout/page-header";
import { PrintButton } from "@/components/reports/print-button";
import { buttonClass } from "@/components/ui/button";
import { ChooseForm } from "@/components/ui/choose-form";
import { EmptyState } from "@/components/ui/empty-state";
import { ToggleLink } from "@/components/ui/toggle-link";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import { hasNoControlCharacters } from "@/lib/contracts/fields";
import { countScannedClusters } from "@/lib/db/checks/count-scanned-clusters";
import { listClusterNames } from "@/lib/db/clusters/list-clusters";
import { listUnscannedClusters } from "@/lib/db/frameworks/list-unscanned-clusters";
import { listLatestControls, tallyLatestControls } from "@/lib/db/frameworks/read-control-statuses";
import { getFramework } from "@/lib/frameworks/registry";

export const dynamic = "force-dynamic";

/** Up to this many clusters, a column of statuses each; a bigger fleet reads each control's standing. */
const MATRIX_CLUSTERS = 10;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ status?: string; cluster?: string }> };

async function load(id: string) {
  const framework = getFramework(id);
  if (!framework) notFound();
  return framework;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).title };
}

export default async function FrameworkPage({ params, searchParams }: Props) {
  const framework = await load((await params).id);
  const { status, cluster } = await searchParams;
  const failingOnly = status === "fail";
  const canExport = hasRole((await requirePageCaller()).role, "analyst");
  // A cluster id with control characters names no cluster (the database cannot even hold NUL).
  const badCluster = cluster !== undefined && !hasNoControlCharacters(cluster);
  // Across more than MATRIX_CLUSTERS clusters a column each is a page of megabytes: each control's
  // standing is counted instead, and a cluster's own column is a choice away.
  const fleetView = !cluster && !badCluster && (await countScannedClusters()) > MATRIX_CLUSTERS;
  const [latest, unscanned, everyCluster, tally] = badCluster
    ? [[], [], [], null]
    : await Promise.all([
        fleetView ? Promise.resolve([]) : listLatestControls(framework.id, { clusterId: cluster || undefined }),
        listUnscannedClusters(cluster ? [cluster] : undefined),
        fleetView ? listClusterNames() : Promise.resolve([]),
        fleetView ? tallyLatestControls(framework.id) : null,
      ]);
  const clusters = [
    ...new Map(latest.map((s) => [s.clusterId, { id: s.clusterId, name: s.clusterName, seq: s.seq }])).values(),
  ];
  const failingIds = fleetView
    ? new Set([...tally!].filter(([, t]) => t.fail > 0).map(([id]) => id))
    : new Set(latest.filter((s) => s.status === "fail").map((s) => s.controlId));
  const controls = failingOnly ? framework.controls.filter((c) => failingIds.has(c.id)) : framework.controls;
  const query = (next: { status?: string }) => {
    const p = new URLSearchParams();
    if (next.status) p.set("status", next.status);
    if (cluster) p.set("cluster", cluster);
    const s = p.toString();
    return `/frameworks/${framework.id}${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title={framework.title}
        description={
          <>
            {framework.edition} Mapping revision {framework.mappingRevision}.{" "}
            <a href={framework.url} className="underline" rel="noreferrer">
              The document
            </a>
            .
          </>
        }
        actions={
          clusters.length || fleetView ? (
            <div className="no-print flex flex-wrap items-center gap-2 text-sm">
              {canExport
                ? clusters.map((c) => (
                    <a
                      key={c.id}
                      href={`/api/frameworks/${framework.id}/export.csv?cluster=${c.id}`}
                      className={buttonClass({
                        variant: "secondary",
                        size: "compact",
                        className: "text-sm text-inherit",
                      })}
                    >{`CSV: ${c.name}`}</a>
                  ))
                : null}
              <PrintButton />
            </div>
          ) : null
        }
      />
      <nav aria-label="Filter controls" className="mb-4 flex gap-2 text-sm">
        <ToggleLink href={query({})} current={!failingOnly}>
          All controls
        </ToggleLink>
        <ToggleLink href={query({ status: "fail" })} current={failingOnly}>{`Failing (${failingIds.size})`}</ToggleLink>
        {cluster ? (
          <ToggleLink href={`/frameworks/${framework.id}${failingOnly ? "?status=fail" : ""}`} current={false}>
            All clusters
          </ToggleLink>
        ) : null}
      </nav>
      {unscanned.length ? (
        <ul aria-label="Clusters without a completed scan" className="mb-4 space-y-1 text-sm text-slate-700">
          {unscanned.map((u) => (
            <li key={u.clusterId}>
              <Link href={`/clusters/${u.clusterId}`} className="font-medium underline">
                {u.clusterName}
              </Link>
              {`: no completed scan, so no statuses (${u.why})`}
            </li>
          ))}
        </ul>
      ) : null}
      {fleetView ? (
        <ChooseForm
          action={`/frameworks/${framework.id}`}
          name="cluster"
          label="One cluster's statuses and CSV"
          placeholder="Choose a cluster…"
          options={everyCluster.map((c) => ({ value: c.id, label: c.name }))}
          submit="Show"
          keep={failingOnly ? { status: "fail" } : {}}
        />
      ) : null}
      {fleetView ? (
        controls.length === 0 ? (
          <EmptyState title="No failing controls">
            On every cluster each control either passes, is manual, not applicable or could not be evaluated.
          </EmptyState>
        ) : (
          <FrameworkControlsSummary framework={framework} controls={controls} tally={tally!} />
        )
      ) : clusters.length === 0 ? (
        <EmptyState title="No statuses yet">
          No completed snapshot has statuses for this framework{cluster ? " on this cluster" : ""}.
        </EmptyState>
      ) : controls.length === 0 ? (
        <EmptyState title="No failing controls">
          Every control either passes, is manual, not applicable or could not be evaluated.
        </EmptyState>
      ) : (
        <FrameworkControlsTable framework={framework} controls={controls} clusters={clusters} latest={latest} />
      )}
    </>
  );
}
