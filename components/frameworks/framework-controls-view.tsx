"use client";

import Link from "next/link";

import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ControlStatus } from "@/lib/frameworks/types";

import { ControlStatusBadge } from "./control-status-badge";

/** One cluster's latest status of a control (null: that snapshot has none, its mapping changed). */
export type ControlCell = { status: ControlStatus; attested: boolean | null; failingCount: number } | null;

/** A control's line: its status on each listed cluster, or (across a fleet) its standing. */
export type ControlLine = {
  id: string;
  section: string;
  title: string;
  judgedBy: string;
  /** one per listed cluster, in their order */
  cells?: ControlCell[];
  /** "fails in 12 clusters · passes in 88 clusters" */
  standing?: string;
  failing?: number;
};

const standingTone = (l: ControlLine) => (l.failing ? "text-red-800" : "text-slate-700");

/**
 * A framework's controls by section: a status column per cluster (`clusters`), or with `clusters`
 * null one column of each control's standing across the fleet. Drawn from data, so a table of a
 * hundred and thirty controls is not sent twice as markup.
 */
export function FrameworkControlsView({
  frameworkId,
  clusters,
  lines,
}: {
  frameworkId: string;
  clusters: { id: string; name: string }[] | null;
  lines: ControlLine[];
}) {
  return (
    <div className="space-y-6">
      {[...Map.groupBy(lines, (l) => l.section)].map(([section, rows]) => (
        <Card key={section} aria-label={section} className="print-avoid-break">
          <CardTitle>{section}</CardTitle>
          {/* A matrix of many clusters scrolls sideways inside its card rather than being cut off. */}
          <div className="overflow-x-auto">
            <Table>
              <THead>
                <tr>
                  <Th scope="col" className="w-20">
                    Control
                  </Th>
                  <Th scope="col">Title</Th>
                  {/* On a phone the judging (and across a fleet, the standing) goes under the title. */}
                  <Th scope="col" className="hidden sm:table-cell">
                    Judged by
                  </Th>
                  {clusters ? (
                    clusters.map((c) => (
                      <Th key={c.id} scope="col">
                        {c.name}
                      </Th>
                    ))
                  ) : (
                    <Th scope="col" className="hidden sm:table-cell">
                      Across the fleet
                    </Th>
                  )}
                </tr>
              </THead>
              <tbody>
                {rows.map((control) => (
                  <Tr ruled key={control.id}>
                    <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-medium">
                      <Link
                        href={`/frameworks/${frameworkId}/${encodeURIComponent(control.id)}`}
                        className="hover:underline"
                      >
                        {control.id}
                      </Link>
                    </th>
                    <Td>
                      {control.title}
                      <span className="block text-xs text-slate-600 sm:hidden">{control.judgedBy}</span>
                      {clusters ? null : (
                        <span className={`block text-xs sm:hidden ${standingTone(control)}`}>{control.standing}</span>
                      )}
                    </Td>
                    <Td className="hidden text-slate-600 sm:table-cell">{control.judgedBy}</Td>
                    {clusters ? (
                      clusters.map((c, i) => {
                        const s = control.cells?.[i];
                        return (
                          <Td key={c.id}>
                            {s ? (
                              <ControlStatusBadge
                                status={s.status}
                                attested={s.attested}
                                failingCount={s.failingCount}
                              />
                            ) : (
                              <span className="text-xs text-slate-500">no status (mapping changed)</span>
                            )}
                          </Td>
                        );
                      })
                    ) : (
                      <Td className={`hidden text-xs sm:table-cell ${standingTone(control)}`}>{control.standing}</Td>
                    )}
                  </Tr>
                ))}
              </tbody>
            </Table>
          </div>
        </Card>
      ))}
    </div>
  );
}
