import { describe, expect, it } from "vitest";
import { classifyAddress, refuseAddress } from "./address-policy";

describe("address policy", () => {
  it.each([
    ["169.254.169.254", "link-local"], ["fe80::1", "link-local"], ["127.0.0.1", "loopback"], ["::1", "loopback"],
    ["::ffff:169.254.169.254", "link-local"], ["10.0.0.5", "private"], ["100.64.1.1", "private"], ["34.120.1.1", "public"],
  ] as const)("classifies %s as %s", (ip, cls) => {
    expect(classifyAddress(ip)).toBe(cls);
  });

  it("never allows link-local, allows loopback only when asked", () => {
    expect(refuseAddress("169.254.169.254", { allowLoopback: true })).toMatch(/link-local/);
    expect(refuseAddress("127.0.0.1", { allowLoopback: false })).toMatch(/BULWARK_ALLOW_LOOPBACK_CLUSTERS/);
    expect(refuseAddress("127.0.0.1", { allowLoopback: true })).toBeUndefined();
    expect(refuseAddress("10.1.2.3", { allowLoopback: false })).toBeUndefined();
  });
});
