import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

// The layering rules of eslint.config.mjs, run as `eslint .` runs them, on small files placed
// for the time of the test inside the layers (their imports resolve as real files' would).
const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });
const written: string[] = [];

async function lint(file: string, source: string): Promise<{ rule: string | null; message: string }[]> {
  const at = path.join(ROOT, file.replace("PROBE", `zz-layering-probe-${randomBytes(4).toString("hex")}`));
  written.push(at);
  writeFileSync(at, source);
  const [result] = await eslint.lintFiles([at]);
  return result!.messages
    .filter((m) => m.ruleId === "import-x/no-restricted-paths" || m.ruleId === "no-restricted-imports")
    .map((m) => ({ rule: m.ruleId, message: m.message }));
}

afterAll(() => {
  for (const file of written) rmSync(file, { force: true });
});

describe("lint enforces the layering", () => {
  it("reports a database import from the pure core written as a relative path, as it does with the alias", async () => {
    const relative = await lint(
      "lib/checks/PROBE.ts",
      `import { getPool } from "../db/pool";\nexport const p = getPool;\n`,
    );
    expect(relative).toEqual([
      expect.objectContaining({
        rule: "import-x/no-restricted-paths",
        message: expect.stringMatching(/"\.\.\/db\/pool".*pure/),
      }),
    ]);
    const aliased = await lint(
      "lib/scoring/PROBE.ts",
      `import { getPool } from "@/lib/db/pool";\nexport const p = getPool;\n`,
    );
    expect(aliased).toEqual([expect.objectContaining({ rule: "import-x/no-restricted-paths" })]);
  }, 60_000);

  it("reports collect importing evaluate, and lib/db importing who-may-do-what", async () => {
    expect(
      await lint(
        "lib/k8s/PROBE.ts",
        `import { detectProvider } from "../checks/node/detect-provider";\nexport const d = detectProvider;\n`,
      ),
    ).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Collecting \(lib\/k8s\) must not import evaluating/) }),
    ]);
    expect(
      await lint(
        "lib/db/PROBE.ts",
        `import { getAuth } from "../auth/auth";\nimport { withRoute } from "../api/with-route";\nexport const a = [getAuth, withRoute];\n`,
      ),
    ).toHaveLength(2);
  }, 60_000);

  it("reports the Prisma client and pg imported outside lib/db, relative or by package", async () => {
    const found = await lint(
      "lib/scans/PROBE.ts",
      `import pg from "pg";\nimport { PrismaPg } from "@prisma/adapter-pg";\nimport { PrismaClient } from "../../generated/prisma/client";\nexport const x = [pg, PrismaPg, PrismaClient];\n`,
    );
    expect(found.map((m) => m.message)).toEqual([
      expect.stringMatching(/"pg".*only inside lib\/db/),
      expect.stringMatching(/"@prisma\/adapter-pg".*only inside lib\/db/),
      expect.stringMatching(/"\.\.\/\.\.\/generated\/prisma\/client".*only inside lib\/db/),
    ]);
    expect(
      await lint(
        "components/PROBE.tsx",
        `import { getPrisma } from "../lib/db/client";\nexport const c = getPrisma;\n`,
      ),
    ).toHaveLength(1);
  }, 60_000);

  it("reports the test double loaded by production code, but not by the demo edge", async () => {
    const source = `import { demoCluster } from "../fake-api-server/clusters/demo";\nexport const d = demoCluster;\n`;
    expect(await lint("lib/jobs/PROBE.ts", source)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/test double/) }),
    ]);
    expect(await lint("lib/demo/PROBE.ts", source)).toEqual([]);
    expect(
      await lint(
        "lib/scans/PROBE.ts",
        `import { demoServer } from "../demo/demo-cluster-server";\nexport const d = demoServer;\n`,
      ),
    ).toEqual([expect.objectContaining({ message: expect.stringMatching(/demo cluster is an edge/) })]);
  }, 60_000);

  it("keeps the request and answer contracts a leaf: lib/db may use them, they may not reach up", async () => {
    expect(
      await lint(
        "lib/db/PROBE.ts",
        `import type { FindingRow } from "../contracts/findings";\nexport type F = FindingRow;\n`,
      ),
    ).toEqual([]);
    expect(
      await lint(
        "lib/contracts/PROBE.ts",
        `import { getPool } from "../db/pool";\nimport { withRoute } from "@/lib/api/with-route";\nexport const x = [getPool, withRoute];\n`,
      ),
    ).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/contracts are leaves/) }),
      expect.objectContaining({ message: expect.stringMatching(/contracts are leaves/) }),
    ]);
  }, 60_000);

  it("allows what the layers may import", async () => {
    expect(
      await lint(
        "lib/db/PROBE.ts",
        `import pg from "pg";\nimport { PrismaClient } from "../../generated/prisma/client";\nimport type { Finding } from "../checks/types";\nexport const x = [pg, PrismaClient];\nexport type F = Finding;\n`,
      ),
    ).toEqual([]);
    expect(
      await lint(
        "lib/k8s/PROBE.ts",
        `import { detectCredential } from "../secrets-detect/detect-credential";\nimport type { PodSpec } from "../inventory/pod-spec";\nexport const d = detectCredential;\nexport type P = PodSpec;\n`,
      ),
    ).toEqual([]);
    expect(
      await lint(
        "lib/checks/PROBE.ts",
        `import type { PodSpec } from "../inventory/pod-spec";\nimport { LAYERS } from "./types";\nexport const l = LAYERS;\nexport type P = PodSpec;\n`,
      ),
    ).toEqual([]);
  }, 60_000);
});
