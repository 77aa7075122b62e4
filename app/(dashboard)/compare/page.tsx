import Form from "next/form";
import { SeverityBadge } from "@/components/checks/severity-badge";
import { PageHeader } from "@/components/layout/page-header";
import { GradeBadge } from "@/components/scores/grade-badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { Severity } from "@/lib/checks/types";
import { compareSnapshots, listComparables, type CompareSide, type DiffFinding } from "@/lib/db/compare/compare-snapshots";
import { AppError } from "@/lib/errors";
import { formatUtc } from "@/lib/format-date";

export const metadata = { title: "Compare" };

const INPUT = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";

function DiffList({ title, items, total }: { title: string; items: DiffFinding[]; total: number }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="mb-2 text-base font-semibold">{title} ({total})</h2>
      {items.length === 0 ? <p className="text-slate-600">None.</p> : (
        <ul className="space-y-2">
          {items.map((f, i) => (
            <li key={i}>
              <SeverityBadge severity={f.severity as Severity} /> <span className="font-medium">{f.checkId}</span>
              <span className="block break-all text-slate-600">{f.resourceKind} {f.namespace ? `${f.namespace}/` : ""}{f.resourceName}{f.container ? ` · ${f.container}` : ""}: {f.message}</span>
            </li>
          ))}
        </ul>
      )}
      {total > items.length ? <p className="mt-2 text-xs text-slate-500">Showing {items.length} of {total}.</p> : null}
    </section>
  );
}

const sideLabel = (s: CompareSide) => `${s.clusterName} #${s.seq} · ${formatUtc(s.takenAt)} UTC`;

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const { a, b } = await searchParams;
  const options = await listComparables();
  const outcome = a && b ? await compareSnapshots(a, b).then((c) => ({ comparison: c, problem: null }), (error: unknown) => {
    if (error instanceof AppError && error.userMessage) return { comparison: null, problem: error.userMessage };
    throw error;
  }) : { comparison: null, problem: null };
  const { comparison, problem } = outcome;
  return (
    <>
      <PageHeader title="Compare" description="Two clusters (say staging and production) or two snapshots side by side: scores per layer, and the findings present in one and not the other." />
      <Form action="/compare" aria-label="Choose what to compare" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <label>Left<select name="a" defaultValue={a ?? ""} className={INPUT} required><option value="">Choose…</option>{options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}</select></label>
        <label>Right<select name="b" defaultValue={b ?? ""} className={INPUT} required><option value="">Choose…</option>{options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}</select></label>
        <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800">Compare</button>
      </Form>
      {problem ? <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{problem}</p> : null}
      {!comparison && !problem ? <EmptyState title="Pick two things to compare">Choose a cluster (its latest scan) or a snapshot on each side.</EmptyState> : null}
      {comparison ? (
        <>
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
            <caption className="sr-only">Scores per layer</caption>
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr><th className="px-3 py-2">Layer</th><th className="px-3 py-2">{sideLabel(comparison.a)}</th><th className="px-3 py-2">{sideLabel(comparison.b)}</th><th className="px-3 py-2">Difference</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {comparison.a.scores.map((sa) => {
                const sb = comparison.b.scores.find((x) => x.layer === sa.layer);
                const diff = sa.score !== null && sb?.score != null ? sb.score - sa.score : null;
                return (
                  <tr key={sa.layer ?? "overall"} data-testid={`compare-${sa.layer ?? "overall"}`}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">{sa.layer ?? "overall"}</th>
                    <td className="px-3 py-2"><GradeBadge grade={sa.grade} score={sa.score} /> {sa.score?.toFixed(1) ?? "n/a"}</td>
                    <td className="px-3 py-2">{sb ? <><GradeBadge grade={sb.grade} score={sb.score} /> {sb.score?.toFixed(1) ?? "n/a"}</> : "—"}</td>
                    <td className={`px-3 py-2 ${diff === null ? "" : diff > 0 ? "text-emerald-700" : diff < 0 ? "text-red-700" : ""}`}>{diff === null ? "—" : `${diff > 0 ? "+" : ""}${diff.toFixed(1)}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="mt-3 text-sm text-slate-600">{comparison.both} findings are in both.</p>
          {comparison.a.notEvaluated.length + comparison.b.notEvaluated.length > 0 ? (
            <p className="mt-1 text-sm text-slate-600" data-testid="compare-unknown">
              Left out of both lists, because one side could not evaluate them (unknown there is not absent):{" "}
              {[...new Set([...comparison.a.notEvaluated, ...comparison.b.notEvaluated])].map((id, i) => (
                <span key={id}>{i ? ", " : ""}<code className="font-mono text-xs">{id}</code></span>
              ))}
              .
            </p>
          ) : null}
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <DiffList title={`Only in ${comparison.a.clusterName} #${comparison.a.seq}`} items={comparison.onlyA} total={comparison.onlyACount} />
            <DiffList title={`Only in ${comparison.b.clusterName} #${comparison.b.seq}`} items={comparison.onlyB} total={comparison.onlyBCount} />
          </div>
        </>
      ) : null}
    </>
  );
}
