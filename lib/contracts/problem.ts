import { z } from "zod";

/** Every error answer: RFC 9457 problem+json, with the invalid fields of a 400. */
export const ZProblem = z.strictObject({
  title: z.string(),
  status: z.number().int(),
  /** Safe to show: never internals. */
  detail: z.string(),
  code: z.enum([
    "BAD_REQUEST",
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "NOT_FOUND",
    "CONFLICT",
    "RATE_LIMITED",
    "UNPROCESSABLE",
    "CONFIGURATION",
    "UNAVAILABLE",
    "INTERNAL",
  ]),
  /** Names the request in the server log. */
  requestId: z.string(),
  /** A 400's fields, each with why it was refused (`body.name`, `query.limit`). */
  invalid_params: z.array(z.strictObject({ name: z.string(), reason: z.string() })).optional(),
});
export type Problem = z.infer<typeof ZProblem>;
