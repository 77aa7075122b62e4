import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

import { parseManifests, type ManifestObject } from "./parse-manifests";

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const SKIP_DIRS = new Set(["node_modules", ".git"]);

export class ManifestPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ManifestPathError";
  }
}

async function listFiles(p: string): Promise<string[]> {
  let st;
  try {
    st = await stat(p);
  } catch {
    throw new ManifestPathError(`${p}: no such file or directory`);
  }
  if (st.isFile()) return [p];
  if (!st.isDirectory()) return [];
  const entries = await readdir(p, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith(".") && !SKIP_DIRS.has(e.name))
      .filter((e) => e.isDirectory() || MANIFEST_FILE.test(e.name))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => listFiles(path.join(p, e.name))),
  );
  return nested.flat();
}

/** Reads manifest files and folders (recursively: .yaml, .yml, .json) in a stable order. */
export async function loadManifests(
  paths: string[],
): Promise<{ objects: ManifestObject[]; warnings: string[]; files: number }> {
  const files = (await Promise.all(paths.map(listFiles))).flat();
  const objects: ManifestObject[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    const parsed = parseManifests(await readFile(file, "utf8"), file);
    objects.push(...parsed.objects);
    warnings.push(...parsed.warnings);
  }
  return { objects, warnings, files: files.length };
}
