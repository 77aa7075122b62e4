import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const PURE = "lib/checks and lib/scoring are pure: no I/O, no clock, no framework.";

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
    files: ["lib/env.js", "scripts/**", "e2e/**", "tests/**", "playwright.config.ts", "vitest.config.ts", "bin/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["lib/checks/**", "lib/scoring/**", "lib/inventory/**"],
    ignores: ["**/*.test.ts", "**/__fixtures__/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "@/generated/*", "@/lib/db/*", "@/lib/k8s/*"], message: PURE },
            { group: ["@kubernetes/client-node", "next", "next/*", "node:fs", "node:http*"], message: PURE },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Time is an input: use ctx.now." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Time is an input: use ctx.now." },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db/*", "@/lib/k8s/*", "@/generated/*"], message: "UI reads through lib/api or lib/query." }] },
      ],
    },
  },
  globalIgnores(["generated/**", ".next/**", "dist/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".data/**", ".image/**", ".next-image/**"]),
]);
