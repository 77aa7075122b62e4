import { appUrl } from "@/lib/auth/app-origin";
import { createUser } from "@/lib/auth/create-user";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { countUsers } from "@/lib/db/users/list-users";
import { createOneTimeToken } from "@/lib/db/users/one-time-token";
import { env } from "@/lib/env.js";

import { SETUP_IDENTIFIER } from "./one-time-links";

const SETUP_TTL_MS = 24 * 3_600_000;

/**
 * First start: with no users, create the admin from BULWARK_ADMIN_EMAIL/PASSWORD, or return a
 * one-time setup link (valid 24 hours) for the console. Later starts do nothing.
 */
export async function ensureFirstAdmin(): Promise<{ created: string } | { setupUrl: string } | null> {
  if ((await countUsers()) > 0) return null;
  if (env.BULWARK_ADMIN_EMAIL && env.BULWARK_ADMIN_PASSWORD) {
    const user = await createUser({
      email: env.BULWARK_ADMIN_EMAIL,
      name: "Administrator",
      role: "admin",
      password: env.BULWARK_ADMIN_PASSWORD,
    });
    await recordAuditEvent({
      actor: { userId: null, email: null, ip: null },
      action: "user.created",
      target: { type: "user", id: user.id },
      details: { email: user.email, role: "admin", via: "BULWARK_ADMIN_EMAIL" },
    });
    return { created: user.email };
  }
  const secret = await createOneTimeToken(SETUP_IDENTIFIER, SETUP_TTL_MS);
  return { setupUrl: `${appUrl()}/setup?token=${secret}` };
}
