// Bundles the CLI into dist/bulwark.mjs, so `bulwark` starts without transpiling at each run.
import { build } from "esbuild";

await build({
  entryPoints: ["bin/cli.ts"],
  outfile: "dist/bulwark.mjs",
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
