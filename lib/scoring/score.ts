import { LAYERS, type CheckResult, type Finding, type Layer, type Severity } from "@/lib/checks/types";
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
};

/** One check's counts over one group of resources (all, or one namespace). */
type Tally = { evaluated: number; failing: number; suppressedOnly: number };
type CheckTallies = { checkId: string; layer: Layer; severity: Severity; status: CheckResult["status"]; groups: Map<string, Tally> };

const ALL = "\u0000all";

function count(t: Tally, state: "failing" | "suppressed" | undefined): void {
  t.evaluated++;
  if (state === "failing") t.failing++;
  else if (state === "suppressed") t.suppressedOnly++;
}
const keyOf = (r: ResourceRef) => `${r.kind}\u0000${r.namespace}\u0000${r.name}`;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Counts, in one pass over a check's result, its evaluated, failing and suppressed-only
 * resources, overall and per namespace. A resource counts once per check however many
 * findings it has; it is failing if any finding on it is not suppressed.
 */
function tally(r: CheckResult, isSuppressed: (f: Finding) => boolean, byNamespace: boolean): CheckTallies {
  const groups = new Map<string, Tally>();
  const base = { checkId: r.checkId, layer: r.layer, severity: r.severity, status: r.status, groups };
  if (r.status === "not-evaluated") return base;
  const groupOf = (key: string) => {
    let t = groups.get(key);
    if (!t) groups.set(key, (t = { evaluated: 0, failing: 0, suppressedOnly: 0 }));
    return t;
  };
  const states = resourceStates(r.evaluated, r.findings, isSuppressed);
  const all = groupOf(ALL);
  r.evaluated.forEach((ref, i) => {
    const state = states[i];
    count(all, state);
    if (byNamespace && ref.namespace) count(groupOf(ref.namespace), state);
  });
  return base;
}

type State = "failing" | "suppressed" | undefined;

/**
 * The state of each evaluated resource, by position. Checks emit each resource's findings
 * right after evaluating it, so one merge walk with identity comparisons usually suffices:
 * hashing millions of refs costs more than the checks themselves. Findings in another order,
 * or whose refs are copies, are matched by kind, namespace and name instead.
 */
function resourceStates(evaluated: readonly ResourceRef[], findings: Finding[], isSuppressed: (f: Finding) => boolean): State[] {
  const states: State[] = new Array(evaluated.length);
  const mark = (i: number, f: Finding) => {
    if (states[i] !== "failing") states[i] = isSuppressed(f) ? "suppressed" : "failing";
  };
  // The usual case: findings follow the evaluated list (with gaps), so one forward walk matches them.
  let i = 0;
  let j = 0;
  for (; j < findings.length; j++) {
    const ref = findings[j]!.resource;
    while (i < evaluated.length && evaluated[i] !== ref) i++;
    if (i === evaluated.length) break;
    mark(i, findings[j]!);
  }
  if (j === findings.length) return states;
  // Out of order or copied refs: match the rest by identity, then by kind/namespace/name.
  const byRef = new Map(evaluated.map((ref, k) => [ref, k]));
  let byKey: Map<string, number> | undefined;
  for (; j < findings.length; j++) {
    const f = findings[j]!;
    let at = byRef.get(f.resource);
    if (at === undefined) {
      byKey ??= new Map(evaluated.map((ref, k) => [keyOf(ref), k]));
      at = byKey.get(keyOf(f.resource));
    }
    if (at !== undefined) mark(at, f);
  }
  return states;
}

function summarize(checks: CheckTallies[], group: string): ScoreSummary {
  let weighted = 0;
  let weights = 0;
  let coveredWeight = 0;
  let totalWeight = 0;
  let evaluated = 0;
  let failed = 0;
  let suppressed = 0;
  const notEvaluated: string[] = [];
  for (const c of checks) {
    const w = SEVERITY_WEIGHT[c.severity];
    totalWeight += w;
    if (c.status === "not-evaluated") {
      notEvaluated.push(c.checkId);
      continue;
    }
    coveredWeight += w;
    const t = c.groups.get(group);
    if (!t || t.evaluated === 0) continue;
    evaluated += t.evaluated;
    failed += t.failing;
    suppressed += t.suppressedOnly;
    weighted += w * ((t.evaluated - t.failing) / t.evaluated);
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

function scoresOf(checks: CheckTallies[], group: string): Scores {
  const layers = Object.fromEntries(LAYERS.map((layer) => [layer, summarize(checks.filter((c) => c.layer === layer), group)])) as Record<Layer, ScoreSummary>;
  const scored = LAYERS.map((l) => layers[l].score).filter((s): s is number => s !== null);
  const overallScore = scored.length ? round1(scored.reduce((a, b) => a + b, 0) / scored.length) : null;
  return { overall: { ...summarize(checks, group), score: overallScore, grade: overallScore === null ? null : gradeFor(overallScore) }, layers };
}

/**
 * Scores per layer and overall (CHECKS.md): a layer's score is 100 × Σ w·passRatio / Σ w over
 * the checks that evaluated at least one resource; the overall score is the mean of the layers
 * that have one. A layer with nothing evaluated has no score (null), never 100.
 */
export function scoreResults(results: CheckResult[], options: Options = {}): Scores {
  const isSuppressed = options.isSuppressed ?? (() => false);
  return scoresOf(results.map((r) => tally(r, isSuppressed, false)), ALL);
}

/** The same formula per namespace, over the namespaced resources each check evaluated. */
export function scoreNamespaces(results: CheckResult[], options: Options = {}): Map<string, Scores> {
  return scoreSnapshot(results, options).namespaces;
}

/** Cluster and per-namespace scores from one pass over the results (what a snapshot stores). */
export function scoreSnapshot(results: CheckResult[], options: Options = {}): { scores: Scores; namespaces: Map<string, Scores> } {
  const isSuppressed = options.isSuppressed ?? (() => false);
  const checks = results.map((r) => tally(r, isSuppressed, true));
  const namespaces = new Set<string>();
  for (const c of checks) for (const g of c.groups.keys()) if (g !== ALL) namespaces.add(g);
  return { scores: scoresOf(checks, ALL), namespaces: new Map([...namespaces].sort().map((ns) => [ns, scoresOf(checks, ns)])) };
}
