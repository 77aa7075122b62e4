import { readFileSync } from "node:fs";
import path from "node:path";
import { parseManifests } from "@/lib/k8s/manifests/parse-manifests";
import { addObject, type RawObject } from "@/lib/k8s/to-inventory";
import { emptyInventory, type Inventory } from "@/lib/inventory/types";
import type { Container, PodSpec } from "@/lib/inventory/pod-spec";
import { DEFAULT_SETTINGS, type CheckSettings } from "../settings";
import type { CheckContext } from "../types";

const FIXTURES = path.dirname(new URL(import.meta.url).pathname);

/** Objects of a fixture file, freshly parsed (callers may mutate them). */
export function fixtureObjects(file: string): RawObject[] {
  return parseManifests(readFileSync(path.join(FIXTURES, file), "utf8"), file).objects.map((o) => o.object as RawObject);
}

/** The hardened Deployment and its companions, with `edit` applied to the Deployment. */
export function hardenedWith(edit: (deployment: RawObject & { spec: { replicas?: number; template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec } } }) => void = () => {}): RawObject[] {
  const objects = fixtureObjects("deployment-hardened.yaml");
  edit(objects[0] as Parameters<typeof edit>[0]);
  return objects;
}

/** The first regular container of a Deployment-like object. */
export function mainContainer(o: { spec: { template: { spec: PodSpec } } }): Container {
  const c = o.spec.template.spec.containers?.[0];
  if (!c) throw new Error("fixture has no container");
  return c;
}

/** An inventory as a full cluster scan would give it, from plain objects. */
export function inventoryOf(objects: RawObject[], missing: Inventory["missing"] = {}): Inventory {
  const inventory = emptyInventory("cluster");
  for (const o of objects) addObject(inventory, o);
  inventory.missing = missing;
  return inventory;
}

export function contextWith(settings: Partial<CheckSettings> = {}): CheckContext {
  return { now: new Date("2026-11-01T00:00:00Z"), settings: { ...DEFAULT_SETTINGS, ...settings } };
}

export const API_REF = { kind: "Deployment", namespace: "shop", name: "api" };
