"use client";

import { Choice } from "@/components/ui/choice";

/** Up to this many clusters the boxes are shown; a bigger fleet's are a click away, in a box that scrolls. */
const SHOWN = 10;

/** The report form's clusters, a checkbox each (none ticked: every cluster), drawn from their ids and names. */
export function ClusterChoices({
  clusters,
  ticked,
}: {
  clusters: { id: string; name: string }[];
  ticked: readonly string[];
}) {
  const n = clusters.filter((c) => ticked.includes(c.id)).length;
  const boxes = (
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
  );
  return (
    <fieldset className="min-w-0">
      <legend className="font-medium">Clusters</legend>
      <p className="text-xs text-slate-500">None ticked means every cluster.</p>
      {clusters.length <= SHOWN ? (
        boxes
      ) : (
        <details open={n > 0} className="mt-1">
          <summary className="cursor-pointer text-sky-800 underline">
            {n ? `${n} of ${clusters.length} clusters ticked` : `Every cluster (${clusters.length}); choose some`}
          </summary>
          <div className="max-h-64 overflow-y-auto rounded border border-slate-200 p-2">{boxes}</div>
        </details>
      )}
    </fieldset>
  );
}
