import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

import { SealedSecretError, sealKubeconfig, unsealKubeconfig } from "./seal-secret";

const KUBECONFIG = "apiVersion: v1\nusers:\n- name: u\n  user: {token: sup3r-s3cret-t0ken}\n";

describe("sealed kubeconfigs", () => {
  it("round-trips, and the stored bytes never contain the plaintext", () => {
    const key = randomBytes(32);
    const sealed = sealKubeconfig(KUBECONFIG, key);
    expect(sealed.toString("latin1")).not.toContain("sup3r-s3cret-t0ken");
    expect(unsealKubeconfig(sealed, key)).toBe(KUBECONFIG);
  });

  it("uses a fresh IV each time", () => {
    const key = randomBytes(32);
    expect(sealKubeconfig(KUBECONFIG, key).equals(sealKubeconfig(KUBECONFIG, key))).toBe(false);
  });

  it("refuses a wrong key or altered data with a clear error", () => {
    const sealed = sealKubeconfig(KUBECONFIG, randomBytes(32));
    expect(() => unsealKubeconfig(sealed, randomBytes(32))).toThrow(SealedSecretError);
    const key = randomBytes(32);
    const tampered = sealKubeconfig(KUBECONFIG, key);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => unsealKubeconfig(tampered, key)).toThrow(/altered/);
  });
});
