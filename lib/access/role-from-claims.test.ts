import { describe, expect, it } from "vitest";

import { parseRoleMap, roleFromClaims } from "./role-from-claims";

const map = parseRoleMap("sec-admins=admin, sec-team=analyst,auditors=viewer");

describe("roleFromClaims", () => {
  it("gives the highest role any group maps to", () => {
    expect(roleFromClaims({ groups: ["auditors", "sec-admins"] }, { claim: "groups", map, fallback: "viewer" })).toBe(
      "admin",
    );
    expect(roleFromClaims({ groups: ["sec-team"] }, { claim: "groups", map, fallback: "viewer" })).toBe("analyst");
  });

  it("reads a space- or comma-separated string claim", () => {
    expect(roleFromClaims({ roles: "users sec-team" }, { claim: "roles", map, fallback: "viewer" })).toBe("analyst");
  });

  it("falls back, or refuses with fallback none", () => {
    expect(roleFromClaims({ groups: ["marketing"] }, { claim: "groups", map, fallback: "viewer" })).toBe("viewer");
    expect(roleFromClaims({}, { claim: "groups", map, fallback: "none" })).toBeNull();
  });

  it("rejects a mapping to an unknown role, naming the pair", () => {
    expect(() => parseRoleMap("ops=root")).toThrow(/"ops=root"/);
    expect(() => parseRoleMap("=admin")).toThrow();
  });
});
