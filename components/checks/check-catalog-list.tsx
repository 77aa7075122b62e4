"use client";

import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Layer, Severity } from "@/lib/checks/types";

import { SeverityBadge } from "./severity-badge";

/** A check's line in the catalog, as data: the page's payload carries these, not the markup of a hundred lines. */
export type CatalogLine = {
  id: string;
  title: string;
  /** its severity here (the settings' override, if any) */
  severity: Severity;
  /** the check's own severity when the settings override it */
  defaultSeverity: Severity | null;
  disabled: boolean;
  /** where it stands across the fleet ("fails in 3 clusters · passing in 97 clusters") */
  standing: string;
};

/** The catalog by layer, a line per check linked to its page. */
export function CheckCatalogList({ layers }: { layers: { layer: Layer; checks: CatalogLine[] }[] }) {
  return (
    <div className="space-y-8">
      {layers.map(({ layer, checks }) => (
        <section key={layer} aria-labelledby={`layer-${layer}`}>
          <h2 id={`layer-${layer}`} className="mb-3 text-lg font-semibold text-slate-900">
            <span className="capitalize">{layer}</span> layer{" "}
            <span className="text-sm font-normal text-slate-500">({checks.length} checks)</span>
          </h2>
          {checks.length === 0 ? (
            <p className="text-sm text-slate-600">No checks for this layer in this build.</p>
          ) : (
            <Card as="ul" className="divide-y divide-slate-200 p-0">
              {checks.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                  <SeverityBadge severity={c.severity} />
                  <Link href={`/checks/${c.id}`} className="font-medium text-slate-900 hover:underline">
                    {c.title}
                  </Link>
                  {c.disabled ? (
                    <Badge className="bg-slate-200 px-1.5 py-0 font-normal text-slate-700">
                      switched off in settings
                    </Badge>
                  ) : null}
                  {c.defaultSeverity ? (
                    <span className="text-xs text-slate-500">(default {c.defaultSeverity})</span>
                  ) : null}
                  <span className="ml-auto text-xs text-slate-600" data-testid={`failing-${c.id}`}>
                    {c.standing}
                  </span>
                  <code className="break-all font-mono text-xs text-slate-500">{c.id}</code>
                </li>
              ))}
            </Card>
          )}
        </section>
      ))}
    </div>
  );
}
