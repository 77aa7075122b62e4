import { randomUUID } from "node:crypto";
import { z, type ZodType } from "zod";

import type { Caller } from "@/lib/access/caller";
import { hasRole, type Role } from "@/lib/access/roles";
import type { TokenScope } from "@/lib/access/token-scopes";
import { trustedOrigins } from "@/lib/auth/app-origin";
import { getCaller } from "@/lib/auth/resolve-caller";
import { isConnectionLost } from "@/lib/db/connection-lost";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

import { noStore } from "./no-store";
import { problem, type InvalidParam } from "./problem";
import { readBody } from "./read-body";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type HandlerInput<P, Q, B, R> = {
  params: P;
  query: Q;
  body: B;
  caller: R extends "public" ? Caller | null : Caller;
  request: Request;
  requestId: string;
};

type RouteOptions<P, Q, B, R extends Role | "public"> = {
  /** The least role allowed; "public" only for health and sign-in. */
  role: R;
  /**
   * The API token scope this route needs: by default `read` for GET and none for anything that
   * changes state, which tokens may then not do at all. A scope grants exactly what its name
   * says: `read` reads, `scan` requests scans.
   */
  tokenScope?: TokenScope | "none";
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  handler: (input: HandlerInput<P, Q, B, R>) => Promise<Response | object>;
};

function issues(error: z.ZodError, where: string): InvalidParam[] {
  return error.issues.map((i) => ({ name: [where, ...i.path.map(String)].join("."), reason: i.message }));
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success)
    throw Object.assign(new AppError("BAD_REQUEST", { userMessage: `Invalid ${where}.` }), {
      invalid: issues(result.error, where),
    });
  return result.data;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The scope a token needs for a route: the declared one, else `read` to read and none (no tokens) to change anything. */
export const tokenScopeOf = (method: string, declared: TokenScope | "none" | undefined): TokenScope | "none" =>
  declared ?? (SAFE_METHODS.has(method) ? "read" : "none");

/** A token caller needs the route's scope; sessions are governed by role alone. */
function assertTokenScope(request: Request, caller: Caller, declared: TokenScope | "none" | undefined): void {
  if (caller.via !== "token") return;
  const needed = tokenScopeOf(request.method, declared);
  if (needed === "none")
    throw new AppError("FORBIDDEN", { userMessage: "API tokens cannot do this; sign in to Bulwark instead." });
  if (!caller.scopes.includes(needed))
    throw new AppError("FORBIDDEN", { userMessage: `This needs an API token with the ${needed} scope.` });
}

/** A 503 says when to come back. */
function withRetryAfter(response: Response): Response {
  if (response.status === 503) response.headers.set("retry-after", "5");
  return response;
}

/**
 * CSRF: a state-changing request carried by a session cookie must come from Bulwark's own
 * pages. Browsers send Sec-Fetch-Site and Origin on such requests; API tokens are not
 * ambient credentials, so token callers are exempt.
 */
function assertSameOrigin(request: Request, caller: Caller | null): void {
  if (SAFE_METHODS.has(request.method) || caller?.via === "token") return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const crossSite =
    (site !== null && site !== "same-origin" && site !== "none") ||
    (origin !== null && !trustedOrigins().includes(origin));
  if (crossSite) throw new AppError("FORBIDDEN", { userMessage: "Cross-site request refused." });
}

/** What a route enforces, kept on its handler so the OpenAPI document can be checked against it. */
export type RouteContract = {
  role: Role | "public";
  tokenScope: TokenScope | "none" | undefined;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
};

/**
 * The one wrapper every route handler goes through: request id, caller and role check, zod
 * parsing of params, query and body, and AppError → problem+json. Unknown errors become a 500
 * that says nothing about internals; the log has the details.
 */
export function withRoute<P = undefined, Q = undefined, B = undefined, R extends Role | "public" = Role>(
  options: RouteOptions<P, Q, B, R>,
) {
  const contract: RouteContract = {
    role: options.role,
    tokenScope: options.tokenScope,
    params: options.params,
    query: options.query,
    body: options.body,
  };
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    const url = new URL(request.url);
    try {
      // A public route (health, sign-in) answers without a caller; one that cannot be looked up
      // (the database is down) must not turn its answer into an error.
      const caller = options.role === "public" ? await getCaller(request).catch(() => null) : await getCaller(request);
      assertSameOrigin(request, caller);
      if (options.role !== "public") {
        if (!caller) throw new AppError("UNAUTHENTICATED", { userMessage: "Sign in to use this API." });
        if (!hasRole(caller.role, options.role as Role)) {
          throw new AppError("FORBIDDEN", { userMessage: `This needs the ${options.role} role.` });
        }
        assertTokenScope(request, caller, options.tokenScope);
      }
      const input = {
        params: parse(options.params, await context.params, "params"),
        query: parse(options.query, Object.fromEntries(url.searchParams), "query"),
        body: parse(options.body, await readBody(request), "body"),
        caller,
        request,
        requestId,
      } as HandlerInput<P, Q, B, R>;
      const result = await options.handler(input);
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return noStore(result);
      }
      return noStore(Response.json(result, { headers: { "x-request-id": requestId } }));
    } catch (error) {
      if (error instanceof AppError) {
        const invalid = (error as AppError & { invalid?: InvalidParam[] }).invalid;
        if (error.code === "INTERNAL" || error.code === "CONFIGURATION") {
          log.error({ requestId, route: url.pathname, err: error }, "request failed");
        }
        return noStore(
          withRetryAfter(problem(error.code, error.userMessage ?? "The request failed.", requestId, invalid)),
        );
      }
      if (isConnectionLost(error)) {
        log.warn({ requestId, route: url.pathname, err: error }, "database unavailable");
        return noStore(
          withRetryAfter(
            problem("UNAVAILABLE", "The database cannot be reached right now. Try again in a few seconds.", requestId),
          ),
        );
      }
      log.error({ requestId, route: url.pathname, err: error }, "unhandled error");
      return noStore(
        problem("INTERNAL", "Something went wrong. The request id identifies it in the server log.", requestId),
      );
    }
  };
  return Object.assign(route, { contract });
}
