import { getCheckTitle } from "@/lib/checks/get-check-title";

/** Checks a scan could not evaluate, each with why and what fixes it: they weigh as failing in the scores. */
export function NotEvaluatedList({
  checks,
  coverage = 1,
}: {
  checks: { checkId: string; reason: string }[];
  coverage?: number;
}) {
  if (checks.length === 0 && coverage < 1) {
    // Snapshots taken before the list was recorded still carry their coverage.
    return (
      <p className="text-sm text-amber-900">
        Some checks could not be evaluated in this scan ({Math.floor(coverage * 100)}% evaluated); which ones was not
        recorded. The next scan lists them.
      </p>
    );
  }
  if (checks.length === 0) return <p className="text-sm text-slate-600">Every check was evaluated.</p>;
  return (
    <>
      <p className="mb-2 text-sm text-slate-700">
        {checks.length} check{checks.length === 1 ? " was" : "s were"} not evaluated: each weighs in its layer&apos;s
        score as failing everything (unknown is not safe) and lowers the coverage; under 90% coverage a layer shows no
        grade. A missing permission is fixed by the rule named below;{" "}
        <a className="text-sky-800 underline" href="/bulwark-clusterrole.yaml">
          the Bulwark ClusterRole
        </a>{" "}
        has every rule Bulwark needs.
      </p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900" data-testid="not-evaluated">
        {checks.map((c) => (
          <li key={c.checkId}>
            <span className="font-mono">{c.checkId}</span> ({getCheckTitle(c.checkId)}): {c.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
