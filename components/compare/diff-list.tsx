"use client";

import { SeverityBadge } from "@/components/checks/severity-badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { Severity } from "@/lib/checks/types";
import type { DiffFinding } from "@/lib/contracts/snapshot-changes";

/** One side's findings the other lacks: up to the most severe few, with the total. Rendered from data, so the page carries the rows once. */
export function DiffList({ title, items, total }: { title: string; items: DiffFinding[]; total: number }) {
  return (
    <Card aria-label={title} className="text-sm">
      <CardTitle>
        {title} ({total.toLocaleString("en")})
      </CardTitle>
      {items.length === 0 ? (
        <p className="text-slate-600">None.</p>
      ) : (
        <ul className="space-y-2">
          {items.map((f, i) => (
            <li key={i}>
              <SeverityBadge severity={f.severity as Severity} /> <span className="font-medium">{f.checkId}</span>
              <span className="block wrap-anywhere text-slate-600">
                {f.resourceKind} {f.namespace ? `${f.namespace}/` : ""}
                {f.resourceName}
                {f.container ? ` · ${f.container}` : ""}: {f.message}
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > items.length ? (
        <p className="mt-2 text-xs text-slate-500">
          Showing the {items.length} most severe of {total.toLocaleString("en")}.
        </p>
      ) : null}
    </Card>
  );
}
