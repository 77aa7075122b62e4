import { Gauge, Registry } from "prom-client";

import type { ClusterPosture } from "@/lib/contracts/scores";
import type { MetricSources } from "@/lib/db/metrics/read-metric-sources";

/**
 * The Prometheus exposition of Bulwark's posture, built per scrape from the database (a
 * fresh registry each time, so every web replica answers the same). prom-client escapes label
 * values, which come from cluster names.
 */
export async function renderMetrics(
  posture: ClusterPosture[],
  sources: MetricSources,
): Promise<{ body: string; contentType: string }> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const score = gauge(
    "bulwark_score",
    'Posture score (0-100) of the latest completed snapshot; layer="overall" for the cluster.',
    ["cluster", "layer"],
  );
  const open = gauge("bulwark_open_findings", "Open findings by severity.", ["cluster", "severity"]);
  const scans = gauge("bulwark_scans", "Scans kept in history, by outcome.", ["cluster", "status"]);
  const duration = gauge("bulwark_last_scan_duration_seconds", "Duration of the latest finished scan.", [
    "cluster",
    "status",
  ]);
  const finished = gauge("bulwark_last_scan_finished_timestamp_seconds", "When the latest scan finished (Unix time).", [
    "cluster",
  ]);
  for (const p of posture)
    for (const s of p.scores)
      if (s.score !== null) score.set({ cluster: p.name, layer: s.layer ?? "overall" }, s.score);
  for (const r of sources.openFindings) open.set({ cluster: r.cluster, severity: r.severity }, r.count);
  for (const r of sources.scans) scans.set({ cluster: r.cluster, status: r.status }, r.count);
  for (const r of sources.lastScan) {
    duration.set({ cluster: r.cluster, status: r.status }, r.seconds);
    finished.set({ cluster: r.cluster }, r.finishedAt.getTime() / 1000);
  }
  return { body: await registry.metrics(), contentType: registry.contentType };
}
