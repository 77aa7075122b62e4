import { Table, Th, THead, Tr } from "@/components/ui/table";
import type { ControlRun } from "@/lib/contracts/frameworks";
import { formatUtc } from "@/lib/format-date";

import { ControlStatusBadge } from "./control-status-badge";

/** A control's history on a cluster: each run of scans with one status (and mapping), oldest first. */
export function ControlHistoryTable({ runs }: { runs: ControlRun[] }) {
  return (
    <Table>
      <THead>
        <tr>
          <Th scope="col">Snapshots</Th>
          <Th scope="col">Taken</Th>
          <Th scope="col">Status</Th>
          <th scope="col" className="py-1">
            Framework version
          </th>
        </tr>
      </THead>
      <tbody>
        {runs.map((r) => (
          <Tr ruled key={r.fromSeq}>
            <td className="py-1 pr-3">
              {r.scans === 1 ? `#${r.fromSeq}` : `#${r.fromSeq}–#${r.toSeq} (${r.scans} scans)`}
            </td>
            <td className="py-1 pr-3">
              {r.scans === 1 ? formatUtc(r.fromAt) : `${formatUtc(r.fromAt)} – ${formatUtc(r.toAt)}`}
            </td>
            <td className="py-1 pr-3">
              <ControlStatusBadge status={r.status} attested={r.attested} failingCount={r.failingCount} />
            </td>
            <td className="py-1 font-mono text-xs">{r.frameworkVersion}</td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
