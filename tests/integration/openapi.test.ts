import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";

import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { tokenScopesFor } from "@/lib/api/openapi/operation";
import { OPERATIONS } from "@/lib/api/openapi/operations";
import { tokenScopeOf, type RouteContract } from "@/lib/api/with-route";
import { ZOpenApiDocument } from "@/lib/contracts/openapi";

import { call, makeUser, signIn } from "../helpers/auth";
import { expectJson, expectProblem } from "../helpers/parse-response";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? routeFiles(p) : f === "route.ts" ? [p] : [];
  });
}

/** app/api/clusters/[id]/posture/route.ts → /api/clusters/{id}/posture; [...all] → {all}. */
const openApiPath = (file: string) =>
  "/" +
  path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .map((s) => s.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}"))
    .join("/");

/** Every exported method of every route file under app/api, with what its handler enforces. */
async function declaredRoutes() {
  const files = routeFiles("app/api");
  const routes = await Promise.all(
    files.map(async (file) => {
      const exported = [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (m) => m[1] as Method,
      );
      const handlers = (await import(/* @vite-ignore */ path.resolve(file))) as Record<
        string,
        { contract?: RouteContract }
      >;
      return exported.map((method) => ({ method, path: openApiPath(file), contract: handlers[method]?.contract }));
    }),
  );
  return routes.flat();
}

async function fetchDocument() {
  const user = await makeUser("viewer");
  const { cookie } = await signIn(user.email);
  const res = await call(openApiRoute, { headers: { cookie }, path: "/api/openapi.json" });
  expect(res.status).toBe(200);
  return expectJson(res, ZOpenApiDocument);
}

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document whose every $ref resolves", async () => {
    const document = await fetchDocument();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("describes every method of every route file under app/api, and nothing else", async () => {
    const document = await fetchDocument();
    const declared = (await declaredRoutes()).map((r) => `${r.method} ${r.path}`).sort();
    const documented = Object.entries(document.paths)
      .flatMap(([p, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(declared.length).toBeGreaterThan(40);
    expect(documented).toEqual(declared);
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents the role, token scopes and zod schemas each route enforces", async () => {
    const document = await fetchDocument();
    for (const route of await declaredRoutes()) {
      const what = `${route.method} ${route.path}`;
      const op = OPERATIONS.find((o) => o.method === route.method && o.path === route.path);
      if (!op) throw new Error(`${what} is not documented`);
      const contract = route.contract ?? { role: "public", tokenScope: undefined };
      expect(op.role, what).toBe(contract.role);
      expect(tokenScopeOf(op.method, op.tokenScope), what).toBe(tokenScopeOf(route.method, contract.tokenScope));
      // The very schema objects the handler parses with (the sign-in library's catch-all has none of ours).
      if (route.contract) {
        expect(op.params, `${what} params`).toBe(contract.params);
        expect(op.query, `${what} query`).toBe(contract.query);
        expect(op.body, `${what} body`).toBe(contract.body);
      }
      const rendered = (
        document.paths[route.path] as Record<string, { security: Record<string, string[]>[]; "x-bulwark-role": string }>
      )[route.method.toLowerCase()]!;
      expect(rendered["x-bulwark-role"], what).toBe(contract.role);
      const scopes = tokenScopesFor(op);
      expect(rendered.security, what).toEqual(
        contract.role === "public" ? [] : [{ session: [] }, ...(scopes ? [{ apiToken: scopes }] : [])],
      );
    }
  });

  it("answers 401 without a session or token", async () => {
    const res = await call(openApiRoute, { path: "/api/openapi.json" });
    expect(res.status).toBe(401);
    await expectProblem(res);
  });
});
