import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

import { RESOURCE_KINDS } from "./resource-kinds";

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };

describe("the shipped ClusterRole", () => {
  const read = (file: string) =>
    parseAllDocuments(readFileSync(file, "utf8"))
      .map((d) => d.toJS() as { kind: string; metadata: { name: string }; rules?: Rule[] })
      .filter((d) => d.kind === "ClusterRole")
      .flatMap((d) => d.rules ?? []);
  const main = read("public/bulwark-clusterrole.yaml");
  const rules = [...main, ...read("public/bulwark-clusterrole-optional.yaml")];

  it("grants list on every resource the collector reads (Secrets only in the optional file)", () => {
    expect(main.flatMap((r) => r.resources)).not.toContain("secrets");
    expect(main.flatMap((r) => r.resources)).not.toContain("nodes/proxy");
    expect(main).toContainEqual({ apiGroups: [""], resources: ["nodes/configz"], verbs: ["get"] });
    for (const k of RESOURCE_KINDS) {
      const granted = rules.some(
        (r) => r.apiGroups.includes(k.group) && r.resources.includes(k.plural) && r.verbs.includes("list"),
      );
      expect(granted, `${k.plural}.${k.group}`).toBe(true);
    }
  });

  it("is read-only: no verb other than list and get, no wildcard", () => {
    for (const r of rules) {
      expect(r.verbs.every((v) => v === "list" || v === "get")).toBe(true);
      expect([...r.apiGroups, ...r.resources]).not.toContain("*");
    }
  });
});
