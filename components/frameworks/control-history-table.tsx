import type { StoredControl } from "@/lib/api/schemas/frameworks";
import { formatUtc } from "@/lib/format-date";
import { ControlStatusBadge } from "./control-status-badge";

/** A control's stored status in every completed snapshot, per cluster: what each scan found, with the mapping it used. */
export function ControlHistoryTable({ history }: { history: StoredControl[] }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3">Cluster</th>
          <th scope="col" className="py-1 pr-3">Snapshot</th>
          <th scope="col" className="py-1 pr-3">Taken</th>
          <th scope="col" className="py-1 pr-3">Status</th>
          <th scope="col" className="py-1">Framework version</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.snapshotId} className="border-t border-slate-100">
            <td className="py-1 pr-3">{h.clusterName}</td>
            <td className="py-1 pr-3">{`#${h.seq}`}</td>
            <td className="py-1 pr-3">{formatUtc(h.takenAt)}</td>
            <td className="py-1 pr-3"><ControlStatusBadge status={h.status} attested={h.attested} failingCount={h.failingCount} /></td>
            <td className="py-1 font-mono text-xs">{h.frameworkVersion}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
