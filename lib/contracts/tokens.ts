import { z } from "zod";

import { TOKEN_SCOPES } from "@/lib/access/token-scopes";

import { idText } from "./fields";

export const ZTokenCreateRequest = z
  .object({
    name: z.string().trim().min(1).max(80),
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length),
    /** Days until it expires: a year at most. */
    expiresInDays: z.number().int().min(1).max(365).default(90),
  })
  .strict();
export type TokenCreateRequest = z.infer<typeof ZTokenCreateRequest>;

export const ZTokenParams = z.object({ id: idText() });

export const ZTokenSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  ownerEmail: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  isExpired: z.boolean(),
});
export type TokenSummary = z.infer<typeof ZTokenSummary>;

/** A token just issued (201): the secret is in this answer and nowhere else, ever. */
export const ZTokenIssued = z.strictObject({ id: z.string(), token: z.string(), expiresAt: z.string() });
