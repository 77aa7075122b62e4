#!/usr/bin/env node
// The `bulwark` command: runs the bundled CLI, building it first in a fresh checkout.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist", "bulwark.mjs");
if (!existsSync(bundle))
  execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { cwd: root, stdio: "inherit" });
await import(pathToFileURL(bundle).href);
