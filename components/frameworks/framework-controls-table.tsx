import Link from "next/link";
import type { StoredControl } from "@/lib/api/schemas/frameworks";
import type { Control, Framework } from "@/lib/frameworks/types";
import { ControlStatusBadge } from "./control-status-badge";

const judgedBy = (c: Control) => (c.judged.by === "automated" ? `${c.judged.checks.length} check${c.judged.checks.length === 1 ? "" : "s"}` : c.judged.by === "manual" ? "manual" : "not applicable");

/** A framework's controls by section, one status column per cluster (from its latest completed snapshot). */
export function FrameworkControlsTable({ framework, controls, clusters, latest }: { framework: Framework; controls: readonly Control[]; clusters: { id: string; name: string }[]; latest: StoredControl[] }) {
  const cell = new Map(latest.map((s) => [`${s.clusterId}\u0000${s.controlId}`, s]));
  const sections = Map.groupBy(controls, (c) => c.section);
  return (
    <div className="space-y-6">
      {[...sections].map(([section, rows]) => (
        <section key={section} aria-label={section} className="print-avoid-break rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-base font-semibold">{section}</h2>
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="w-20 py-1 pr-3">Control</th>
                <th scope="col" className="py-1 pr-3">Title</th>
                <th scope="col" className="py-1 pr-3">Judged by</th>
                {clusters.map((c) => (
                  <th key={c.id} scope="col" className="py-1 pr-3">{c.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((control) => (
                <tr key={control.id} className="border-t border-slate-100">
                  <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-medium">
                    <Link href={`/frameworks/${framework.id}/${encodeURIComponent(control.id)}`} className="hover:underline">{control.id}</Link>
                  </th>
                  <td className="py-1.5 pr-3">{control.title}</td>
                  <td className="py-1.5 pr-3 text-slate-600">{judgedBy(control)}</td>
                  {clusters.map((c) => {
                    const s = cell.get(`${c.id}\u0000${control.id}`);
                    return <td key={c.id} className="py-1.5 pr-3">{s ? <ControlStatusBadge status={s.status} attested={s.attested} failingCount={s.failingCount} /> : <span className="text-xs text-slate-500">no status (mapping changed)</span>}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
