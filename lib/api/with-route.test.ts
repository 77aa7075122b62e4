import { describe, expect, it } from "vitest";
import { z } from "zod";

import { AppError } from "@/lib/errors";
import { expectProblem } from "@/tests/helpers/parse-response";

import { withRoute } from "./with-route";

const context = { params: Promise.resolve({ id: "c1" }) };

describe("withRoute", () => {
  it("answers 401 problem+json to a caller without a session on a non-public route", async () => {
    const GET = withRoute({ role: "viewer", handler: async () => ({ secret: true }) });
    const res = await GET(new Request("http://localhost/api/x"), context);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await expectProblem(res);
    expect(body).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("names each invalid query parameter", async () => {
    const GET = withRoute({
      role: "public",
      query: z.object({ limit: z.coerce.number().int().max(500) }),
      handler: async () => ({}),
    });
    const res = await GET(new Request("http://localhost/api/x?limit=9000"), context);
    expect(res.status).toBe(400);
    expect((await expectProblem(res)).invalid_params).toEqual([
      { name: "query.limit", reason: expect.stringContaining("500") },
    ]);
  });

  it("maps AppError codes to their status and hides internals of unknown errors", async () => {
    const notFound = withRoute({
      role: "public",
      handler: async () => {
        throw new AppError("NOT_FOUND", { userMessage: "No such cluster." });
      },
    });
    expect((await notFound(new Request("http://localhost/x"), context)).status).toBe(404);
    const boom = withRoute({
      role: "public",
      handler: async () => {
        throw new Error("password=hunter2 at db.ts:12");
      },
    });
    const res = await boom(new Request("http://localhost/x"), context);
    expect(res.status).toBe(500);
    expect(JSON.stringify(await expectProblem(res))).not.toContain("hunter2");
  });

  it("passes parsed params to the handler", async () => {
    const GET = withRoute({
      role: "public",
      params: z.object({ id: z.string() }),
      handler: async ({ params }) => ({ got: params.id }),
    });
    expect(await (await GET(new Request("http://localhost/x"), context)).json()).toEqual({ got: "c1" });
  });
});
