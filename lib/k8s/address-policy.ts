import { classifyAddress } from "@/lib/net/classify-address";

export { classifyAddress };

export type AddressPolicy = { allowLoopback: boolean };

/**
 * Why Bulwark may not connect to this address (a cluster server, a kubelet or a webhook), or
 * undefined when it may. Anything `isIP` does not accept as written is refused: a URL parser
 * reads 2130706433, 0x7f.1 or 127.1 as 127.0.0.1.
 */
export function refuseAddress(ip: string, policy: AddressPolicy): string | undefined {
  const cls = classifyAddress(ip);
  if (cls === "invalid")
    return `"${ip}" is not an IP address as written (a literal IPv4 or IPv6 address is needed; other spellings of one and host names are refused)`;
  if (cls === "link-local")
    return `${ip} is a link-local address (cloud metadata endpoints live there); Bulwark never connects to one`;
  if (cls === "loopback" && !policy.allowLoopback)
    return `${ip} is a loopback address; set BULWARK_ALLOW_LOOPBACK_CLUSTERS=true to allow this machine`;
  return undefined;
}
