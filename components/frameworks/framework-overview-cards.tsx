"use client";

import Link from "next/link";

import { Sparkline } from "@/components/scores/sparkline";
import { Card } from "@/components/ui/card";
import { Table, Td, Th, THead, Tr } from "@/components/ui/table";

/** A cluster's line under a framework, as the table shows it. */
export type FrameworkRowView = {
  clusterId: string;
  clusterName: string;
  /** "48% (12 of 25)" */
  passing: string;
  fail: number;
  notEvaluated: number;
  /** "2 of 5" */
  manualAttested: string;
  /** the share passing per snapshot, 0–100, oldest first */
  trend: number[];
  /** the trend read aloud */
  trendLabel: string;
  /** "#730, 1 Dec" */
  snapshot: string;
};

export type FrameworkCardView = {
  id: string;
  title: string;
  edition: string;
  rows: FrameworkRowView[];
  unscanned: { clusterId: string; clusterName: string; why: string }[];
};

/** Each framework's card: a line per cluster, then the clusters no completed snapshot speaks for. Drawn from data. */
export function FrameworkOverviewCards({ frameworks }: { frameworks: FrameworkCardView[] }) {
  return (
    <div className="space-y-6">
      {frameworks.map((f) => (
        <Card key={f.id} aria-labelledby={`fw-${f.id}`}>
          <h2 id={`fw-${f.id}`} className="text-base font-semibold">
            <Link
              href={`/frameworks/${f.id}`}
              className="hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
            >
              {f.title}
            </Link>{" "}
            <span className="text-sm font-normal text-slate-600">{f.edition}</span>
          </h2>
          <Table className="mt-3">
            <THead>
              <tr>
                <Th scope="col">Cluster</Th>
                <Th scope="col">Automated passing</Th>
                <Th scope="col">Failing</Th>
                <Th scope="col">Not evaluated</Th>
                <Th scope="col">Manual attested</Th>
                <Th scope="col">Trend</Th>
                <th scope="col" className="py-1">
                  Snapshot
                </th>
              </tr>
            </THead>
            <tbody>
              {f.rows.map((r) => (
                <Tr ruled key={r.clusterId}>
                  <th scope="row" className="py-1.5 pr-3 font-medium">
                    <Link href={`/frameworks/${f.id}?cluster=${r.clusterId}`} className="hover:underline">
                      {r.clusterName}
                    </Link>
                  </th>
                  <Td>{r.passing}</Td>
                  <Td>
                    {r.fail ? (
                      <Link
                        href={`/frameworks/${f.id}?status=fail&cluster=${r.clusterId}`}
                        className="text-red-800 underline"
                      >
                        {r.fail}
                      </Link>
                    ) : (
                      0
                    )}
                  </Td>
                  <Td>{r.notEvaluated}</Td>
                  <Td>{r.manualAttested}</Td>
                  <Td>
                    <Sparkline points={r.trend} scale="Share passing" unit="%" label={r.trendLabel} />
                  </Td>
                  <td className="py-1.5 text-slate-600">{r.snapshot}</td>
                </Tr>
              ))}
              {f.unscanned.map((u) => (
                <Tr key={u.clusterId} ruled>
                  <th scope="row" className="py-1.5 pr-3 font-medium">
                    <Link href={`/clusters/${u.clusterId}`} className="hover:underline">
                      {u.clusterName}
                    </Link>
                  </th>
                  <td colSpan={6} className="py-1.5 text-slate-700">{`No completed scan: ${u.why}`}</td>
                </Tr>
              ))}
            </tbody>
          </Table>
          {f.rows.length === 0 && f.unscanned.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No completed snapshot has statuses for this framework yet.</p>
          ) : null}
        </Card>
      ))}
    </div>
  );
}
