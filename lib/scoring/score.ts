import { LAYERS, type CheckResult, type Finding, type Layer } from "@/lib/checks/types";
import type { ResourceRef } from "@/lib/inventory/types";
import { gradeFor } from "./grade";
import { SEVERITY_WEIGHT, type Grade } from "./weights";

export type ScoreSummary = {
  /** 0–100, or null when nothing could be evaluated. */
  score: number | null;
  grade: Grade | null;
  /** Resource × check pairs evaluated, failed, and passing only because of a suppression. */
  evaluated: number;
  failed: number;
  suppressed: number;
  /** Share (by severity weight) of the checks that could be evaluated, 0–1. */
  coverage: number;
  /** Checks left out of the score because their inputs were not collected. */
  notEvaluated: string[];
};
export type Scores = { overall: ScoreSummary; layers: Record<Layer, ScoreSummary> };

type Options = {
  /** Findings accepted as risks: they count as passing, and are counted apart. */
  isSuppressed?: (finding: Finding) => boolean;
  /** Restrict to resources that match (namespace scores). */
  includeResource?: (ref: ResourceRef) => boolean;
};

const keyOf = (r: ResourceRef) => `${r.kind}\u0000${r.namespace}\u0000${r.name}`;
const round1 = (n: number) => Math.round(n * 10) / 10;

function summarize(results: CheckResult[], options: Options): ScoreSummary {
  const include = options.includeResource ?? (() => true);
  const isSuppressed = options.isSuppressed ?? (() => false);
  let weighted = 0;
  let weights = 0;
  let coveredWeight = 0;
  let totalWeight = 0;
  let evaluated = 0;
  let failed = 0;
  let suppressed = 0;
  const notEvaluated: string[] = [];
  for (const r of results) {
    const w = SEVERITY_WEIGHT[r.severity];
    totalWeight += w;
    if (r.status === "not-evaluated") {
      notEvaluated.push(r.checkId);
      continue;
    }
    coveredWeight += w;
    const refs = new Set(r.evaluated.filter(include).map(keyOf));
    if (refs.size === 0) continue;
    const failing = new Set<string>();
    const suppressedOnly = new Set<string>();
    for (const f of r.findings) {
      const k = keyOf(f.resource);
      if (!refs.has(k)) continue;
      if (isSuppressed(f)) suppressedOnly.add(k);
      else failing.add(k);
    }
    for (const k of failing) suppressedOnly.delete(k);
    evaluated += refs.size;
    failed += failing.size;
    suppressed += suppressedOnly.size;
    weighted += w * ((refs.size - failing.size) / refs.size);
    weights += w;
  }
  const score = weights === 0 ? null : round1((100 * weighted) / weights);
  return {
    score,
    grade: score === null ? null : gradeFor(score),
    evaluated,
    failed,
    suppressed,
    coverage: totalWeight === 0 ? 1 : coveredWeight / totalWeight,
    notEvaluated,
  };
}

/**
 * Scores per layer and overall (CHECKS.md): a layer's score is 100 × Σ w·passRatio / Σ w over
 * the checks that evaluated at least one resource; the overall score is the mean of the layers
 * that have one. A layer with nothing evaluated has no score (null), never 100.
 */
export function scoreResults(results: CheckResult[], options: Options = {}): Scores {
  const layers = Object.fromEntries(
    LAYERS.map((layer) => [layer, summarize(results.filter((r) => r.layer === layer), options)]),
  ) as Record<Layer, ScoreSummary>;
  const scored = LAYERS.map((l) => layers[l].score).filter((s): s is number => s !== null);
  const all = summarize(results, options);
  const overallScore = scored.length ? round1(scored.reduce((a, b) => a + b, 0) / scored.length) : null;
  return { overall: { ...all, score: overallScore, grade: overallScore === null ? null : gradeFor(overallScore) }, layers };
}

/** The same formula per namespace, over the namespaced resources each check evaluated. */
export function scoreNamespaces(results: CheckResult[], options: Omit<Options, "includeResource"> = {}): Map<string, Scores> {
  const namespaces = new Set<string>();
  for (const r of results) if (r.status === "evaluated") for (const ref of r.evaluated) if (ref.namespace) namespaces.add(ref.namespace);
  return new Map(
    [...namespaces].sort().map((ns) => [ns, scoreResults(results, { ...options, includeResource: (ref) => ref.namespace === ns })]),
  );
}
