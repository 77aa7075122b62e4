import { BlockList, isIP } from "node:net";

const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet("169.254.0.0", 16, "ipv4");
LINK_LOCAL.addSubnet("fe80::", 10, "ipv6");
LINK_LOCAL.addAddress("fd00:ec2::254", "ipv6"); // AWS IMDS over IPv6

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

const PRIVATE = new BlockList();
for (const [net, bits] of [["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["100.64.0.0", 10], ["0.0.0.0", 8]] as const) PRIVATE.addSubnet(net, bits, "ipv4");
PRIVATE.addSubnet("fc00::", 7, "ipv6");

export type AddressClass = "link-local" | "loopback" | "private" | "public" | "invalid";

/** What kind of address an IP literal is: link-local (cloud metadata), loopback, private (RFC 1918, CGNAT, ULA) or public. Pure. */
export function classifyAddress(ip: string): AddressClass {
  const version = isIP(ip);
  if (version === 0) return "invalid";
  const family = version === 6 ? "ipv6" : "ipv4";
  const mapped = family === "ipv6" && ip.toLowerCase().startsWith("::ffff:") ? ip.slice(7) : undefined;
  if (mapped && isIP(mapped) === 4) return classifyAddress(mapped);
  if (LINK_LOCAL.check(ip, family)) return "link-local";
  if (LOOPBACK.check(ip, family)) return "loopback";
  if (PRIVATE.check(ip, family)) return "private";
  return "public";
}

/** True when `ip` lies in `cidr` (IPv4 or IPv6). */
export function cidrContains(cidr: string, ip: string): boolean {
  const [net, bitsText] = cidr.split("/");
  const bits = Number(bitsText);
  const family = isIP(net ?? "") === 6 ? "ipv6" : isIP(net ?? "") === 4 ? "ipv4" : undefined;
  if (!family || !Number.isInteger(bits) || isIP(ip) !== (family === "ipv6" ? 6 : 4)) return false;
  const list = new BlockList();
  list.addSubnet(net!, bits, family);
  return list.check(ip, family);
}
