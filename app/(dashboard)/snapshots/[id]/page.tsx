import Link from "next/link";
import { notFound } from "next/navigation";

import { PageHeader } from "@/components/layout/page-header";
import { NotEvaluatedList } from "@/components/scores/not-evaluated-list";
import { FindingChangeList } from "@/components/snapshots/finding-change-list";
import { buttonClass } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import { getSnapshotOrThrow } from "@/lib/db/snapshots/get-snapshot-or-throw";
import { listSnapshotChanges } from "@/lib/db/snapshots/list-snapshot-changes";
import { AppError } from "@/lib/errors";
import { formatUtc } from "@/lib/format-date";

export const dynamic = "force-dynamic";
export const metadata = { title: "Snapshot" };

export default async function SnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const canExport = hasRole((await requirePageCaller()).role, "analyst");
  const snapshot = await getSnapshotOrThrow(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const changes = await listSnapshotChanges(snapshot.clusterId, snapshot.seq);
  const counts = Object.entries(snapshot.objectCounts).filter(([, n]) => n > 0);
  // A scan that failed, was cut short or still runs has no findings of its own: no zeros that read as "clean".
  const completed = snapshot.status === "succeeded" || snapshot.status === "partial";
  return (
    <>
      <PageHeader
        actions={
          completed ? (
            <div className="flex gap-2 text-sm">
              <ButtonLink
                href={`/findings?snapshot=${snapshot.id}&status=all`}
                variant="secondary"
                size="sm"
                className="bg-white"
              >
                Browse its findings
              </ButtonLink>
              {canExport ? (
                <a
                  href={`/api/findings/export.csv?snapshot=${snapshot.id}&status=all`}
                  download
                  className={buttonClass({ variant: "secondary", size: "sm", className: "bg-white" })}
                >
                  Export CSV
                </a>
              ) : null}
            </div>
          ) : undefined
        }
        title={`Snapshot #${snapshot.seq}`}
        description={
          <>
            Taken {formatUtc(snapshot.startedAt, "medium")} UTC ·{" "}
            <Link className="text-sky-700 underline" href={`/clusters/${snapshot.clusterId}`}>
              back to the cluster
            </Link>
          </>
        }
      />
      <Card as="dl" className="grid gap-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs uppercase text-slate-500">Status</dt>
          <dd className="font-medium">{snapshot.status}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase text-slate-500">Kubernetes</dt>
          <dd>{snapshot.kubernetesVersion ?? "unknown"}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase text-slate-500">Findings</dt>
          <dd>
            {completed
              ? `${snapshot.findingCount} (+${snapshot.newCount} / −${snapshot.resolvedCount})`
              : "— (the scan did not complete)"}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase text-slate-500">Phases</dt>
          <dd>
            {Object.entries(snapshot.phases)
              .map(([p, ms]) => `${p} ${ms} ms`)
              .join(" · ") || "—"}
          </dd>
        </div>
      </Card>
      {snapshot.error ? (
        <Notice role="alert" tone="danger" className="mt-4">
          The scan failed: {snapshot.error}
        </Notice>
      ) : null}
      {completed ? (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card aria-labelledby="opened">
            <CardTitle id="opened">New in this snapshot</CardTitle>
            <FindingChangeList findings={changes.opened} empty="Nothing new." />
          </Card>
          <Card aria-labelledby="resolved">
            <CardTitle id="resolved">Resolved since the previous snapshot</CardTitle>
            <FindingChangeList findings={changes.resolved} empty="Nothing resolved." />
          </Card>
        </div>
      ) : (
        <p className="mt-6 text-sm text-slate-600">
          This scan did not complete, so it opened and resolved nothing: the cluster&apos;s findings are those of its
          last completed scan.
        </p>
      )}
      {changes.truncated ? <p className="mt-2 text-xs text-slate-500">Showing the first 200 of each.</p> : null}
      <Card aria-labelledby="collection" className="mt-6 text-sm">
        <CardTitle id="collection">Collected objects</CardTitle>
        <p className="break-words text-slate-700">
          {counts.map(([k, n]) => `${k} ${n}`).join(" · ") || "No objects recorded."}
        </p>
        {snapshot.warnings.length ? (
          <ul className="mt-3 list-disc pl-5 text-amber-900">
            {snapshot.warnings.map((w, i) => (
              <li key={i}>
                <span className="font-mono">{w.kind}</span>: {w.reason}
                {w.heldKinds?.length
                  ? ` Findings on ${w.heldKinds.join(", ")} objects were kept as they were (neither new nor resolved) until this can be read.`
                  : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      {snapshot.status === "succeeded" || snapshot.status === "partial" ? (
        <Card aria-labelledby="not-evaluated" className="mt-6">
          <CardTitle id="not-evaluated">Checks that could not be evaluated</CardTitle>
          <NotEvaluatedList checks={snapshot.notEvaluated} />
        </Card>
      ) : null}
    </>
  );
}
