-- One open lifetime per finding fingerprint and cluster; closed lifetimes keep their history.
-- Partial indexes cannot be declared in schema.prisma, so they live here (idempotent).
CREATE UNIQUE INDEX IF NOT EXISTS finding_open_fingerprint ON "finding" ("clusterId", "fingerprint") WHERE "lastSeq" IS NULL;
-- At most one running snapshot per cluster: a second scan request finds the first.
CREATE UNIQUE INDEX IF NOT EXISTS snapshot_one_running ON "snapshot" ("clusterId") WHERE "status" = 'running';
-- The findings browser reads open findings worst first, per cluster or across clusters, by
-- keyset (severity, id): these indexes make page 1,000 cost what page 1 costs.
CREATE INDEX IF NOT EXISTS finding_open_browse ON "finding" ("clusterId", "severity", "id") WHERE "lastSeq" IS NULL;
CREATE INDEX IF NOT EXISTS finding_open_browse_all ON "finding" ("severity", "id") WHERE "lastSeq" IS NULL;
-- Each accepted risk's open findings (one cluster, one check): its count of matches and the
-- findings it covers read from this index alone (namespace and resource included), not from the rows.
CREATE INDEX IF NOT EXISTS finding_open_rule ON "finding" ("clusterId", "checkId", "namespace") INCLUDE ("resourceKind", "resourceName", "id") WHERE "lastSeq" IS NULL;
DROP INDEX IF EXISTS finding_open_check;
-- A cluster's latest completed scan as of a time (the report's daily curve: one probe per day and cluster).
CREATE INDEX IF NOT EXISTS snapshot_completed_at ON "snapshot" ("clusterId", "startedAt") WHERE "status" IN ('succeeded', 'partial');
-- Each snapshot's current scores read from the index alone (the report's daily curves probe one snapshot per day and cluster).
CREATE INDEX IF NOT EXISTS layer_score_current ON "layer_score" ("snapshotId") INCLUDE ("layer", "score", "critical", "high", "medium", "low") WHERE "current";
-- Not needed: a snapshot's since-closed lifetimes (compare) are read through
-- finding_clusterId_firstSeq_lastSeq_idx; an extra index would only slow every scan's writes.
DROP INDEX IF EXISTS finding_closed_last;
-- Resolved findings newest (or oldest) first: read from here instead of stepping over the open
-- ones in the (firstSeenAt, id) index (resolved list 17 ms → under 1 ms at 10M lifetimes).
CREATE INDEX IF NOT EXISTS finding_resolved_first_seen ON "finding" ("firstSeenAt", "id") WHERE "lastSeq" IS NOT NULL;
