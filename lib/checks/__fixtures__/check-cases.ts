import { expect } from "vitest";
import type { RawObject } from "@/lib/k8s/to-inventory";
import { getCheck } from "../registry";
import { contextWith, inventoryOf } from "./builders";
import type { CheckSettings } from "../settings";
import type { Evaluation } from "../types";

/** A failing fixture for one check and the exact findings it must produce. */
export type CheckCase = {
  /** The passing fixture, when the layer's default one does not apply. */
  pass?: RawObject[];
  fail: RawObject[];
  findings: Extract<Evaluation, { status: "evaluated" }>["findings"];
  settings?: Partial<CheckSettings>;
};

export function evaluate(checkId: string, objects: RawObject[], settings?: Partial<CheckSettings>) {
  const check = getCheck(checkId);
  if (!check) throw new Error(`unknown check ${checkId}`);
  const out = check.evaluate(inventoryOf(objects), contextWith(settings));
  if (out.status !== "evaluated") throw new Error(`${checkId} was not evaluated: ${out.reason}`);
  return out;
}

/** Asserts the passing fixture gives no finding but was evaluated, and the failing one gives exactly `findings`. */
export function assertCase(checkId: string, pass: RawObject[], c: CheckCase) {
  const passed = evaluate(checkId, pass, c.settings);
  expect(passed.findings).toStrictEqual([]);
  expect(passed.evaluated.length).toBeGreaterThan(0);
  expect(evaluate(checkId, c.fail, c.settings).findings).toStrictEqual(c.findings);
}
