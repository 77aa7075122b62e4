import { describe, expect, it } from "vitest";

import { securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("allows scripts only from Bulwark or with this request's nonce, and no framing", () => {
    const h = securityHeaders("abc123", { https: false, dev: false });
    expect(h["content-security-policy"]).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval");
    expect(h["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["strict-transport-security"]).toBeUndefined();
  });

  it("adds HSTS and upgrades insecure requests only under HTTPS", () => {
    const h = securityHeaders("n", { https: true, dev: false });
    expect(h["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(h["content-security-policy"]).toContain("upgrade-insecure-requests");
  });
});
