import { describe, expect, it } from "vitest";

import { classifyAddress, refuseAddress } from "./address-policy";

describe("address policy", () => {
  it.each([
    ["169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["::ffff:169.254.169.254", "link-local"],
    ["10.0.0.5", "private"],
    ["100.64.1.1", "private"],
    ["34.120.1.1", "public"],
    // "This host" addresses reach local listeners.
    ["0.0.0.0", "loopback"],
    ["0.1.2.3", "loopback"],
    ["::", "loopback"],
    ["0:0:0:0:0:0:0:0", "loopback"],
    // IPv4 inside IPv6: mapped (dotted and hex), translated, compatible, NAT64, 6to4, Teredo.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:0.0.0.0", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:0:127.0.0.1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["::7f00:1", "loopback"],
    ["::169.254.169.254", "link-local"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["64:ff9b:1::7f00:1", "loopback"],
    ["2002:7f00:1::", "loopback"],
    ["2002:a9fe:a9fe::1", "link-local"],
    ["2002:0a00:0001::", "private"],
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["64:ff9b::8.8.8.8", "public"],
    ["2606:4700::1111", "public"],
    ["fd12::1", "private"],
  ] as const)("classifies %s as %s", (ip, cls) => {
    expect(classifyAddress(ip)).toBe(cls);
  });

  it("never allows link-local, allows loopback only when asked", () => {
    expect(refuseAddress("169.254.169.254", { allowLoopback: true })).toMatch(/link-local/);
    expect(refuseAddress("127.0.0.1", { allowLoopback: false })).toMatch(/BULWARK_ALLOW_LOOPBACK_CLUSTERS/);
    expect(refuseAddress("127.0.0.1", { allowLoopback: true })).toBeUndefined();
    expect(refuseAddress("10.1.2.3", { allowLoopback: false })).toBeUndefined();
  });

  // What a URL parser makes of other spellings of 127.0.0.1 and 169.254.169.254 (a node's InternalIP can say anything).
  it.each([
    ["2130706433", "127.0.0.1"],
    ["0x7f.1", "127.0.0.1"],
    ["127.1", "127.0.0.1"],
    ["0x7f000001", "127.0.0.1"],
    ["017700000001", "127.0.0.1"],
    ["0251.0376.0251.0376", "169.254.169.254"],
    ["0xa9fea9fe", "169.254.169.254"],
    ["2852039166", "169.254.169.254"],
    ["169.254.43518", "169.254.169.254"],
  ])("refuses %s, which a URL reads as %s, as not an IP address as written", (spelling, ip) => {
    expect(new URL(`https://${spelling}`).hostname).toBe(ip);
    expect(classifyAddress(spelling)).toBe("invalid");
    for (const allowLoopback of [true, false])
      expect(refuseAddress(spelling, { allowLoopback })).toMatch(/not an IP address as written/);
    expect(refuseAddress(new URL(`https://${spelling}`).hostname, { allowLoopback: false })).toMatch(
      /loopback|link-local/,
    );
  });

  it("refuses host names: only a resolved address can be judged", () => {
    expect(refuseAddress("kubelet.example.com", { allowLoopback: true })).toMatch(/not an IP address as written/);
  });
});
