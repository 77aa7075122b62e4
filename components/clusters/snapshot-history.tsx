"use client";

import Link from "next/link";

import { GradeBadge } from "@/components/scores/grade-badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { SnapshotRow } from "@/lib/contracts/cluster-detail";
import { formatUtc } from "@/lib/format-date";

export function SnapshotHistory({ rows }: { rows: SnapshotRow[] }) {
  return (
    <div className="overflow-x-auto">
      <Table>
        <caption className="sr-only">Recent snapshots, newest first</caption>
        <THead>
          <tr>
            <Th scope="col" className="py-2">
              #
            </Th>
            <Th scope="col">Taken (UTC)</Th>
            <Th scope="col">Status</Th>
            <Th scope="col">Overall</Th>
            <Th scope="col">Findings</Th>
            <Th scope="col">New</Th>
            <Th scope="col">Resolved</Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <tr key={r.id}>
              <Td className="py-2 text-slate-500">#{r.seq}</Td>
              <Td>
                <Link href={`/snapshots/${r.id}`} className="text-sky-800 hover:underline">
                  {formatUtc(r.startedAt)}
                  {r.trigger === "import" ? " (history)" : ""}
                </Link>
              </Td>
              <Td>{r.status}</Td>
              <Td>
                <GradeBadge grade={r.grade} score={r.overall} />{" "}
                <span className="text-slate-600">{r.overall?.toFixed(1) ?? ""}</span>
              </Td>
              {r.status === "succeeded" || r.status === "partial" ? (
                <>
                  <Td>{r.findingCount}</Td>
                  <Td className="text-red-700">{r.newCount ? `+${r.newCount}` : "0"}</Td>
                  <Td className="text-emerald-700">{r.resolvedCount ? `−${r.resolvedCount}` : "0"}</Td>
                </>
              ) : (
                <Td colSpan={3} className="text-slate-500">
                  — did not complete
                </Td>
              )}
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
