import { describe, expect, it } from "vitest";

import { env } from "@/lib/env.js";

import { isConnectionLost } from "./connection-lost";

const refused = (port: number) =>
  Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: "ECONNREFUSED", port });

describe("isConnectionLost", () => {
  it("knows a database that went away, however it is wrapped", () => {
    expect(
      isConnectionLost(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
    ).toBe(true);
    expect(isConnectionLost(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(true);
    expect(isConnectionLost(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(
      isConnectionLost(new Error("write failed", { cause: refused(Number(new URL(env.DATABASE_URL!).port)) })),
    ).toBe(true);
  });

  it("does not take another server's refusal, or a bad query, for the database going away", () => {
    expect(isConnectionLost(refused(6443))).toBe(false);
    expect(isConnectionLost(Object.assign(new Error('relation "nope" does not exist'), { code: "42P01" }))).toBe(false);
    expect(isConnectionLost(new Error("cluster cmx does not exist"))).toBe(false);
  });
});
