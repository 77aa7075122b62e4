import { Table, Th, THead, Tr } from "@/components/ui/table";
import type { StoredControl } from "@/lib/contracts/frameworks";
import { formatUtc } from "@/lib/format-date";

import { ControlStatusBadge } from "./control-status-badge";

/** A control's stored status in every completed snapshot, per cluster: what each scan found, with the mapping it used. */
export function ControlHistoryTable({ history }: { history: StoredControl[] }) {
  return (
    <Table>
      <THead>
        <tr>
          <Th scope="col">Cluster</Th>
          <Th scope="col">Snapshot</Th>
          <Th scope="col">Taken</Th>
          <Th scope="col">Status</Th>
          <th scope="col" className="py-1">
            Framework version
          </th>
        </tr>
      </THead>
      <tbody>
        {history.map((h) => (
          <Tr ruled key={h.snapshotId}>
            <td className="py-1 pr-3">{h.clusterName}</td>
            <td className="py-1 pr-3">{`#${h.seq}`}</td>
            <td className="py-1 pr-3">{formatUtc(h.takenAt)}</td>
            <td className="py-1 pr-3">
              <ControlStatusBadge status={h.status} attested={h.attested} failingCount={h.failingCount} />
            </td>
            <td className="py-1 font-mono text-xs">{h.frameworkVersion}</td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
