import { getPrisma } from "../client";

export const SIGN_IN = "auth.sign_in";
/** A wrong password (the only failure that counts towards back-off). */
export const SIGN_IN_FAILED = "auth.sign_in_failed";
/** A wrong password from a device the account signed in on before: counted apart. */
export const SIGN_IN_FAILED_KNOWN_DEVICE = "auth.sign_in_failed_known_device";

/** Failures counted and when the latest was. */
export type FailureTally = { count: number; last: Date | null };
export type SignInFailures = { account: FailureTally; address: FailureTally; knownDevice: FailureTally };

async function tally(where: {
  action: string;
  at: { gte: Date };
  actorEmail?: string;
  ip?: string;
}): Promise<FailureTally> {
  const r = await getPrisma().auditEvent.aggregate({ where, _count: { _all: true }, _max: { at: true } });
  return { count: r._count._all, last: r._max.at };
}

/**
 * Wrong passwords since `since` (the audit log is the counter, so every replica agrees): for the
 * account since its last successful sign-in, for the address, and for the account from devices
 * it signed in on before, which are kept apart so that nobody else's guesses slow those down.
 */
export async function countFailedSignIns(email: string, ip: string | null, since: Date): Promise<SignInFailures> {
  const lastSuccess = await getPrisma().auditEvent.findFirst({
    where: { action: SIGN_IN, actorEmail: email, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const accountSince = { gte: lastSuccess?.at ?? since };
  const [account, address, knownDevice] = await Promise.all([
    tally({ action: SIGN_IN_FAILED, actorEmail: email, at: accountSince }),
    ip ? tally({ action: SIGN_IN_FAILED, ip, at: { gte: since } }) : { count: 0, last: null },
    tally({ action: SIGN_IN_FAILED_KNOWN_DEVICE, actorEmail: email, at: accountSince }),
  ]);
  return { account, address, knownDevice };
}
