import { isMap, isNode, isSeq, LineCounter, parseAllDocuments, type Document } from "yaml";

import type { SourceLocation } from "@/lib/inventory/types";

/** A Kubernetes object read from a file, with where its document starts. */
export type ManifestObject = { object: KubeObject; source: SourceLocation };
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
} & Record<string, unknown>;

export class ManifestSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = "ManifestSyntaxError";
  }
}

export type ParsedManifests = { objects: ManifestObject[]; warnings: string[] };

const isKubeObject = (v: unknown): v is KubeObject =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as KubeObject).apiVersion === "string" &&
  typeof (v as KubeObject).kind === "string";

/**
 * Parses multi-document YAML or JSON (Helm-rendered output included) into Kubernetes objects.
 * `List` kinds are expanded into their items. Malformed YAML throws ManifestSyntaxError naming
 * the file and line; documents that are not Kubernetes objects are skipped with a warning.
 */
export function parseManifests(text: string, file: string): ParsedManifests {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const objects: ManifestObject[] = [];
  const warnings: string[] = [];
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error)
      throw new ManifestSyntaxError(file, lineAt(error.pos[0]), error.message.split("\n")[0] ?? "invalid YAML");
    if (doc.contents === null) continue;
    const line = lineAt(doc.contents.range?.[0] ?? 0);
    const value = toJS(doc, file, line);
    if (value === null || value === undefined) continue;
    if (!isKubeObject(value)) {
      warnings.push(`${file}:${line}: skipped a document that is not a Kubernetes object (no apiVersion and kind)`);
      continue;
    }
    if (value.kind.endsWith("List") && Array.isArray(value.items)) {
      const itemNodes = isMap(doc.contents) ? doc.contents.get("items", true) : undefined;
      value.items.forEach((item: unknown, i: number) => {
        const node = isSeq(itemNodes) ? itemNodes.items[i] : undefined;
        const itemLine = isNode(node) && node.range ? lineAt(node.range[0]) : line;
        if (isKubeObject(item)) objects.push({ object: item, source: { file, line: itemLine } });
        else warnings.push(`${file}:${itemLine}: skipped a ${value.kind} item that is not a Kubernetes object`);
      });
      continue;
    }
    objects.push({ object: value, source: { file, line } });
  }
  return { objects, warnings };
}

function toJS(doc: Document.Parsed, file: string, line: number): unknown {
  try {
    // Aliases are capped so a "billion laughs" document cannot exhaust memory.
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ManifestSyntaxError(file, line, error instanceof Error ? error.message : String(error));
  }
}
