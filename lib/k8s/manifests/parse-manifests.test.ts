import { describe, expect, it } from "vitest";

import { ManifestSyntaxError, parseManifests } from "./parse-manifests";

describe("parseManifests", () => {
  it("reads every document with the line where its object starts, skipping empty ones", () => {
    const text =
      "---\n# Source: a.yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n";
    const { objects, warnings } = parseManifests(text, "x.yaml");
    expect(objects.map((o) => [o.object.metadata?.name, o.source])).toStrictEqual([
      ["a", { file: "x.yaml", line: 3 }],
      ["b", { file: "x.yaml", line: 9 }],
    ]);
    expect(warnings).toStrictEqual([]);
  });

  it("expands List kinds, each item with its own line", () => {
    const text =
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p1}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p2}\n";
    expect(parseManifests(text, "l.yaml").objects.map((o) => [o.object.metadata?.name, o.source.line])).toStrictEqual([
      ["p1", 4],
      ["p2", 7],
    ]);
  });

  it("reads JSON", () => {
    const { objects } = parseManifests('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j"}}', "p.json");
    expect(objects[0]?.object.metadata?.name).toBe("j");
  });

  it("skips documents that are not Kubernetes objects, with a warning naming file and line", () => {
    const { objects, warnings } = parseManifests("replicaCount: 2\n", "values.yaml");
    expect(objects).toStrictEqual([]);
    expect(warnings).toStrictEqual([
      "values.yaml:1: skipped a document that is not a Kubernetes object (no apiVersion and kind)",
    ]);
  });

  it("stops on malformed YAML with file:line and the reason", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [oops\n";
    expect(() => parseManifests(text, "bad.yaml")).toThrow(ManifestSyntaxError);
    try {
      parseManifests(text, "bad.yaml");
    } catch (e) {
      expect((e as Error).message).toMatch(/^bad\.yaml:\d+: \S/);
    }
  });

  it("refuses alias bombs instead of expanding them", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 12; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    expect(() => parseManifests(`apiVersion: v1\nkind: ConfigMap\n${lines.join("\n")}\n`, "bomb.yaml")).toThrow(
      ManifestSyntaxError,
    );
  });
});
