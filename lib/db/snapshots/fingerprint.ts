import { createHash } from "node:crypto";

import type { Finding } from "@/lib/checks/types";

/** Identifies a finding across snapshots of one cluster: check, resource and container. */
export function fingerprintOf(f: Finding): string {
  const r = f.resource;
  return createHash("sha256")
    .update(`${f.checkId}\0${r.kind}\0${r.namespace}\0${r.name}\0${f.container ?? ""}`)
    .digest("base64url")
    .slice(0, 32);
}
