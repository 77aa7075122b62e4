// Bulwark inside a cluster: with only the pod's service account (token and CA files,
// KUBERNETES_SERVICE_HOST/PORT; no kubeconfig) it registers the cluster it runs in and scans it
// over HTTPS. Migrations started by several replicas at once run exactly once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { demoCluster } from "@/lib/fake-api-server/clusters/demo";
import { createFakeApiServer, type FakeApiServer } from "@/lib/fake-api-server/create-fake-api-server";
import { generateTls } from "@/lib/fake-api-server/generate-tls";

import { loadScanModules, useOwnDatabase } from "../helpers/own-database";

const TOKEN = "in-cluster-scanner-token-0123456789";
let server: FakeApiServer;
let root: string;

beforeAll(async () => {
  const tls = await generateTls();
  server = await createFakeApiServer({ cluster: demoCluster(3), tls, token: TOKEN });
  root = mkdtempSync(path.join(tmpdir(), "bulwark-pod-"));
  const sa = path.join(root, "var/run/secrets/kubernetes.io/serviceaccount");
  mkdirSync(sa, { recursive: true });
  writeFileSync(path.join(sa, "token"), TOKEN);
  writeFileSync(path.join(sa, "ca.crt"), tls.caPem);
  writeFileSync(path.join(sa, "namespace"), "bulwark");
  // What the kubelet gives every pod, and the chart's setting; read when the modules load.
  process.env.KUBERNETES_SERVICE_HOST = "127.0.0.1";
  process.env.KUBERNETES_SERVICE_PORT = String(server.port);
  process.env.BULWARK_IN_CLUSTER_ROOT = root;
  await useOwnDatabase("bulwark_in_cluster");
});

afterAll(async () => {
  delete process.env.KUBERNETES_SERVICE_HOST;
  delete process.env.KUBERNETES_SERVICE_PORT;
  delete process.env.BULWARK_IN_CLUSTER_ROOT;
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe("in-cluster scanning", () => {
  it("registers the cluster it runs in once, however many replicas start, and scans it with the service account", async () => {
    const { registerInClusterIfAbsent } = await import("@/lib/clusters/register-in-cluster");
    const { prisma, startSnapshot, runSnapshot } = await loadScanModules();
    const ids = await Promise.all([1, 2, 3].map(() => registerInClusterIfAbsent("this-cluster")));
    const registered = await prisma.cluster.findMany({ where: { source: "in_cluster" } });
    expect(registered.map((c) => c.name)).toStrictEqual(["this-cluster"]);
    expect(ids.filter((id) => id !== null)).toStrictEqual([registered[0]?.id]);
    expect(await registerInClusterIfAbsent("this-cluster")).toBeNull();

    const clusterId = registered[0]!.id;
    const takenAt = new Date();
    const snapshot = await startSnapshot(clusterId, "manual", takenAt);
    const done = await runSnapshot({ snapshotId: snapshot.id, clusterId, seq: snapshot.seq, takenAt });
    expect(done.status).toBe("succeeded");
    const findings = await prisma.finding.count({ where: { clusterId } });
    expect(findings).toBeGreaterThan(10);
    expect(server.requests.length).toBeGreaterThan(10);
    // Every request with the service account's token, but the one anonymous probe, which carries nothing.
    expect(server.requests.filter((r) => r.auth !== `Bearer ${TOKEN}`).map((r) => [r.path, r.auth])).toStrictEqual([
      ["/api/v1/namespaces?limit=1", undefined],
    ]);
  });

  it("says what is missing when not running in a cluster", async () => {
    const { registerInClusterIfAbsent } = await import("@/lib/clusters/register-in-cluster");
    const { prisma } = await loadScanModules();
    await prisma.cluster.deleteMany({ where: { source: "in_cluster" } });
    const port = process.env.KUBERNETES_SERVICE_PORT;
    delete process.env.KUBERNETES_SERVICE_PORT;
    try {
      await expect(registerInClusterIfAbsent("this-cluster")).rejects.toThrow(
        /cannot scan the cluster Bulwark runs in: not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT/,
      );
    } finally {
      process.env.KUBERNETES_SERVICE_PORT = port;
    }
  });
});

describe("migrations across replicas", () => {
  it("apply exactly once when several processes start at the same time", async () => {
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS bulwark_migrate_once");
    await admin.query("CREATE DATABASE bulwark_migrate_once");
    await admin.end();
    const url = new URL(inject("databaseUrl"));
    url.pathname = "/bulwark_migrate_once";
    const { applyMigrationsOnce } = await import("@/lib/db/apply-migrations-once");
    const results = await Promise.all([1, 2].map(() => applyMigrationsOnce(url.toString())));
    const appliers = results.filter((r) => r.length > 0);
    expect(appliers.length).toBe(1);
    expect(results.filter((r) => r.length === 0).length).toBe(1);
    const check = new pg.Client({ connectionString: url.toString() });
    await check.connect();
    const { rows } = await check.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    await check.end();
    expect(rows[0]?.n).toBe(appliers[0]?.length);
  }, 60_000);
});
