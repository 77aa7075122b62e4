import type { Role } from "@/lib/access/roles";

import { getPrisma } from "../client";

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  signInMethods: string[];
  hasPendingInvite: boolean;
  lastSeenAt: Date | null;
};

export async function listUsers(): Promise<UserSummary[]> {
  const users = await getPrisma().user.findMany({
    orderBy: { email: "asc" },
    include: {
      accounts: { select: { providerId: true } },
      sessions: { select: { updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 1 },
    },
  });
  const invites = new Set(
    (
      await getPrisma().verification.findMany({
        where: { identifier: { startsWith: "invite:" } },
        select: { identifier: true },
      })
    ).map((v) => v.identifier.slice("invite:".length)),
  );
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    createdAt: u.createdAt,
    signInMethods: u.accounts.map((a) => (a.providerId === "credential" ? "password" : "sso")),
    hasPendingInvite: invites.has(u.id),
    lastSeenAt: u.sessions[0]?.updatedAt ?? null,
  }));
}

export async function countUsers(): Promise<number> {
  return getPrisma().user.count();
}
