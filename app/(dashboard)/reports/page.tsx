import Form from "next/form";

import { SeverityBadge } from "@/components/checks/severity-badge";
import { PageHeader } from "@/components/layout/page-header";
import { ClusterChoices } from "@/components/reports/cluster-choices";
import { PerClusterTable } from "@/components/reports/per-cluster-table";
import { PrintButton } from "@/components/reports/print-button";
import { SeverityTrendChart } from "@/components/reports/severity-trend-chart";
import { WeeklyChangesChart } from "@/components/reports/weekly-changes-chart";
import { ScoreTrendChart } from "@/components/scores/score-trend-chart";
import { toTrendColumns } from "@/components/scores/trend-columns";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, cardClass, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, THead } from "@/components/ui/table";
import { hasRole } from "@/lib/access/roles";
import { requirePageCaller } from "@/lib/api/page-caller";
import type { Severity } from "@/lib/checks/types";
import { REPORT_PERIODS, ZReportQuery } from "@/lib/contracts/reports";
import { listClusterNames } from "@/lib/db/clusters/list-clusters";
import { getReport } from "@/lib/db/reports/get-report";
import { formatUtc, formatUtcDate } from "@/lib/format-date";

export const metadata = { title: "Reports" };

/** Up to this many clusters are named in the report's scope; a bigger fleet is counted. */
const NAMED_CLUSTERS = 10;

