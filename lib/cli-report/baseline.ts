import { z } from "zod";

import type { Finding } from "@/lib/checks/types";

/** A finding's identity across scans: check, resource and container (its message may change). */
export function findingKey(f: Pick<Finding, "checkId" | "resource" | "container">): string {
  return JSON.stringify([f.checkId, f.resource.kind, f.resource.namespace, f.resource.name, f.container ?? ""]);
}

const ZBaselineReport = z.object({
  tool: z.object({ name: z.literal("bulwark") }),
  findings: z.array(
    z.object({
      checkId: z.string(),
      resource: z.object({ kind: z.string(), namespace: z.string(), name: z.string() }),
      container: z.string().optional(),
    }),
  ),
});

export class BaselineError extends Error {}

/** The identities of the findings in a previous `--format json` report. */
export function parseBaseline(text: string, origin: string): Set<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(
      `${origin}: not JSON (${error instanceof Error ? error.message : String(error)}); a baseline is a previous \`bulwark scan --format json\` report`,
    );
  }
  const parsed = ZBaselineReport.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BaselineError(
      `${origin}: not a bulwark JSON report (at ${issue?.path.join(".") || "(root)"}: ${issue?.message})`,
    );
  }
  return new Set(parsed.data.findings.map(findingKey));
}
