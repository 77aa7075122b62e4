import { SeverityBadge } from "@/components/checks/severity-badge";
import type { Severity } from "@/lib/checks/types";
import type { ChangedFinding } from "@/lib/contracts/snapshot-changes";

/** Findings opened or resolved by a snapshot. Cluster strings are rendered as text, never markup. */
export function FindingChangeList({ findings, empty }: { findings: ChangedFinding[]; empty: string }) {
  if (findings.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {findings.map((f) => (
        <li key={f.id} className="flex items-start gap-3 py-2">
          <SeverityBadge severity={f.severity as Severity} />
          <div className="min-w-0">
            <p className="font-mono text-xs text-slate-500">
              {f.checkId} · {f.resourceKind} {f.namespace ? `${f.namespace}/` : ""}
              {f.resourceName}
            </p>
            <p className="break-words text-slate-800">{f.message}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
