import Link from "next/link";

import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th, THead, Tr } from "@/components/ui/table";
import type { StoredControl } from "@/lib/contracts/frameworks";
import type { Control, Framework } from "@/lib/frameworks/types";

import { ControlStatusBadge } from "./control-status-badge";

const judgedBy = (c: Control) =>
  c.judged.by === "automated"
    ? `${c.judged.checks.length} check${c.judged.checks.length === 1 ? "" : "s"}`
    : c.judged.by === "manual"
      ? "manual"
      : "not applicable";

/** A framework's controls by section, one status column per cluster (from its latest completed snapshot). */
export function FrameworkControlsTable({
  framework,
  controls,
  clusters,
  latest,
}: {
  framework: Framework;
  controls: readonly Control[];
  clusters: { id: string; name: string }[];
  latest: StoredControl[];
}) {
  const cell = new Map(latest.map((s) => [`${s.clusterId}\u0000${s.controlId}`, s]));
  const sections = Map.groupBy(controls, (c) => c.section);
  return (
    <div className="space-y-6">
      {[...sections].map(([section, rows]) => (
        <Card key={section} aria-label={section} className="print-avoid-break">
          <CardTitle>{section}</CardTitle>
          <Table>
            <THead>
              <tr>
                <Th scope="col" className="w-20">
                  Control
                </Th>
                <Th scope="col">Title</Th>
                <Th scope="col">Judged by</Th>
                {clusters.map((c) => (
                  <Th key={c.id} scope="col">
                    {c.name}
                  </Th>
                ))}
              </tr>
            </THead>
            <tbody>
              {rows.map((control) => (
                <Tr ruled key={control.id}>
                  <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-medium">
                    <Link
                      href={`/frameworks/${framework.id}/${encodeURIComponent(control.id)}`}
                      className="hover:underline"
                    >
                      {control.id}
                    </Link>
                  </th>
                  <Td>{control.title}</Td>
                  <Td className="text-slate-600">{judgedBy(control)}</Td>
                  {clusters.map((c) => {
                    const s = cell.get(`${c.id}\u0000${control.id}`);
                    return (
                      <Td key={c.id}>
                        {s ? (
                          <ControlStatusBadge status={s.status} attested={s.attested} failingCount={s.failingCount} />
                        ) : (
                          <span className="text-xs text-slate-500">no status (mapping changed)</span>
                        )}
                      </Td>
                    );
                  })}
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ))}
    </div>
  );
}
