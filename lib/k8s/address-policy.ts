import { classifyAddress } from "@/lib/net/classify-address";

export { classifyAddress };

export type AddressPolicy = { allowLoopback: boolean };

/** Why Bulwark may not connect to this address (a cluster server or a webhook), or undefined when it may. */
export function refuseAddress(ip: string, policy: AddressPolicy): string | undefined {
  const cls = classifyAddress(ip);
  if (cls === "link-local") return `${ip} is a link-local address (cloud metadata endpoints live there); Bulwark never connects to one`;
  if (cls === "loopback" && !policy.allowLoopback) return `${ip} is a loopback address; set BULWARK_ALLOW_LOOPBACK_CLUSTERS=true to allow this machine`;
  return undefined;
}
