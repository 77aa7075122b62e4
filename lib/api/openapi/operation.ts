import { z, type ZodType } from "zod";
import type {
  ZodObjectInput,
  ZodOpenApiOperationObject,
  ZodOpenApiResponseObject,
  ZodOpenApiResponsesObject,
} from "zod-openapi";

import { hasRole, type Role } from "@/lib/access/roles";
import { SCOPE_ROLE, TOKEN_SCOPES, type TokenScope } from "@/lib/access/token-scopes";
import { ZProblem } from "@/lib/contracts/problem";

import { tokenScopeOf } from "../with-route";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One documented operation: the same role, scope and zod schemas its route handler enforces. */
export type Operation = {
  method: Method;
  /** The OpenAPI path: `/api/clusters/{id}` for `app/api/clusters/[id]/route.ts`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  role: Role | "public";
  tokenScope?: TokenScope | "none";
  params?: ZodObjectInput;
  query?: ZodObjectInput;
  body?: ZodType;
  /** The answers it gives when it succeeds; errors are added from the rest. */
  responses: Record<`${1 | 2 | 3 | 4 | 5}${string}`, ZodOpenApiResponseObject>;
};

export const json = (
  description: string,
  schema: ZodType,
  headers?: ZodOpenApiResponseObject["headers"],
): ZodOpenApiResponseObject => ({
  description,
  content: { "application/json": { schema } },
  ...(headers ? { headers } : {}),
});
export const csv = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { "text/csv": { schema: z.string() } },
  headers: z.object({ "content-disposition": z.string().meta({ description: "attachment; filename=…" }) }),
});
export const noContent = (description: string): ZodOpenApiResponseObject => ({ description });

const problem = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { "application/problem+json": { schema: ZProblem } },
});

/** The scopes a token needs to call it, or null when tokens cannot (no scope, or a role above any token's). */
export function tokenScopesFor(op: Pick<Operation, "method" | "role" | "tokenScope">): TokenScope[] | null {
  const scope = tokenScopeOf(op.method, op.tokenScope);
  if (scope === "none" || op.role === "public") return null;
  const needed = op.role;
  if (hasRole(SCOPE_ROLE[scope], needed)) return [scope];
  // The token's role is the highest of its scopes' (and never above its owner's).
  const lift = TOKEN_SCOPES.find((s) => hasRole(SCOPE_ROLE[s], needed));
  return lift ? [scope, lift] : null;
}

function access(op: Operation): string {
  if (op.role === "public") return "Public: no session or token needed.";
  const scopes = tokenScopesFor(op);
  const token = scopes
    ? `API tokens need the ${scopes.map((s) => `\`${s}\``).join(" and ")} scope${scopes.length > 1 ? "s" : ""}.`
    : "API tokens cannot call it: sign in.";
  return `Least role: ${op.role}. ${token}`;
}

function errors(op: Operation): ZodOpenApiResponsesObject {
  const out: ZodOpenApiResponsesObject = {};
  if (op.params || op.query || op.body)
    out["400"] = problem(
      "A path parameter, query parameter or body field is invalid: `invalid_params` names each, with why.",
    );
  if (op.role !== "public") {
    out["401"] = problem("No session and no valid API token.");
    out["403"] = problem("Below the least role, outside the token's scope, or a cookie request from another site.");
  }
  if (op.params) out["404"] = problem("Nothing has that id.");
  out.default = problem(
    "Any other error: 409 (a conflict with the current state), 429, 503 with Retry-After (database or scan queue not ready), 500.",
  );
  return out;
}

/** The OpenAPI operation, with security, the role as `x-bulwark-role`, and the error answers. */
export function toOpenApi(op: Operation): ZodOpenApiOperationObject {
  const scopes = tokenScopesFor(op);
  const requestParams = { ...(op.params ? { path: op.params } : {}), ...(op.query ? { query: op.query } : {}) };
  return {
    operationId: `${op.method.toLowerCase()}${op.path
      .replace(/\{(\w+)\}/g, "By-$1")
      .replace(/\.(\w+)/g, "-$1")
      .split(/[/-]/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join("")}`,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, access(op)].filter(Boolean).join("\n\n"),
    security: op.role === "public" ? [] : [{ session: [] }, ...(scopes ? [{ apiToken: scopes }] : [])],
    "x-bulwark-role": op.role,
    ...(Object.keys(requestParams).length ? { requestParams } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
    responses: { ...op.responses, ...errors(op) },
  };
}
