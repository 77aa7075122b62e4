import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";

import { collectInventory } from "@/lib/k8s/collect-inventory";
import { connect } from "@/lib/k8s/connect";

// Anyone can reproduce a cluster's bad day from the command line: the script's fault options
// reach the fake API server, and the collector sees them as it would a real cluster's.
const dir = mkdtempSync(path.join(tmpdir(), "bulwark-fake-cli-"));
const running: ChildProcess[] = [];
afterAll(() => {
  for (const c of running) c.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

async function serve(args: string[]): Promise<{ kubeconfig: string; faults: unknown }> {
  const kubeconfig = path.join(dir, `${running.length}.kubeconfig`);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/fake-cluster.ts", "--kubeconfig", kubeconfig, ...args],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  running.push(child);
  const [line] = await new Promise<string[]>((resolve) =>
    createInterface({ input: child.stdout! }).once("line", (l) => resolve([l])),
  );
  return { kubeconfig, faults: (JSON.parse(line!) as { faults: unknown }).faults };
}

const collect = async (kubeconfig: string, options = { maxRetries: 1, requestTimeoutMs: 1_000 }) =>
  collectInventory(
    await connect(
      { type: "kubeconfig-text", text: readFileSync(kubeconfig, "utf8"), origin: "fake-cluster kubeconfig" },
      { allowExec: false, allowLoopback: true },
    ),
    options,
  );

describe("scripts/fake-cluster.ts", () => {
  it("--help lists every fault; a bad value is refused with exit 2", () => {
    const help = spawnSync(process.execPath, ["--import", "tsx", "scripts/fake-cluster.ts", "--help"], {
      encoding: "utf8",
    });
    expect(help.status).toBe(0);
    for (const option of [
      "--forbid",
      "--forbid-proxy",
      "--forbid-configz",
      "--fail",
      "--server-errors",
      "--too-many-requests",
      "--retry-after",
      "--drop",
      "--delay",
      "--hang",
    ])
      expect(help.stdout).toContain(option);
    const bad = spawnSync(process.execPath, ["--import", "tsx", "scripts/fake-cluster.ts", "--delay", "soon"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--delay needs a whole number, not "soon"/);
  });

  it("serves the faults it is given: 403 and exhausted 500s per resource, 429s and drops that retries ride out", async () => {
    const faulty = await serve([
      "--forbid",
      "secrets",
      "--fail",
      "deployments.apps",
      "--forbid-proxy",
      "--forbid-configz",
    ]);
    const { warnings, inventory } = await collect(faulty.kubeconfig);
    expect(warnings.map((w) => [w.kind, w.status])).toEqual(
      expect.arrayContaining([
        ["secrets", 403],
        ["deployments.apps", 500],
      ]),
    );
    expect(inventory.nodes.every((n) => n.kubelet.status === "unavailable")).toBe(true);

    const flaky = await serve(["--too-many-requests", "2", "--retry-after", "0", "--drop", "1", "--delay", "5"]);
    expect(flaky.faults).toStrictEqual({
      tooManyRequests: { times: 2, retryAfterSeconds: 0 },
      dropConnections: { times: 1 },
      delayMs: 5,
    });
    const { warnings: none } = await collect(flaky.kubeconfig, { maxRetries: 3, requestTimeoutMs: 5_000 });
    expect(none).toStrictEqual([]);

    const hanging = await serve(["--hang"]);
    await expect(collect(hanging.kubeconfig)).rejects.toThrow(/no answer within 1000 ms/);
  });
});
