import { describe, expect, it } from "vitest";

import { ALL_CHECKS } from "./registry";
import { LAYERS, SEVERITIES } from "./types";

describe("check registry", () => {
  it("has unique ids of the form <layer>.<kebab-name>, matching each check's layer", () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of ALL_CHECKS) {
      expect(c.id).toMatch(/^(node|network|secrets|pod|container)\.[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.id.split(".")[0]).toBe(c.layer);
    }
  });

  it("documents every check: title, rationale, remediation and at least one reference", () => {
    for (const c of ALL_CHECKS) {
      expect(LAYERS).toContain(c.layer);
      expect(SEVERITIES).toContain(c.severity);
      expect(c.title.length, c.id).toBeGreaterThan(10);
      expect(c.rationale.length, c.id).toBeGreaterThan(60);
      expect(c.remediation.length, c.id).toBeGreaterThan(20);
      expect(c.references.length, c.id).toBeGreaterThan(0);
    }
  });

  it("lists checks grouped by layer in catalog order", () => {
    const order = ALL_CHECKS.map((c) => LAYERS.indexOf(c.layer));
    expect(order).toStrictEqual([...order].sort((a, b) => a - b));
  });
});
