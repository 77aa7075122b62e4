import type { Finding } from "./types";

/** A finding's identity: check, resource and container (the dashboard keeps one lifetime per identity). */
export const findingIdentity = (f: Finding) =>
  `${f.checkId}\u0000${f.resource.kind}\u0000${f.resource.namespace}\u0000${f.resource.name}\u0000${f.container ?? ""}`;

/**
 * One finding per identity, in first-seen order: a check that reports several problems of one
 * resource and container (a binding that can both exec and create workloads) gives one finding
 * whose message names each, "; "-joined. The CLI and the dashboard count the same findings.
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const at = new Map<string, number>();
  for (const f of findings) {
    const key = findingIdentity(f);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.push(f) - 1);
    } else {
      out[i] = { ...out[i]!, message: `${out[i]!.message}; ${f.message}` };
    }
  }
  return out;
}
