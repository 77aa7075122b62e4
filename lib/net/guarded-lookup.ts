import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";

/**
 * dns.lookup that drops the addresses `refuse` gives a reason for, so a name cannot smuggle in
 * one (169.254.169.254 behind an innocent hostname). Fails with EADDRFORBIDDEN when none is left.
 */
export function guardedLookup(refuse: (ip: string) => string | undefined): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      const allowed = addresses.filter((a) => !refuse(a.address));
      if (allowed.length === 0) {
        const refusal = refuse(addresses[0]?.address ?? hostname) ?? "no usable address";
        return callback(
          Object.assign(new Error(`${hostname} resolves to a forbidden address: ${refusal}`), {
            code: "EADDRFORBIDDEN",
          }),
          "",
          0,
        );
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}
