import { mkdirSync, readFileSync, writeFileSync, existsSync, chmodSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

/** Creates the data directory (mode 0700) and returns its absolute path. */
export function ensureDataDir(dir: string): string {
  const abs = path.resolve(dir);
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  return abs;
}

/**
 * Reads a generated secret from `<dataDir>/<name>`, creating it (mode 0600) on first use, so
 * the embedded defaults work without configuration yet never ship a fixed secret.
 */
export function readOrCreateSecret(dataDir: string, name: string, bytes = 32): string {
  const file = path.join(ensureDataDir(dataDir), name);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(bytes).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}
