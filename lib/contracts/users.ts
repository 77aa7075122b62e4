import { z } from "zod";

import { ROLES } from "@/lib/access/roles";

import { idText } from "./fields";

export const ZRole = z.enum(ROLES);
const password = z.string().min(12, "at least 12 characters").max(256);
const email = z
  .email()
  .max(320)
  .transform((e) => e.toLowerCase());

const name = z.string().trim().min(1).max(120);
export const ZUserInviteRequest = z.object({ email, name, role: ZRole }).strict();
export type UserInviteRequest = z.infer<typeof ZUserInviteRequest>;

export const ZUserUpdateRequest = z
  .object({ role: ZRole.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, "give a role or disabled");
export type UserUpdateRequest = z.infer<typeof ZUserUpdateRequest>;

export const ZUserParams = z.object({ id: idText() });

/** Accepting an invitation or the first-admin setup link: the link's secret and a password. */
export const ZInviteAcceptRequest = z.object({ token: z.string().min(20).max(200), password }).strict();
export const ZSetupRequest = z.object({ token: z.string().min(20).max(200), email, name, password }).strict();

/**
 * What a user may change of their own profile through the sign-in library's update-user: a
 * name like any other (no control characters) and an https image, or none.
 */
export const ZProfileUpdate = z
  .object({
    name: name.regex(/^[^\p{Cc}]*$/u, "no control characters").optional(),
    image: z
      .url({ protocol: /^https$/, error: "an https URL" })
      .max(2048)
      .nullable()
      .optional(),
  })
  .strict();

export const ZUserSummary = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  disabled: z.boolean(),
  createdAt: z.string(),
  signInMethods: z.array(z.string()),
  hasPendingInvite: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof ZUserSummary>;

/** An invitation (201): the one-time link to hand over, shown once. */
export const ZUserInvited = z.strictObject({ id: z.string(), inviteUrl: z.string(), expiresAt: z.string() });

/** A reissued invitation: a new one-time link; the old one no longer works. */
export const ZInviteLink = z.strictObject({ inviteUrl: z.string() });

/** A user's access after a change. */
export const ZUserAccess = z.strictObject({ email: z.string(), role: ZRole, disabled: z.boolean() });

/** Who the caller is, with which role, signed in or through an API token. */
export const ZMe = z.strictObject({
  email: z.string(),
  name: z.string(),
  role: ZRole,
  via: z.enum(["session", "token"]),
});
