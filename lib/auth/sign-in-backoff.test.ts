import { describe, expect, it } from "vitest";

import { signInWait, waitFor } from "./sign-in-backoff";

const at = (ms: number) => new Date(ms);
const none = { count: 0, last: null };

describe("sign-in back-off", () => {
  it("is free up to the limit, then doubles from one second to at most 15 minutes after the latest failure", () => {
    expect(waitFor({ count: 4, last: at(0) }, 5, 0)).toBe(0);
    expect([5, 6, 7, 8, 14, 30].map((count) => waitFor({ count, last: at(0) }, 5, 0))).toEqual([
      1_000, 2_000, 4_000, 8_000, 512_000, 900_000,
    ]);
    expect(waitFor({ count: 6, last: at(0) }, 5, 1_500)).toBe(500);
    expect(waitFor({ count: 6, last: at(0) }, 5, 2_000)).toBe(0);
  });

  it("takes the longer of account and address, and only the known device's own failures for a known device", () => {
    const failures = { account: { count: 6, last: at(0) }, address: { count: 25, last: at(0) }, knownDevice: none };
    expect(signInWait(failures, false, 0)).toBe(32_000);
    expect(signInWait(failures, true, 0)).toBe(0);
    expect(signInWait({ ...failures, knownDevice: { count: 5, last: at(0) } }, true, 0)).toBe(1_000);
  });
});
