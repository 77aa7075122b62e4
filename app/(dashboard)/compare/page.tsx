import { ComparePicker } from "@/components/compare/compare-picker";
import { DiffList } from "@/components/compare/diff-list";
import { PageHeader } from "@/components/layout/page-header";
import { GradeBadge } from "@/components/scores/grade-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { compareSnapshots, listComparables, type CompareSide } from "@/lib/db/compare/compare-snapshots";
import { AppError } from "@/lib/errors";
import { formatUtc } from "@/lib/format-date";

export const metadata = { title: "Compare" };

const sideLabel = (s: CompareSide) => `${s.clusterName} #${s.seq} · ${formatUtc(s.takenAt)} UTC`;

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const { a, b } = await searchParams;
  const outcome =
    a && b
      ? await compareSnapshots(a, b).then(
          (c) => ({ comparison: c, problem: null }),
          (error: unknown) => {
            if (error instanceof AppError && error.userMessage) return { comparison: null, problem: error.userMessage };
            throw error;
          },
        )
      : { comparison: null, problem: null };
  const { comparison, problem } = outcome;
  const sides = comparison ? [comparison.a, comparison.b] : [];
  const options = await listComparables({
    clusterIds: sides.map((s) => s.clusterId),
    snapshotIds: sides.map((s) => s.snapshotId),
  });
  return (
    <>
      <PageHeader
        title="Compare"
        description="Two clusters (say staging and production) or two snapshots side by side: scores per layer, and the findings present in one and not the other."
      />
      <ComparePicker options={options} a={a} b={b} />
      {problem ? (
        <Notice role="alert" tone="warning">
          {problem}
        </Notice>
      ) : null}
      {!comparison && !problem ? (
        <EmptyState title="Pick two things to compare">
          Choose a cluster (its latest scan) or a snapshot on each side.
        </EmptyState>
      ) : null}
      {comparison ? (
        <>
          <Table className="rounded-lg border border-slate-200 bg-white">
            <caption className="sr-only">Scores per layer</caption>
            <THead look="boxed" className="tracking-normal">
              <tr>
                <Th look="boxed">Layer</Th>
                <Th look="boxed">{sideLabel(comparison.a)}</Th>
                <Th look="boxed">{sideLabel(comparison.b)}</Th>
                <Th look="boxed">Difference</Th>
              </tr>
            </THead>
            <TBody>
              {comparison.a.scores.map((sa) => {
                const sb = comparison.b.scores.find((x) => x.layer === sa.layer);
                const diff = sa.score !== null && sb?.score != null ? sb.score - sa.score : null;
                return (
                  <tr key={sa.layer ?? "overall"} data-testid={`compare-${sa.layer ?? "overall"}`}>
                    <Th look="boxed" scope="row" className="text-left font-medium">
                      {sa.layer ?? "overall"}
                    </Th>
                    <Td look="boxed">
                      <GradeBadge grade={sa.grade} score={sa.score} /> {sa.score?.toFixed(1) ?? "n/a"}
                    </Td>
                    <Td look="boxed">
                      {sb ? (
                        <>
                          <GradeBadge grade={sb.grade} score={sb.score} /> {sb.score?.toFixed(1) ?? "n/a"}
                        </>
                      ) : (
                        "—"
                      )}
                    </Td>
                    <Td
                      look="boxed"
                      className={diff === null ? "" : diff > 0 ? "text-emerald-700" : diff < 0 ? "text-red-700" : ""}
                    >
                      {diff === null ? "—" : `${diff > 0 ? "+" : ""}${diff.toFixed(1)}`}
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
          <p className="mt-3 text-sm text-slate-600">{comparison.both.toLocaleString("en")} findings are in both.</p>
          {comparison.a.notEvaluated.length + comparison.b.notEvaluated.length > 0 ? (
            <p className="mt-1 text-sm text-slate-600" data-testid="compare-unknown">
              Left out of both lists, because one side could not evaluate them (unknown there is not absent):{" "}
              {[...new Set([...comparison.a.notEvaluated, ...comparison.b.notEvaluated])].map((id, i) => (
                <span key={id}>
                  {i ? ", " : ""}
                  <code className="font-mono text-xs">{id}</code>
                </span>
              ))}
              .
            </p>
          ) : null}
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <DiffList
              title={`Only in ${comparison.a.clusterName} #${comparison.a.seq}`}
              items={comparison.onlyA}
              total={comparison.onlyACount}
            />
            <DiffList
              title={`Only in ${comparison.b.clusterName} #${comparison.b.seq}`}
              items={comparison.onlyB}
              total={comparison.onlyBCount}
            />
          </div>
        </>
      ) : null}
    </>
  );
}
