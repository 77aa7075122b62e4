import { appUrl } from "@/lib/auth/app-origin";

/** The one-time link that creates the first admin. */
export const SETUP_IDENTIFIER = "setup:first-admin";

/** Invitation links, one per user: they set the user's password, once, within 7 days. */
export const INVITE_PREFIX = "invite:";
export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

export const inviteUrl = (secret: string) => `${appUrl()}/invite?token=${secret}`;
