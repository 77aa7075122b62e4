-- CreateTable
CREATE TABLE "finding_rollup" (
    "clusterId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "severity" "Severity" NOT NULL,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "resolvedHours" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "finding_rollup_pkey" PRIMARY KEY ("clusterId","at","severity")
);

-- CreateIndex
CREATE INDEX "finding_rollup_at_idx" ON "finding_rollup"("at");

-- CreateIndex
CREATE INDEX "finding_severity_id_idx" ON "finding"("severity", "id");

-- CreateIndex
CREATE INDEX "finding_clusterId_severity_id_idx" ON "finding"("clusterId", "severity", "id");

-- CreateIndex
CREATE INDEX "finding_firstSeenAt_id_idx" ON "finding"("firstSeenAt", "id");

-- CreateIndex
CREATE INDEX "finding_namespace_resourceName_id_idx" ON "finding"("namespace", "resourceName", "id");

-- CreateIndex
CREATE INDEX "finding_clusterId_resolvedAt_idx" ON "finding"("clusterId", "resolvedAt");

-- AddForeignKey
ALTER TABLE "finding_rollup" ADD CONSTRAINT "finding_rollup_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every scan's opened (after the cluster's first scan) and resolved lifetimes, by severity,
-- from the findings already stored (what writeFindingRollup records for each scan from now on).
INSERT INTO "finding_rollup" ("clusterId", "at", "severity", "opened", "resolved", "resolvedHours")
SELECT "clusterId", "at", "severity", sum("opened")::int, sum("resolved")::int, sum("hours")
FROM (
    SELECT "clusterId", "firstSeenAt" AS "at", "severity", count(*) AS "opened", 0 AS "resolved", 0::float8 AS "hours"
    FROM "finding" WHERE "firstSeq" > 1 GROUP BY 1, 2, 3
    UNION ALL
    SELECT "clusterId", "resolvedAt", "severity", 0, count(*), sum(extract(epoch FROM "resolvedAt" - "firstSeenAt") / 3600)::float8
    FROM "finding" WHERE "resolvedAt" IS NOT NULL GROUP BY 1, 2, 3
) AS t
GROUP BY 1, 2, 3;
