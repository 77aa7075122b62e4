// Bundles the CLI into dist/bulwark.mjs (and the cluster scan into a chunk beside it), so `bulwark`
// starts without transpiling at each run.
//
// Safe to run many times at once (`npm run bulwark` calls it every time):
// - nothing is built when no source the last build read has changed since (dist/bulwark.meta.json
//   lists them);
// - every file is written under a temporary name and renamed into place, chunks before the entry
//   that imports them, so a concurrent `bulwark` sees the old build or the new one, never half;
// - chunk names carry a content hash and are never overwritten with other content; chunks that no
//   build references are removed only once they are old enough that no running scan still needs them.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

import { NODE_BUNDLE, REQUIRE_SHIM } from "./node-bundle.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const metaFile = join(dist, "bulwark.meta.json");
const STALE_CHUNK_MS = 60 * 60 * 1000;
const force = process.argv.includes("--force");
const standalone = process.argv.includes("--standalone");

/** @param {string} file */
function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Infinity; // a missing file counts as changed
  }
}

/** The last build is current when it exists and nothing it read (nor this script) changed after it. */
function upToDate() {
  /** @type {{ builtAt: number, inputs: string[], outputs: string[] }} */
  let meta;
  try {
    meta = JSON.parse(readFileSync(metaFile, "utf8"));
  } catch {
    return false;
  }
  if (!meta.outputs?.length || meta.outputs.some((f) => mtime(join(dist, f)) === Infinity)) return false;
  const inputs = [...meta.inputs, "scripts/build-cli.mjs", "package-lock.json"].map((f) => join(root, f));
  return inputs.every((f) => mtime(f) <= meta.builtAt);
}

/** @param {string} file @param {Uint8Array | string} contents */
function writeAtomically(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

/** @param {Set<string>} keep */
function removeUnreferencedChunks(keep) {
  const dir = join(dist, "chunks");
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const file = join(dir, name);
    if (keep.has(file)) continue;
    // Temporary files of a build that died, and chunks of builds replaced over an hour ago.
    if (now - mtime(file) > STALE_CHUNK_MS) rmSync(file, { force: true });
  }
}

/**
 * `--standalone`: one file with every dependency inside (dist/standalone/bulwark.mjs), for
 * pipelines and the image: `node bulwark.mjs` needs no node_modules beside it.
 */
async function buildStandalone() {
  const outfile = join(dist, "standalone", "bulwark.mjs");
  const result = await build({
    ...NODE_BUNDLE,
    entryPoints: [join(root, "bin/cli.ts")],
    write: false,
    outfile,
    // Bundled CommonJS dependencies call require(); give them one.
    banner: {
      js: `#!/usr/bin/env node\n// bulwark CLI, built by scripts/build-cli.mjs --standalone; do not edit.\n${REQUIRE_SHIM}`,
    },
  });
  for (const f of result.outputFiles) writeAtomically(f.path, f.contents);
  return outfile;
}

if (standalone) {
  const file = await buildStandalone();
  console.log(`${relative(process.cwd(), file)}: ${(statSync(file).size / 1024).toFixed(0)} KiB`);
} else if (force || !upToDate()) {
  const builtAt = Date.now();
  const result = await build({
    entryPoints: { bulwark: join(root, "bin/cli.ts") },
    outdir: dist,
    outExtension: { ".js": ".mjs" },
    // The cluster scan is its own chunk, loaded only when a cluster is scanned.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    packages: "external",
    alias: { "@": root },
    absWorkingDir: root,
    sourcemap: "linked",
    logLevel: "warning",
    metafile: true,
    write: false,
    banner: { js: "// Built by scripts/build-cli.mjs from bin/cli.ts; do not edit." },
  });
  const entry = join(dist, "bulwark.mjs");
  // Chunks and maps first, the entry last: whoever loads the new entry finds everything it imports.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const f of files) writeAtomically(f.path, f.contents);
  writeAtomically(
    metaFile,
    JSON.stringify({
      builtAt,
      inputs: Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/")),
      outputs: files.map((f) => relative(dist, f.path)),
    }),
  );
  removeUnreferencedChunks(new Set(files.map((f) => f.path)));
}
