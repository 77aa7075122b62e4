import { summariseFramework } from "@/lib/frameworks/summarise-framework";
import type { FrameworkResult } from "@/lib/frameworks/types";

import { safe } from "./format-table";

const LABEL = {
  pass: "PASS",
  fail: "FAIL",
  "not-evaluated": "NOT EVALUATED",
  manual: "MANUAL",
  "not-applicable": "N/A",
} as const;
const STYLE = {
  pass: "\x1b[32m",
  fail: "\x1b[31m",
  "not-evaluated": "\x1b[33m",
  manual: "\x1b[2m",
  "not-applicable": "\x1b[2m",
} as const;
const RESET = "\x1b[0m";
const SHOWN_RESOURCES = 5;

const pct = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

/** One framework as a person reads it in a terminal: its controls by section, with why each stands where it does. */
export function formatFrameworkTable(framework: FrameworkResult, { color }: { color: boolean }): string {
  const s = summariseFramework(framework.controls);
  const lines = [
    `${framework.title} ${framework.version}`,
    `${s.pass} of ${s.automated} automated controls pass (${pct(s.share)}) · ${s.fail} fail · ${s.notEvaluated} not evaluated · ${s.manual} manual (${s.manualAttested} attested) · ${s.notApplicable} not applicable`,
  ];
  const idWidth = Math.max(...framework.controls.map((c) => c.id.length));
  const indent = " ".repeat(17);
  let section = "";
  for (const c of framework.controls) {
    if (c.section !== section) {
      section = c.section;
      lines.push("", section);
    }
    const label = LABEL[c.status].padEnd(13);
    lines.push(`  ${color ? `${STYLE[c.status]}${label}${RESET}` : label}  ${c.id.padEnd(idWidth)} ${c.title}`);
    if (c.status === "fail") {
      const shown = c.failing
        .slice(0, SHOWN_RESOURCES)
        .map((f) =>
          safe(`${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}`),
        );
      const more = c.failing.length > SHOWN_RESOURCES ? `, and ${c.failing.length - SHOWN_RESOURCES} more` : "";
      lines.push(`${indent}${c.failing.length} failing: ${shown.join(", ")}${more}`);
    }
    if (c.reason && c.status !== "manual") lines.push(`${indent}${safe(c.reason)}`);
  }
  return `${lines.join("\n")}\n`;
}
