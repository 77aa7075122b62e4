import { getCheckTitle } from "@/lib/checks/get-check-title";
import { SEVERITIES } from "@/lib/checks/types";
import { appUrl } from "@/lib/auth/app-origin";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { FINDING_COLUMNS, FINDING_FROM } from "@/lib/db/findings/finding-sql";
import { getPool } from "@/lib/db/pool";
import { log } from "@/lib/log";
import { deliverWithRetry } from "./deliver-webhook";
import { getWebhook } from "./webhook-settings";

const MAX_FINDINGS = 100;
/** Opened by snapshot $2 of cluster $1, still open, not covered by an accepted risk, of severity in $3. */
const NEW_IN_SNAPSHOT = `WHERE f."clusterId" = $1 AND f."firstSeq" = $2 AND f."lastSeq" IS NULL AND sup.id IS NULL AND f.severity::text = ANY($3::text[])`;
const SYSTEM = { userId: null, email: null, ip: null };

/**
 * After a scan: sends the findings it opened at or above the webhook's severity, leaving out
 * those an accepted risk covers. A cluster's first scan is its baseline (everything in it is
 * new), so it sends nothing. The outcome goes to the audit log; a failure never fails the scan.
 */
export async function notifyNewFindings(snapshot: { snapshotId: string; clusterId: string; seq: number }): Promise<void> {
  const hook = await getWebhook();
  if (!hook) return;
  const pool = getPool();
  const earlier = await pool.query(`SELECT 1 FROM snapshot WHERE "clusterId" = $1 AND seq < $2 AND status IN ('succeeded', 'partial') LIMIT 1`, [snapshot.clusterId, snapshot.seq]);
  if (earlier.rowCount === 0) return;
  const severities = SEVERITIES.slice(0, SEVERITIES.indexOf(hook.minSeverity) + 1);
  const values = [snapshot.clusterId, snapshot.seq, severities];
  const bySeverity = await pool.query<{ severity: string; n: number }>(
    `SELECT f.severity::text AS severity, count(*)::int AS n FROM ${FINDING_FROM} ${NEW_IN_SNAPSHOT} GROUP BY f.severity ORDER BY f.severity`,
    values,
  );
  const total = bySeverity.rows.reduce((n, r) => n + r.n, 0);
  if (total === 0) return;
  const { rows } = await pool.query<Record<string, string>>(`SELECT ${FINDING_COLUMNS} FROM ${FINDING_FROM} ${NEW_IN_SNAPSHOT} ORDER BY f.severity, f.id LIMIT ${MAX_FINDINGS}`, values);
  const origin = appUrl();
  const counts = bySeverity.rows.map((r) => `${r.n} ${r.severity}`).join(", ");
  const snapshotUrl = `${origin}/snapshots/${snapshot.snapshotId}`;
  const payload = {
    // Chat tools that take a "text" field (Slack, Mattermost incoming webhooks) show this line as is.
    text: `Bulwark: ${total} new finding${total === 1 ? "" : "s"} (${counts}) in cluster ${rows[0]!.clusterName}: ${snapshotUrl}`,
    counts: Object.fromEntries(bySeverity.rows.map((r) => [r.severity, r.n])),
    cluster: { id: snapshot.clusterId, name: rows[0]!.clusterName },
    snapshot: { id: snapshot.snapshotId, seq: snapshot.seq, url: snapshotUrl },
    minSeverity: hook.minSeverity,
    total,
    truncated: total > rows.length,
    findings: rows.map((r) => ({
      id: r.id,
      checkId: r.checkId,
      title: getCheckTitle(r.checkId!),
      severity: r.severity,
      layer: r.layer,
      resource: { kind: r.resourceKind, namespace: r.namespace, name: r.resourceName },
      container: r.container,
      message: r.message,
      url: `${origin}/findings/${r.id}`,
    })),
  };
  const result = await deliverWithRetry(hook, "findings.new", payload);
  await recordAuditEvent({
    actor: SYSTEM,
    action: result.ok ? "notification.sent" : "notification.failed",
    target: { type: "snapshot", id: snapshot.snapshotId },
    details: { findings: total, status: result.status, ...(result.error ? { error: result.error } : {}) },
  });
  if (!result.ok) log.warn({ snapshotId: snapshot.snapshotId, status: result.status, err: result.error }, "webhook delivery failed");
}
