-- One open lifetime per finding fingerprint and cluster; closed lifetimes keep their history.
-- Partial indexes cannot be declared in schema.prisma, so they live here (idempotent).
CREATE UNIQUE INDEX IF NOT EXISTS finding_open_fingerprint ON "finding" ("clusterId", "fingerprint") WHERE "lastSeq" IS NULL;
-- At most one running snapshot per cluster: a second scan request finds the first.
CREATE UNIQUE INDEX IF NOT EXISTS snapshot_one_running ON "snapshot" ("clusterId") WHERE "status" = 'running';
