import { Card } from "@/components/ui/card";
import type { ClusterSummary } from "@/lib/contracts/clusters";
import { formatUtc } from "@/lib/format-date";

export function ClusterList({ clusters }: { clusters: ClusterSummary[] }) {
  return (
    <Card as="ul" className="divide-y divide-slate-200 p-0">
      {clusters.map((c) => (
        <li key={c.id} className="flex items-center justify-between px-4 py-3">
          <div>
            <p className="font-medium text-slate-900">{c.name}</p>
            <p className="text-xs text-slate-500">
              {c.isDemo ? "demo cluster" : c.source.replace(/_/g, " ")}
              {c.enabled ? "" : " · disabled"}
            </p>
          </div>
          <p className="text-sm text-slate-600">
            {c.lastScanAt ? `Last scan ${formatUtc(c.lastScanAt)} UTC · ${c.lastStatus}` : "Not scanned yet"}
          </p>
        </li>
      ))}
    </Card>
  );
}
