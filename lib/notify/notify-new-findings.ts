import { appUrl } from "@/lib/auth/app-origin";
import { getCheckTitle } from "@/lib/checks/get-check-title";
import { SEVERITIES } from "@/lib/checks/types";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { hasEarlierCompletedScan, listNewFindings } from "@/lib/db/snapshots/list-new-findings";
import { log } from "@/lib/log";

import { deliverWithRetry } from "./deliver-webhook";
import { getWebhook } from "./webhook-settings";

const MAX_FINDINGS = 100;
const SYSTEM = { userId: null, email: null, ip: null };

/**
 * After a scan: sends the findings it opened at or above the webhook's severity, leaving out
 * those an accepted risk covers. A cluster's first scan is its baseline (everything in it is
 * new), so it sends nothing. The outcome goes to the audit log; a failure never fails the scan.
 */
export async function notifyNewFindings(snapshot: {
  snapshotId: string;
  clusterId: string;
  seq: number;
}): Promise<void> {
  const hook = await getWebhook();
  if (!hook) return;
  if (!(await hasEarlierCompletedScan(snapshot.clusterId, snapshot.seq))) return;
  const severities = SEVERITIES.slice(0, SEVERITIES.indexOf(hook.minSeverity) + 1);
  const { bySeverity, total, rows } = await listNewFindings(snapshot.clusterId, snapshot.seq, severities, MAX_FINDINGS);
  if (total === 0) return;
  const origin = appUrl();
  const counts = bySeverity.map((r) => `${r.n} ${r.severity}`).join(", ");
  const snapshotUrl = `${origin}/snapshots/${snapshot.snapshotId}`;
  const payload = {
    // Chat tools that take a "text" field (Slack, Mattermost incoming webhooks) show this line as is.
    text: `Bulwark: ${total} new finding${total === 1 ? "" : "s"} (${counts}) in cluster ${rows[0]!.clusterName}: ${snapshotUrl}`,
    counts: Object.fromEntries(bySeverity.map((r) => [r.severity, r.n])),
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
  if (!result.ok)
    log.warn({ snapshotId: snapshot.snapshotId, status: result.status, err: result.error }, "webhook delivery failed");
}
