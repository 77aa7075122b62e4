import { describe, expect, it } from "vitest";

import { checkStanding } from "./check-standing";

const none = { notEvaluated: 0, notApplicable: 0 };

describe("a check's standing across the fleet", () => {
  it("is passing everywhere only when every scanned cluster evaluated it and found nothing", () => {
    expect(checkStanding(0, none, 3)).toBe("passing everywhere");
    expect(checkStanding(0, { ...none, notEvaluated: 1 }, 1)).toBe("not evaluated in 1 cluster");
    expect(checkStanding(0, { ...none, notApplicable: 1 }, 2)).toBe(
      "not applicable in 1 cluster · passing in 1 cluster",
    );
  });

  it("names failing, unknown and passing clusters apart", () => {
    expect(checkStanding(2, { notEvaluated: 1, notApplicable: 1 }, 5)).toBe(
      "fails in 2 clusters · not evaluated in 1 cluster · not applicable in 1 cluster · passing in 1 cluster",
    );
    expect(checkStanding(1, none, 1)).toBe("fails in 1 cluster");
  });

  it("claims nothing before any scan has completed", () => {
    expect(checkStanding(0, none, 0)).toBe("no completed scan yet");
  });
});
