"use client";

import Link from "next/link";

import { Card } from "@/components/ui/card";
import type { StoredControl } from "@/lib/contracts/frameworks";
import { formatUtc } from "@/lib/format-date";

import { ControlStatusBadge } from "./control-status-badge";

/** What the card shows of a cluster's stored status (its page data: no control title or section per cluster). */
export type ClusterControlStatus = Pick<
  StoredControl,
  | "clusterId"
  | "clusterName"
  | "snapshotId"
  | "seq"
  | "takenAt"
  | "status"
  | "attested"
  | "reason"
  | "checks"
  | "evaluatedCount"
  | "failing"
  | "failingCount"
>;

/** The findings browser, narrowed to one failing resource of one check in the snapshot the status came from. */
function findingsHref(
  s: ClusterControlStatus,
  resource: StoredControl["failing"][number]["resource"],
  checkId: string,
): string {
  const p = new URLSearchParams({
    cluster: s.clusterId,
    check: checkId,
    kind: resource.kind,
    q: resource.name,
    snapshot: s.snapshotId,
    status: "all",
  });
  if (resource.namespace) p.set("namespace", resource.namespace);
  return `/findings?${p}`;
}

/** One cluster's latest status of a control: why, and each failing resource linked to its findings. */
export function ControlClusterStatus({ status }: { status: ClusterControlStatus }) {
  const s = status;
  return (
    <Card aria-label={`On ${s.clusterName}`}>
      <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
        {s.clusterName} <ControlStatusBadge status={s.status} attested={s.attested} failingCount={s.failingCount} />
        <span className="font-normal text-slate-600">{`snapshot #${s.seq}, ${formatUtc(s.takenAt)}`}</span>
      </h3>
      {s.status !== "manual" && s.reason ? <p className="mt-1 text-sm text-slate-700">{s.reason}</p> : null}
      {s.checks.length && s.status !== "not-evaluated" ? (
        <p className="mt-1 text-xs text-slate-600">{`${s.evaluatedCount} resources evaluated`}</p>
      ) : null}
      {s.failing.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {s.failing.map((f) => (
            <li key={`${f.resource.kind}/${f.resource.namespace}/${f.resource.name}`}>
              <span className="font-mono text-xs">{`${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}`}</span>{" "}
              {f.checks.map((checkId) => (
                <Link
                  key={checkId}
                  href={findingsHref(s, f.resource, checkId)}
                  className="ml-1 text-xs text-sky-800 underline"
                >
                  {checkId}
                </Link>
              ))}
            </li>
          ))}
          {s.failingCount > s.failing.length ? (
            <li className="text-xs text-slate-600">{`…and ${s.failingCount - s.failing.length} more: see the findings browser`}</li>
          ) : null}
        </ul>
      ) : null}
    </Card>
  );
}
