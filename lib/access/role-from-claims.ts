import { ROLES, type Role } from "./roles";

export type RoleMapping = { claim: string; map: Map<string, Role>; fallback: Role | "none" };

/** Parses "group=role,group=role" into a mapping; an unknown role is a configuration error. */
export function parseRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf("=");
    const value = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim() as Role;
    if (at <= 0 || !ROLES.includes(role)) {
      throw new Error(
        `BULWARK_OIDC_ROLE_MAP: "${pair}" is not "claim-value=role" with role one of ${ROLES.join(", ")}`,
      );
    }
    map.set(value, role);
  }
  return map;
}

/**
 * The highest role any of the user's claim values maps to (a user in both the analysts' and
 * the admins' group is an admin), else the fallback; null means "refuse this user".
 */
export function roleFromClaims(claims: Record<string, unknown>, mapping: RoleMapping): Role | null {
  const raw = claims[mapping.claim];
  const values = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
  let best = -1;
  for (const v of values) {
    const role = mapping.map.get(v);
    if (role) best = Math.max(best, ROLES.indexOf(role));
  }
  if (best >= 0) return ROLES[best]!;
  return mapping.fallback === "none" ? null : mapping.fallback;
}
