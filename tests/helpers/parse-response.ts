import type { z } from "zod";

import { ZProblem } from "@/lib/contracts/problem";

function mismatch(error: z.ZodError): string {
  return error.issues.map((i) => `  at ${i.path.length ? i.path.join(".") : "(the body)"}: ${i.message}`).join("\n");
}

/**
 * Reads a JSON answer and parses it with the route's response schema (strict objects: a key the
 * schema does not name fails too). Fails with the path of every mismatch; returns the parsed body.
 */
export async function expectJson<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> {
  const type = res.headers.get("content-type") ?? "";
  const text = await res.text();
  if (!/^application\/(problem\+)?json\b/.test(type))
    throw new Error(`expected a JSON answer, got ${res.status} with content-type "${type}": ${text.slice(0, 300)}`);
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success)
    throw new Error(
      `the ${res.status} answer does not match its schema:\n${mismatch(result.error)}\nbody: ${text.slice(0, 500)}`,
    );
  return result.data;
}

/** An error answer: RFC 9457 problem+json. */
export async function expectProblem(res: Response): Promise<z.output<typeof ZProblem>> {
  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json"))
    throw new Error(`expected problem+json, got ${res.status} with content-type "${type}"`);
  return expectJson(res, ZProblem);
}
