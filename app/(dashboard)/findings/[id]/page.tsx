import Link from "next/link";
import { notFound } from "next/navigation";

import { RemediationText } from "@/components/checks/remediation-text";
import { SeverityBadge } from "@/components/checks/severity-badge";
import { PageHeader } from "@/components/layout/page-header";
import { SuppressForm } from "@/components/suppressions/suppress-form";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, TBody, THead } from "@/components/ui/table";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import { listCheckCatalog } from "@/lib/checks/list-check-catalog";
import type { Severity } from "@/lib/checks/types";
import { FINDING_STATUS_LABEL, ZFindingParams } from "@/lib/contracts/findings";
import { getFindingOrThrow } from "@/lib/db/findings/get-finding-or-throw";
import { AppError } from "@/lib/errors";
import { formatUtc } from "@/lib/format-date";

export const metadata = { title: "Finding" };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const canSuppress = hasRole((await requirePageCaller()).role, "analyst");
  const parsed = ZFindingParams.safeParse(await params);
  if (!parsed.success) notFound();
  const finding = await getFindingOrThrow(parsed.data.id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const check = listCheckCatalog().find((c) => c.id === finding.checkId);
  const resource = `${finding.resourceKind} ${finding.namespace ? `${finding.namespace}/` : ""}${finding.resourceName}`;
  return (
    <>
      <PageHeader
        title={finding.checkTitle}
        description={
          <>
            <SeverityBadge severity={finding.severity as Severity} />{" "}
            <span className="ml-2">
              {finding.checkId} · {finding.layer} layer · {FINDING_STATUS_LABEL[finding.status]}
            </span>
          </>
        }
      />
      <Card aria-labelledby="what" className="text-sm">
        <CardTitle id="what">What was found</CardTitle>
        <p data-testid="finding-message" className="text-slate-900">
          {finding.message}
        </p>
        <dl className="mt-4 grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-xs uppercase text-slate-500">Cluster</dt>
            <dd>
              <Link className="text-sky-800 underline" href={`/clusters/${finding.clusterId}`}>
                {finding.clusterName}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-slate-500">Resource</dt>
            <dd className="wrap-anywhere">{resource}</dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-slate-500">Container</dt>
            <dd>{finding.container || "—"}</dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-slate-500">First seen</dt>
            <dd>{formatUtc(finding.firstSeenAt)} UTC</dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-slate-500">Last seen</dt>
            <dd>{finding.lastSeenAt ? `${formatUtc(finding.lastSeenAt)} UTC` : "still open (latest scan)"}</dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-slate-500">Resolved</dt>
            <dd>{finding.resolvedAt ? `${formatUtc(finding.resolvedAt)} UTC` : "—"}</dd>
          </div>
        </dl>
      </Card>
      {check ? (
        <Card aria-labelledby="why" className="mt-4 text-sm">
          <CardTitle id="why">Why it matters</CardTitle>
          <p className="text-slate-700">{check.rationale}</p>
          <h2 className="mb-2 mt-4 text-base font-semibold">How to fix it</h2>
          <RemediationText text={check.remediation} />
          <h2 className="mb-1 mt-4 text-base font-semibold">References</h2>
          <ul className="list-disc pl-5 text-slate-700">
            {check.references.map((r) => (
              <li key={r} className="wrap-anywhere">
                {r}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {finding.status === "suppressed" ? (
        <section
          aria-labelledby="accepted"
          className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
        >
          <h2 id="accepted" className="mb-1 text-base font-semibold">
            Accepted risk
          </h2>
          <p>{finding.suppressionReason}</p>
          <p className="mt-1 text-xs">
            Approved by {finding.suppressionApprover ?? "its author (not critical or high)"} · expires{" "}
            {formatUtc(finding.suppressionExpiresAt!)} UTC ·{" "}
            <Link href="/suppressions" className="underline">
              all accepted risks
            </Link>
          </p>
        </section>
      ) : null}
      {finding.status === "open" && canSuppress ? (
        <Card aria-labelledby="accept" className="mt-4">
          <CardTitle id="accept">Accept this risk</CardTitle>
          <SuppressForm
            findingId={finding.id}
            resource={resource}
            namespace={finding.namespace}
            needsApproval={finding.severity === "critical" || finding.severity === "high"}
            today={day(0)}
            maxDay={day(365)}
            defaultDay={day(90)}
          />
        </Card>
      ) : null}
      <Card aria-labelledby="history" className="mt-4 text-sm">
        <CardTitle id="history">History across snapshots</CardTitle>
        <p className="mb-2 text-slate-600">
          Seen in {finding.snapshotsSeen} completed snapshot{finding.snapshotsSeen === 1 ? "" : "s"}; each row is one
          period during which the problem was present.
        </p>
        <Table>
          <THead>
            <tr>
              <th className="py-1">From snapshot</th>
              <th>To snapshot</th>
              <th>First seen (UTC)</th>
              <th>Resolved (UTC)</th>
            </tr>
          </THead>
          <TBody>
            {finding.history.map((h) => (
              <tr key={h.id} aria-current={h.id === finding.id ? "true" : undefined}>
                <td className="py-1">#{h.firstSeq}</td>
                <td>{h.lastSeq === null ? "latest (open)" : `#${h.lastSeq}`}</td>
                <td>{formatUtc(h.firstSeenAt)}</td>
                <td>{h.resolvedAt ? formatUtc(h.resolvedAt) : "—"}</td>
              </tr>
            ))}
          </TBody>
        </Table>
      </Card>
      <p className="mt-4 text-sm">
        <Link
          href={`/findings?cluster=${finding.clusterId}&check=${encodeURIComponent(finding.checkId)}&status=all`}
          className="text-sky-800 underline"
        >
          Every finding of this check in {finding.clusterName}
        </Link>
      </p>
    </>
  );
}
