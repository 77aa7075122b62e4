import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import { readOrCreateSecret } from "@/lib/data-dir";
import { env } from "@/lib/env.js";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * An encryption key for credentials at rest, one per purpose, derived from BULWARK_SECRET_KEY,
 * else from a generated key file (0600) in the data directory.
 */
export function atRestKey(purpose: "kubeconfig" | "webhook"): Buffer {
  const material = env.BULWARK_SECRET_KEY ?? readOrCreateSecret(env.BULWARK_DATA_DIR, "kubeconfig.key", 32);
  return Buffer.from(hkdfSync("sha256", material, "bulwark", `${purpose}-at-rest-v1`, 32));
}

/** Encrypts a secret (an uploaded kubeconfig, a webhook and its signing secret) with AES-256-GCM: version ‖ iv ‖ tag ‖ ciphertext. */
export function sealSecret(plaintext: string, key: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealedSecretError";
  }
}

/** Decrypts what sealSecret sealed; `what` names it in the error (a key that changed, data altered). */
export function unsealSecret(sealed: Uint8Array, key: Buffer, what = "secret"): string {
  const buf = Buffer.from(sealed);
  if (buf[0] !== VERSION || buf.length < 1 + IV_BYTES + TAG_BYTES)
    throw new SealedSecretError(`the stored ${what} is not in a known format`);
  const iv = buf.subarray(1, 1 + IV_BYTES);
  const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedSecretError(
      `cannot decrypt the stored ${what}: the encryption key changed (BULWARK_SECRET_KEY or the data directory's kubeconfig.key) or the data was altered`,
    );
  }
}

/** An uploaded kubeconfig, sealed with the kubeconfig key. */
export const sealKubeconfig = (plaintext: string, key: Buffer = atRestKey("kubeconfig")): Buffer =>
  sealSecret(plaintext, key);

export const unsealKubeconfig = (sealed: Uint8Array, key: Buffer = atRestKey("kubeconfig")): string =>
  unsealSecret(sealed, key, "kubeconfig");
