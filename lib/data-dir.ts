import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Creates the data directory and returns its absolute path. Mode 0700, or 0711 (traverse, no
 * listing) with `traversable`, for when Postgres runs as another user than us; the secret
 * files inside stay 0600 either way.
 */
export function ensureDataDir(dir: string, { traversable = false } = {}): string {
  const abs = path.resolve(dir);
  const mode = traversable ? 0o711 : 0o700;
  const first = mkdirSync(abs, { recursive: true, mode });
  if (traversable) {
    // mkdir's mode is masked by the umask, and pre-existing directories keep theirs: set it on
    // every directory from the first one created (or just the data dir) down.
    for (let d = abs; ; d = path.dirname(d)) {
      chmodSync(d, mode);
      if (!first || d === first || d === path.dirname(d)) break;
    }
  }
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
