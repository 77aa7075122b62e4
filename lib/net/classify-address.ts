import { BlockList, isIP } from "node:net";

const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet("169.254.0.0", 16, "ipv4");
LINK_LOCAL.addSubnet("fe80::", 10, "ipv6");
LINK_LOCAL.addAddress("fd00:ec2::254", "ipv6"); // AWS IMDS over IPv6

// 0.0.0.0/8 and :: mean "this host": connecting to them reaches local listeners, like 127.0.0.1.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addSubnet("0.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");
LOOPBACK.addAddress("::", "ipv6");

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["100.64.0.0", 10],
] as const)
  PRIVATE.addSubnet(net, bits, "ipv4");
PRIVATE.addSubnet("fc00::", 7, "ipv6");

export type AddressClass = "link-local" | "loopback" | "private" | "public" | "invalid";

/** The 16 bytes of an IPv6 literal that `isIP` accepted (zone id dropped, trailing dotted IPv4 allowed). */
function ipv6Bytes(ip: string): number[] {
  const [head = "", tail] = ip.split("%")[0]!.toLowerCase().split("::");
  const dotted = (g: string) => g.split(".").map(Number);
  const words = (part: string | undefined) =>
    !part
      ? []
      : part
          .split(":")
          .flatMap((g) =>
            g.includes(".")
              ? [dotted(g)[0]! * 256 + dotted(g)[1]!, dotted(g)[2]! * 256 + dotted(g)[3]!]
              : [parseInt(g, 16)],
          );
  const left = words(head);
  const right = words(tail);
  const all =
    tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((w) => [w >> 8, w & 0xff]);
}

const v4 = (bytes: number[]) => bytes.join(".");
const startsWith = (bytes: number[], prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * The IPv4 address an IPv6 one stands for, where it carries one: IPv4-mapped (::ffff:0:0/96),
 * IPv4-translated (::ffff:0:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96 and the
 * local-use 64:ff9b:1::/48), 6to4 (2002::/16) and Teredo (2001::/32, the client's address).
 */
function embeddedIpv4(ip: string): string | undefined {
  const b = ipv6Bytes(ip);
  const zeros = (n: number) => new Array<number>(n).fill(0);
  if (
    startsWith(b, [...zeros(10), 0xff, 0xff]) ||
    startsWith(b, [...zeros(12)]) ||
    startsWith(b, [...zeros(8), 0xff, 0xff, 0, 0])
  )
    return v4(b.slice(12));
  if (startsWith(b, [0, 0x64, 0xff, 0x9b])) return v4(b.slice(12));
  if (startsWith(b, [0x20, 0x02])) return v4(b.slice(2, 6));
  if (startsWith(b, [0x20, 0x01, 0, 0])) return v4(b.slice(12).map((x) => x ^ 0xff));
  return undefined;
}

/** What kind of address an IP literal is: link-local (cloud metadata), loopback (this host), private (RFC 1918, CGNAT, ULA) or public. Pure. */
export function classifyAddress(ip: string): AddressClass {
  const version = isIP(ip);
  if (version === 0) return "invalid";
  const family = version === 6 ? "ipv6" : "ipv4";
  if (LOOPBACK.check(ip, family)) return "loopback";
  if (LINK_LOCAL.check(ip, family)) return "link-local";
  if (family === "ipv6") {
    const inner = embeddedIpv4(ip);
    if (inner) return classifyAddress(inner);
  }
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
