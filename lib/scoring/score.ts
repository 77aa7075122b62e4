import { LAYERS, type CheckResult, type Finding, type Layer, type Severity } from "@/lib/checks/types";
import type { ResourceRef } from "@/lib/inventory/types";

import { gradeFor } from "./grade";
import { MIN_GRADED_COVERAGE, SEVERITY_WEIGHT, type Grade } from "./weights";

export type ScoreSummary = {
  /** 0–100 (checks that could not be evaluated weigh as failing), or null when there was nothing to evaluate. */
  score: number | null;
  /** Null without a score, and while coverage is under MIN_GRADED_COVERAGE: the score is then "incomplete". */
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

/** The grade a score earns, or null when there is none or too little was evaluated to grade it. */
export const gradeOrIncomplete = (score: number | null, coverage: number): Grade | null =>
  score === null || coverage < MIN_GRADED_COVERAGE ? null : gradeFor(score);

type Options = {
  /** Findings accepted as risks: they count as passing, and are counted apart. */
  isSuppressed?: (finding: Finding) => boolean;
};

/** One check's counts over one group of resources (all, or one namespace). */
type Tally = { evaluated: number; failing: number; suppressedOnly: number };
type CheckTallies = {
  checkId: string;
  layer: Layer;
  severity: Severity;
  status: CheckResult["status"];
  groups: Map<string, Tally>;
};

const ALL = "\u0000all";
const keyOf = (r: ResourceRef) => `${r.kind}\u0000${r.namespace}\u0000${r.name}`;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** A resource's state in one check's result (0: passing). */
const SUPPRESSED = 1;
const FAILING = 2;

/**
 * Numbers the namespaces of evaluated lists, once per list: checks that look at the same
 * resources share one list, so 70 checks over 150,000 workloads hash each namespace once.
 */
class NamespaceIndex {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byList = new WeakMap<readonly ResourceRef[], Int32Array>();

  /** For each ref, its namespace's number (-1 for cluster-scoped resources). */
  of(refs: readonly ResourceRef[]): Int32Array {
    let out = this.byList.get(refs);
    if (out) return out;
    out = new Int32Array(refs.length);
    for (let i = 0; i < refs.length; i++) {
      const ns = refs[i]!.namespace;
      let id = ns ? this.ids.get(ns) : -1;
      if (id === undefined) {
        id = this.names.push(ns) - 1;
        this.ids.set(ns, id);
      }
      out[i] = id;
    }
    this.byList.set(refs, out);
    return out;
  }
}

/**
 * Counts, in one pass over a check's result, its evaluated, failing and suppressed-only
 * resources, overall and per namespace. A resource counts once per check however many
 * findings it has; it is failing if any finding on it is not suppressed.
 */
function tally(
  r: CheckResult,
  isSuppressed: (f: Finding) => boolean,
  namespaces: NamespaceIndex | undefined,
): CheckTallies {
  const groups = new Map<string, Tally>();
  const base = { checkId: r.checkId, layer: r.layer, severity: r.severity, status: r.status, groups };
  if (r.status !== "evaluated") return base;
  const states = resourceStates(r.evaluated, r.findings, isSuppressed);
  const all: Tally = { evaluated: r.evaluated.length, failing: 0, suppressedOnly: 0 };
  for (const state of states) {
    if (state === FAILING) all.failing++;
    else if (state === SUPPRESSED) all.suppressedOnly++;
  }
  if (all.evaluated > 0) groups.set(ALL, all);
  if (!namespaces) return base;
  const ns = namespaces.of(r.evaluated);
  // Three counters per namespace, side by side: [evaluated, failing, suppressedOnly].
  const counts = new Int32Array(namespaces.names.length * 3);
  for (let i = 0; i < ns.length; i++) {
    const k = ns[i]!;
    if (k < 0) continue;
    counts[k * 3]!++;
    if (states[i] === FAILING) counts[k * 3 + 1]!++;
    else if (states[i] === SUPPRESSED) counts[k * 3 + 2]!++;
  }
  for (let k = 0; k < namespaces.names.length; k++) {
    if (counts[k * 3]! > 0)
      groups.set(namespaces.names[k]!, {
        evaluated: counts[k * 3]!,
        failing: counts[k * 3 + 1]!,
        suppressedOnly: counts[k * 3 + 2]!,
      });
  }
  return base;
}

/**
 * The state of each evaluated resource, by position. Checks emit each resource's findings
 * right after evaluating it, so one merge walk with identity comparisons usually suffices:
 * hashing millions of refs costs more than the checks themselves. Findings in another order,
 * or whose refs are copies, are matched by kind, namespace and name instead.
 */
function resourceStates(
  evaluated: readonly ResourceRef[],
  findings: Finding[],
  isSuppressed: (f: Finding) => boolean,
): Uint8Array {
  const states = new Uint8Array(evaluated.length);
  const mark = (i: number, f: Finding) => {
    if (states[i] !== FAILING) states[i] = isSuppressed(f) ? SUPPRESSED : FAILING;
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
    // Nothing to judge here by design (a managed control plane, a manifests scan's nodes): out of the score and its coverage.
    if (c.status === "not-applicable") continue;
    const w = SEVERITY_WEIGHT[c.severity];
    totalWeight += w;
    if (c.status === "not-evaluated") {
      // Unknown is not safe: a check that could not run weighs as failing everything, so losing
      // read access can only lower a score. Coverage says how much of the score is unknown.
      notEvaluated.push(c.checkId);
      weights += w;
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
  const coverage = totalWeight === 0 ? 1 : coveredWeight / totalWeight;
  return { score, grade: gradeOrIncomplete(score, coverage), evaluated, failed, suppressed, coverage, notEvaluated };
}

function scoresOf(checks: CheckTallies[], group: string): Scores {
  const layers = Object.fromEntries(
    LAYERS.map((layer) => [
      layer,
      summarize(
        checks.filter((c) => c.layer === layer),
        group,
      ),
    ]),
  ) as Record<Layer, ScoreSummary>;
  const scored = LAYERS.map((l) => layers[l].score).filter((s): s is number => s !== null);
  const overallScore = scored.length ? round1(scored.reduce((a, b) => a + b, 0) / scored.length) : null;
  const overall = summarize(checks, group);
  return {
    overall: { ...overall, score: overallScore, grade: gradeOrIncomplete(overallScore, overall.coverage) },
    layers,
  };
}

/** A check's outcome as stored with a snapshot: enough to score it again under other accepted risks. */
export type StoredCheck = {
  checkId: string;
  layer: Layer;
  severity: Severity;
  status: CheckResult["status"];
  evaluated: number;
};
/** One stored finding of an evaluated check: which resource it is on. */
export type StoredFinding = { checkId: string; resource: ResourceRef };

/**
 * Scores a stored snapshot again (cluster-wide) under the accepted risks in force now: the same
 * formula as `scoreResults`, from each check's evaluated count and the snapshot's findings.
 */
export function rescoreStored(
  checks: StoredCheck[],
  findings: StoredFinding[],
  isSuppressed: (f: StoredFinding) => boolean,
): Scores {
  const states = new Map<string, Map<string, number>>();
  for (const f of findings) {
    const byResource = states.get(f.checkId) ?? new Map<string, number>();
    const key = keyOf(f.resource);
    if (byResource.get(key) !== FAILING) byResource.set(key, isSuppressed(f) ? SUPPRESSED : FAILING);
    states.set(f.checkId, byResource);
  }
  const tallies = checks.map((c): CheckTallies => {
    const groups = new Map<string, Tally>();
    if (c.status === "evaluated" && c.evaluated > 0) {
      const all: Tally = { evaluated: c.evaluated, failing: 0, suppressedOnly: 0 };
      for (const state of states.get(c.checkId)?.values() ?? []) {
        if (state === FAILING) all.failing++;
        else all.suppressedOnly++;
      }
      groups.set(ALL, all);
    }
    return { checkId: c.checkId, layer: c.layer, severity: c.severity, status: c.status, groups };
  });
  return scoresOf(tallies, ALL);
}

/** What a snapshot stores of its results so that it can be scored again. */
export const storedChecksOf = (results: CheckResult[]): StoredCheck[] =>
  results.map((r) => ({
    checkId: r.checkId,
    layer: r.layer,
    severity: r.severity,
    status: r.status,
    evaluated: r.status === "evaluated" ? r.evaluated.length : 0,
  }));

/**
 * Scores per layer and overall (CHECKS.md): a layer's score is 100 × Σ w·passRatio / Σ w over
 * the checks that evaluated at least one resource, plus the checks that could not be evaluated
 * at all (pass ratio 0); the overall score is the mean of the layers that have one. A layer with
 * nothing to evaluate has no score (null), never 100; under 90% coverage a score has no grade.
 */
export function scoreResults(results: CheckResult[], options: Options = {}): Scores {
  const isSuppressed = options.isSuppressed ?? (() => false);
  return scoresOf(
    results.map((r) => tally(r, isSuppressed, undefined)),
    ALL,
  );
}

/** The same formula per namespace, over the namespaced resources each check evaluated. */
export function scoreNamespaces(results: CheckResult[], options: Options = {}): Map<string, Scores> {
  return scoreSnapshot(results, options).namespaces;
}

/** Cluster and per-namespace scores from one pass over the results (what a snapshot stores). */
export function scoreSnapshot(
  results: CheckResult[],
  options: Options = {},
): { scores: Scores; namespaces: Map<string, Scores> } {
  const isSuppressed = options.isSuppressed ?? (() => false);
  const namespaceIndex = new NamespaceIndex();
  const checks = results.map((r) => tally(r, isSuppressed, namespaceIndex));
  const namespaces = new Set<string>();
  for (const c of checks) for (const g of c.groups.keys()) if (g !== ALL) namespaces.add(g);
  return {
    scores: scoresOf(checks, ALL),
    namespaces: new Map([...namespaces].sort().map((ns) => [ns, scoresOf(checks, ns)])),
  };
}
