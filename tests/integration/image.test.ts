// The OCI image: built by scripts/image/build.sh (buildah, mmdebstrap) and run by
// scripts/image/smoke.ts from its own filesystem (read-only, chroot as UID 65532) against a
// loopback Postgres and the fake API server.
// Runs only where its prerequisites are: root, buildah and mmdebstrap (.ci/run installs them).
// With BULWARK_IMAGE_TEST=1 it builds the image first (a few minutes: next build); otherwise it
// smoke-tests an image built before (npm run image:build), and is skipped when there is none.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const prerequisites = process.getuid?.() === 0 && has("buildah") && has("mmdebstrap");
const build = process.env.BULWARK_IMAGE_TEST === "1";
const runs = prerequisites && (build || existsSync(".image/build.json"));

describe.skipIf(!runs)("the container image", () => {
  it(
    "serves /api/health and scans the cluster it runs in, from a read-only root as UID 65532",
    () => {
      if (build) execFileSync("bash", ["scripts/image/build.sh"], { stdio: "inherit", timeout: 15 * 60_000 });
      const built = JSON.parse(readFileSync(".image/build.json", "utf8")) as { digest: string };
      const r = spawnSync("bash", ["scripts/image/smoke.sh"], { encoding: "utf8", timeout: 5 * 60_000 });
      expect(r.stderr).not.toMatch(/smoke: (?!web healthy|in-cluster scan succeeded|bundled database ready)/);
      expect(r.status).toBe(0);
      const result = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as {
        digest: string;
        scan: { status: string; findings: number };
        readOnlyRoot: boolean;
        cliFindings: number;
        bundledDbMs: number;
      };
      expect(result.digest).toBe(built.digest);
      expect(result.scan.status).toBe("succeeded");
      expect(result.scan.findings).toBeGreaterThan(10);
      expect(result.readOnlyRoot).toBe(true);
      expect(result.cliFindings).toBe(0);
      expect(result.bundledDbMs).toBeGreaterThan(0);
    },
    20 * 60_000,
  );
});
