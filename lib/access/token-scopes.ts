import { ROLES, type Role } from "./roles";

export const TOKEN_SCOPES = ["read", "scan"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What each scope lets a token do, at most: a token never exceeds its owner's role either. */
export const SCOPE_ROLE: Record<TokenScope, Role> = { read: "viewer", scan: "analyst" };

/** A token acts with the lower of its owner's role and the highest role its scopes allow. */
export function tokenRole(ownerRole: Role, scopes: TokenScope[]): Role {
  const scopeRole = scopes.reduce<Role>(
    (best, s) => (ROLES.indexOf(SCOPE_ROLE[s]) > ROLES.indexOf(best) ? SCOPE_ROLE[s] : best),
    "viewer",
  );
  return ROLES[Math.min(ROLES.indexOf(ownerRole), ROLES.indexOf(scopeRole))]!;
}
