-- DropIndex
DROP INDEX "finding_clusterId_resolvedAt_severity_id_idx";
