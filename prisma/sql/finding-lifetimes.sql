-- One open lifetime per finding fingerprint and cluster; closed lifetimes keep their history.
-- Partial indexes cannot be declared in schema.prisma, so they live here (idempotent).
CREATE UNIQUE INDEX IF NOT EXISTS finding_open_fingerprint ON "finding" ("clusterId", "fingerprint") WHERE "lastSeq" IS NULL;
-- At most one running snapshot per cluster: a second scan request finds the first.
CREATE UNIQUE INDEX IF NOT EXISTS snapshot_one_running ON "snapshot" ("clusterId") WHERE "status" = 'running';
-- The findings browser reads open findings worst first, per cluster or across clusters, by
-- keyset (severity, id): these indexes make page 1,000 cost what page 1 costs.
CREATE INDEX IF NOT EXISTS finding_open_browse ON "finding" ("clusterId", "severity", "id") WHERE "lastSeq" IS NULL;
CREATE INDEX IF NOT EXISTS finding_open_browse_all ON "finding" ("severity", "id") WHERE "lastSeq" IS NULL;
-- The browser's order by resource over open findings, and each
-- accepted risk's count of the open findings it covers (one cluster, one check): index reads
-- of the rows wanted instead of a sort or a scan of every open finding.
CREATE INDEX IF NOT EXISTS finding_open_resource ON "finding" ("namespace", "resourceName", "id") WHERE "lastSeq" IS NULL;
CREATE INDEX IF NOT EXISTS finding_open_check ON "finding" ("clusterId", "checkId") WHERE "lastSeq" IS NULL;