const hours = (h: number | null) => (h === null ? "—" : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`);

/**
 * A card of the report; printed whole on one page unless `long` (a table a row per cluster: kept
 * whole, a fleet's would leave the page before it blank and still not fit on one).
 */
function Section({
  id,
  title,
  long = false,
  children,
}: {
  id: string;
  title: string;
  long?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Card aria-labelledby={id} className={long ? "mt-6" : "print-avoid-break mt-6"}>
      <CardTitle id={id} className="mb-3 text-slate-900">
        {title}
      </CardTitle>
      {children}
    </Card>
  );
}

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await requirePageCaller();
  // Ticked boxes arrive as repeated "clusters" parameters; the query takes them comma-joined.
  const params = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]),
  );
  const parsed = ZReportQuery.safeParse(params);
  const allClusters = await listClusterNames();
  const query = parsed.success ? parsed.data : ZReportQuery.parse({});
  const { report, generatedAt } = await getReport(query);
  const header = (
    <PageHeader
      title="Reports"
      description="Score trends, new and resolved findings, and time to resolve, per period."
      actions={report.trend.length ? <PrintButton /> : null}
    />
  );
  if (report.clusters.length === 0 && query.clusters.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="Nothing to report yet">
          Reports need at least one scanned cluster. Once snapshots accumulate, pick clusters and a period here to see
          how posture changed.
        </EmptyState>
      </>
    );
  }
  // A fleet is named by its size: a hundred names would bury the figures (they are ticked in the form above).
  const names =
    report.clusters.length > NAMED_CLUSTERS
      ? query.clusters.length
        ? `${report.clusters.length} clusters`
        : `every cluster (${report.clusters.length})`
      : report.clusters.map((c) => c.name).join(", ") || "no clusters";
  const exportHref =
    report.clusters.length === 1
      ? `/api/findings/export.csv?cluster=${report.clusters[0]!.id}`
      : "/api/findings/export.csv";
  return (
    <>
      {header}
      <Form
        action="/reports"
        className={cardClass("no-print mb-4 flex flex-wrap items-end gap-4 text-sm")}
        aria-label="Report options"
      >
        <ClusterChoices clusters={allClusters} ticked={query.clusters} />
        <label>
          Period
          <Select name="days" defaultValue={String(query.days)} className="ml-2">
            {REPORT_PERIODS.map((d) => (
              <option key={d} value={d}>
                last {d} days
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit">Show report</Button>
        {hasRole(caller.role, "analyst") ? (
          <a href={exportHref} download className={buttonClass({ variant: "secondary", className: "px-3" })}>
            Export findings CSV
          </a>
        ) : null}
      </Form>
      {!parsed.success ? (
        <Notice role="alert" tone="warning" className="mb-4">
          Some report options in the address were not valid; showing the last 90 days of every cluster.
        </Notice>
      ) : null}
      <p className="text-sm text-slate-700" data-testid="report-scope">
        <strong>{names}</strong> · {formatUtcDate(report.since)} to today ({report.days} days) · generated{" "}
        {formatUtc(generatedAt.toISOString())} UTC
      </p>
      <dl className="print-avoid-break mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {Object.entries(report.openBySeverity).map(([s, n]) => (
          <Card as="div" key={s} className="p-3">
            <dt>
              <SeverityBadge severity={s as Severity} />{" "}
              <span className="text-xs text-slate-500">open now, not accepted</span>
            </dt>
            <dd className="mt-1 text-2xl font-semibold text-slate-900">{n.toLocaleString("en")}</dd>
          </Card>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500" data-testid="report-compared">
        {report.compared.length
          ? `Fleet figures compare like with like from ${formatUtcDate(report.comparedFrom)}: the ${report.compared.length === 1 ? "cluster" : `${report.compared.length} clusters`} scanned at both ends${
              report.compared.length > NAMED_CLUSTERS
                ? ""
                : ` (${report.perCluster
                    .filter((c) => report.compared.includes(c.id))
                    .map((c) => c.name)
                    .join(", ")})`
            }, each day at its latest completed scan. Clusters that joined later are listed below, apart, with their baseline.`
          : "No cluster was scanned both at the start and at the end of this period, so there is nothing to compare; see each cluster below."}
      </p>
      <Section id="per-cluster" title="Per cluster: start and end of the period" long>
        <PerClusterTable rows={report.perCluster} />
      </Section>
      <Section id="trend" title="Score per layer (daily, averaged over the clusters compared)">
        {report.trend.length ? (
          <ScoreTrendChart columns={toTrendColumns(report.trend)} />
        ) : (
          <p className="text-sm text-slate-600">No completed snapshots in this period.</p>
        )}
      </Section>
      <div className="grid gap-x-6 lg:grid-cols-2 print:grid-cols-1">
        <Section id="weekly" title="New and resolved findings per week">
          <WeeklyChangesChart weeks={report.weekly} />
          <p className="mt-1 text-xs text-slate-500">
            New excludes what each cluster&apos;s first scan found (the baseline).
          </p>
        </Section>
        <Section id="critical" title="Open critical and high findings">
          <SeverityTrendChart points={report.criticalHigh} />
        </Section>
      </div>
      <div className="grid gap-x-6 lg:grid-cols-2 print:grid-cols-1">
        <Section id="mttr" title="Mean time to resolve, by severity">
          <Table>
            <THead>
              <tr>
                <th className="py-1">Severity</th>
                <th>Resolved in period</th>
                <th>Mean time to resolve</th>
              </tr>
            </THead>
            <TBody>
              {report.resolveTimes.map((r) => (
                <tr key={r.severity}>
                  <td className="py-1">
                    <SeverityBadge severity={r.severity as Severity} />
                  </td>
                  <td>{r.resolved.toLocaleString("en")}</td>
                  <td>{hours(r.meanHours)}</td>
                </tr>
              ))}
            </TBody>
          </Table>
        </Section>
        <Section id="namespaces" title="Five weakest namespaces (latest scans)">
          {report.worstNamespaces.length ? (
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {report.worstNamespaces.map((n) => (
                <li key={`${n.cluster}/${n.namespace}`}>
                  <span className="font-medium">{n.namespace}</span> in {n.cluster}: {n.score?.toFixed(1)} ({n.grade}),{" "}
                  {n.failed} failing
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-600">No namespace scores yet.</p>
          )}
        </Section>
      </div>
    </>
  );
}
