import { describe, expect, it } from "vitest";

import { neutralizeFormula } from "./csv-cell";

describe("neutralizeFormula", () => {
  it.each(['=HYPERLINK("http://evil","x")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])("makes %j inert", (v) => {
    expect(neutralizeFormula(v)).toBe(`'${v}`);
  });
  it("leaves ordinary values alone", () => {
    expect(neutralizeFormula("api-7d9f")).toBe("api-7d9f");
    expect(neutralizeFormula("")).toBe("");
  });
});
