"use client";

import { createColumnHelper, flexRender, tableFeatures, useTable } from "@tanstack/react-table";
import Link from "next/link";

import { SeverityBadge } from "@/components/checks/severity-badge";
import { Table, TableFrame, TBody, Td, Th, THead } from "@/components/ui/table";
import type { Severity } from "@/lib/checks/types";
import { FINDING_STATUS_LABEL, type FindingRow } from "@/lib/contracts/findings";
import { formatUtc } from "@/lib/format-date";

const features = tableFeatures({});
const column = createColumnHelper<typeof features, FindingRow>();

// Column specs: every value from a cluster is rendered as text by React, never as markup.
const COLUMNS = column.columns([
  column.accessor("severity", {
    header: "Severity",
    cell: (c) => <SeverityBadge severity={c.getValue() as Severity} />,
  }),
  column.accessor("checkTitle", {
    header: "Check",
    cell: (c) => (
      <Link href={`/findings/${c.row.original.id}`} className="font-medium text-sky-800 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor(
    (r) =>
      `${r.resourceKind} ${r.namespace ? `${r.namespace}/` : ""}${r.resourceName}${r.container ? ` · ${r.container}` : ""}`,
    {
      id: "resource",
      header: "Resource",
      cell: (c) => <span className="wrap-break-word">{c.getValue()}</span>,
    },
  ),
  column.accessor("message", { header: "Message", cell: (c) => <span className="line-clamp-2">{c.getValue()}</span> }),
  column.accessor("clusterName", { header: "Cluster" }),
  column.accessor("layer", { header: "Layer" }),
  column.accessor("status", { header: "Status", cell: (c) => FINDING_STATUS_LABEL[c.getValue()] }),
  column.accessor("firstSeenAt", { header: "First seen (UTC)", cell: (c) => formatUtc(c.getValue()) }),
]);

export function FindingsTable({ rows }: { rows: FindingRow[] }) {
  const table = useTable({ features, data: rows, columns: COLUMNS, getRowId: (r) => r.id });
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">Findings matching the filters</caption>
        <THead look="boxed">
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <Th look="boxed" key={h.id} scope="col" className="font-medium">
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </Th>
              ))}
            </tr>
          ))}
        </THead>
        <TBody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="finding-row" className="align-top hover:bg-slate-50">
              {row.getAllCells().map((cell) => (
                <Td look="boxed" key={cell.id} className="text-slate-700">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </Td>
              ))}
            </tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
