import Link from "next/link";

import { GradeBadge } from "@/components/scores/grade-badge";
import { Table, TBody, THead } from "@/components/ui/table";
import type { SnapshotRow } from "@/lib/contracts/cluster-detail";
import { formatUtc } from "@/lib/format-date";

export function SnapshotHistory({ rows }: { rows: SnapshotRow[] }) {
  return (
    <div className="overflow-x-auto">
      <Table>
        <caption className="sr-only">Recent snapshots, newest first</caption>
        <THead>
          <tr>
            <th scope="col" className="py-2">
              #
            </th>
            <th scope="col">Taken (UTC)</th>
            <th scope="col">Status</th>
            <th scope="col">Overall</th>
            <th scope="col">Findings</th>
            <th scope="col">New</th>
            <th scope="col">Resolved</th>
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="py-2 text-slate-500">#{r.seq}</td>
              <td>
                <Link href={`/snapshots/${r.id}`} className="text-sky-800 hover:underline">
                  {formatUtc(r.startedAt)}
                  {r.trigger === "import" ? " (history)" : ""}
                </Link>
              </td>
              <td>{r.status}</td>
              <td>
                <GradeBadge grade={r.grade} score={r.overall} />{" "}
                <span className="text-slate-600">{r.overall?.toFixed(1) ?? ""}</span>
              </td>
              {r.status === "succeeded" || r.status === "partial" ? (
                <>
                  <td>{r.findingCount}</td>
                  <td className="text-red-700">{r.newCount ? `+${r.newCount}` : "0"}</td>
                  <td className="text-emerald-700">{r.resolvedCount ? `−${r.resolvedCount}` : "0"}</td>
                </>
              ) : (
                <td colSpan={3} className="text-slate-500">
                  — did not complete
                </td>
              )}
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
