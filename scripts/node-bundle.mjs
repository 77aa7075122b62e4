// esbuild options shared by the self-contained bundles (the one-file CLI, the image's entrypoint):
// ESM for Node 24, every dependency inside unless named external, minified.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Bundled CommonJS dependencies call require(); an ESM bundle gives them one. */
export const REQUIRE_SHIM =
  'import { createRequire as __bulwarkRequire } from "node:module"; const require = __bulwarkRequire(import.meta.url);';

/** @type {import("esbuild").BuildOptions} */
export const NODE_BUNDLE = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  alias: { "@": ROOT },
  absWorkingDir: ROOT,
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
};
