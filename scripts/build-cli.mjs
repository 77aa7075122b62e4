// Bundles the CLI into dist/bulwark.mjs (and the cluster scan into a chunk beside it), so `bulwark`
// starts without transpiling at each run.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry a content hash: drop the previous build's.
rmSync("dist/chunks", { recursive: true, force: true });

await build({
  entryPoints: { bulwark: "bin/cli.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  // The cluster scan is its own chunk, loaded only when a cluster is scanned.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  packages: "external",
  alias: { "@": "." },
  sourcemap: "linked",
  logLevel: "warning",
  banner: { js: "// Built by scripts/build-cli.mjs from bin/cli.ts; do not edit." },
});
