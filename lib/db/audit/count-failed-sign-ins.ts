import { getPrisma } from "../client";

export const SIGN_IN_FAILED = "auth.sign_in_failed";

/** Failed sign-ins since `since`, for one account and for one address (rate limiting reads the audit log). */
export async function countFailedSignIns(email: string, ip: string | null, since: Date): Promise<{ account: number; address: number }> {
  const prisma = getPrisma();
  const [account, address] = await Promise.all([
    prisma.auditEvent.count({ where: { action: SIGN_IN_FAILED, at: { gte: since }, actorEmail: email } }),
    ip ? prisma.auditEvent.count({ where: { action: SIGN_IN_FAILED, at: { gte: since }, ip } }) : 0,
  ]);
  return { account, address };
}
