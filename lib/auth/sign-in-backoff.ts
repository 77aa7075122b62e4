import type { FailureTally, SignInFailures } from "@/lib/db/audit/count-failed-sign-ins";

/**
 * Sign-in back-off. Wrong passwords are free up to `free`; after that each further try waits
 * `baseMs · 2^(failures − free)` after the latest failure, at most `maxMs`. Failures older
 * than `windowMs` (or, per account, before its last successful sign-in) are forgotten.
 */
export const SIGN_IN_BACKOFF = {
  windowMs: 60 * 60_000,
  baseMs: 1_000,
  maxMs: 15 * 60_000,
  free: { account: 5, address: 20, knownDevice: 5 },
};

/** How long a tally makes the next try wait from `now`, in ms (0: go ahead). Pure. */
export function waitFor(tally: FailureTally, free: number, now: number): number {
  if (tally.count < free || !tally.last) return 0;
  const delay = Math.min(SIGN_IN_BACKOFF.maxMs, SIGN_IN_BACKOFF.baseMs * 2 ** (tally.count - free));
  return Math.max(0, tally.last.getTime() + delay - now);
}

/**
 * The wait before this sign-in may check a password. From a device the account signed in on
 * before, only that device class's own failures count, so guesses from elsewhere (or a web page
 * posting wrong passwords from the victim's network) cannot lock the owner out. Pure.
 */
export function signInWait(failures: SignInFailures, knownDevice: boolean, now: number): number {
  const { free } = SIGN_IN_BACKOFF;
  if (knownDevice) return waitFor(failures.knownDevice, free.knownDevice, now);
  return Math.max(waitFor(failures.account, free.account, now), waitFor(failures.address, free.address, now));
}
