"use client";

import { Choice } from "@/components/ui/choice";

/** The report form's clusters, a checkbox each (none ticked: every cluster), drawn from their ids and names. */
export function ClusterChoices({
  clusters,
  ticked,
}: {
  clusters: { id: string; name: string }[];
  ticked: readonly string[];
}) {
  return (
    <fieldset>
      <legend className="font-medium">Clusters</legend>
      <p className="text-xs text-slate-500">None ticked means every cluster.</p>
      <div className="mt-1 flex flex-wrap gap-x-4">
        {clusters.map((c) => (
          <Choice
            key={c.id}
            type="checkbox"
            name="clusters"
            value={c.id}
            defaultChecked={ticked.includes(c.id)}
            label={c.name}
          />
        ))}
      </div>
    </fieldset>
  );
}
