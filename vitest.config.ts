import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "bin/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/global-database.ts"],
    setupFiles: ["tests/setup/database-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
