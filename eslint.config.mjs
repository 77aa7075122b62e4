import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import { defineConfig, globalIgnores } from "eslint/config";

const PURE =
  "lib/checks, lib/scoring, lib/inventory, lib/secrets-detect and lib/access are pure: no I/O, no clock, no framework.";
const TESTS = ["**/*.test.ts", "**/__fixtures__/**", "**/*.cases.ts"];

// The layering (ARCHITECTURE.md, "Layers"), checked on the resolved path of every import, so a
// relative `../../db/pool` is caught like `@/lib/db/pool`.
/** @param {...string} names */
const libFoldersExcept = (...names) =>
  readdirSync(new URL("lib", import.meta.url))
    .filter((n) => !names.includes(n))
    .map((n) => `lib/${n}`);
const DATABASE_DRIVER = [
  "generated",
  "node_modules/@prisma",
  "node_modules/pg",
  "node_modules/@types/pg",
  "node_modules/pg-copy-streams",
  "node_modules/@types/pg-copy-streams",
  "node_modules/pg-cursor",
  "node_modules/@types/pg-cursor",
];
const ZONES = [
  {
    target: ["lib/checks", "lib/scoring", "lib/inventory", "lib/secrets-detect", "lib/access"],
    from: [
      "lib/db",
      "lib/k8s",
      "lib/api",
      "lib/auth",
      "lib/jobs",
      "lib/scans",
      "lib/notify",
      "lib/fake-api-server",
      "lib/demo",
      "node_modules/next",
      "node_modules/@kubernetes",
    ],
    message: PURE,
  },
  {
    target: ["lib/k8s"],
    from: ["lib/checks", "lib/scoring", "lib/frameworks"],
    message:
      "Collecting (lib/k8s) must not import evaluating: put what both need below them (lib/inventory, lib/secrets-detect).",
  },
  {
    target: ["lib/jobs"],
    from: ["lib/scans"],
    message: "The queue mechanics sit below the scan domain: lib/scans uses lib/jobs, not the reverse.",
  },
  {
    target: ["lib/db"],
    from: ["lib/auth", "lib/audit", "lib/approvals"],
    message: "lib/db holds queries: who may do what, and its audit entry, are decided above it.",
  },
  {
    target: ["lib/db", "lib/auth"],
    from: ["lib/api"],
    message:
      "lib/db and lib/auth must not depend on the HTTP layer: the request and answer shapes are in lib/contracts, roles and callers in lib/access.",
  },
  {
    target: ["lib/contracts"],
    from: libFoldersExcept("contracts", "access", "checks", "frameworks", "inventory"),
    message:
      "The zod contracts are leaves: they may use the core's constants and types (lib/checks, lib/frameworks, lib/inventory) and lib/access, nothing above.",
  },
  {
    target: ["components"],
    from: ["lib/db", "lib/k8s", ...DATABASE_DRIVER],
    message: "UI reads through lib/api or lib/query.",
  },
  {
    target: libFoldersExcept("fake-api-server", "demo"),
    from: ["lib/fake-api-server"],
    message:
      "The fake Kubernetes API server is a test double: only the demo edge (lib/demo) and tests and scripts load it.",
  },
  {
    target: libFoldersExcept("demo"),
    from: ["lib/demo"],
    message:
      "The demo cluster is an edge: the worker script, the connection-test route and tests load it; lib/scans reaches it through demo-cluster-source.",
  },
  {
    target: [...libFoldersExcept("db"), "app", "components", "bin", "proxy.ts"],
    from: DATABASE_DRIVER,
    message: "The Prisma client and pg are used only inside lib/db.",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.js." },
      ],
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: [
      "lib/env.js",
      "scripts/**",
      "e2e/**",
      "tests/**",
      "playwright.config.ts",
      "vitest.config.ts",
      "bin/**",
      "eslint.config.mjs",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: TESTS,
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })] },
    rules: { "import-x/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: ZONES }] },
  },
  {
    files: ["lib/checks/**", "lib/scoring/**", "lib/inventory/**", "lib/secrets-detect/**"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@kubernetes/client-node", "next", "next/*", "node:fs", "node:http*", "fs", "http", "https"],
              message: PURE,
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Time is an input: use ctx.now.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Time is an input: use ctx.now.",
        },
      ],
    },
  },
  globalIgnores([
    "generated/**",
    ".next/**",
    "dist/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    ".data/**",
    ".image/**",
    ".next-image/**",
  ]),
]);
