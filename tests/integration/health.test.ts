import { describe, expect, it, vi } from "vitest";

import { ZHealth, ZLive } from "@/lib/contracts/health";
import { findFreePort } from "@/lib/db/free-port";

import { expectJson } from "../helpers/parse-response";

const context = { params: Promise.resolve({}) };

async function freshHealthRoute() {
  vi.resetModules();
  delete (globalThis as { bulwarkPrisma?: unknown }).bulwarkPrisma;
  return (await import("@/app/api/health/route")).GET;
}

describe("GET /api/health", () => {
  it("reports ok when the database answers and the scan queue is installed", async () => {
    const GET = await freshHealthRoute();
    const { getBoss, stopBoss } = await import("@/lib/jobs/boss");
    const { SCAN_QUEUE } = await import("@/lib/jobs/scan-queue");
    await (await getBoss({ worker: true })).createQueue(SCAN_QUEUE).catch(() => {});
    await stopBoss();
    const res = await GET(new Request("http://localhost/api/health"), context);
    expect(res.status).toBe(200);
    expect(await expectJson(res, ZHealth)).toEqual({ status: "ok", db: "ok", queue: "ok" });
    await stopBoss();
  });

  it("answers 503 with db down when the database is unreachable", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgresql://postgres:x@127.0.0.1:${await findFreePort()}/none`;
    try {
      const GET = await freshHealthRoute();
      const res = await GET(new Request("http://localhost/api/health"), context);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(await expectJson(res, ZHealth)).toEqual({ status: "degraded", db: "down", queue: "unknown" });
      // The liveness probe's answer does not depend on the database: an outage restarts no pod.
      const live = (await import("@/app/api/health/live/route")).GET;
      const alive = await live(new Request("http://localhost/api/health/live"), context);
      expect(alive.status).toBe(200);
      expect(await expectJson(alive, ZLive)).toEqual({ status: "ok" });
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});
