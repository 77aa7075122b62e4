-- CreateTable
CREATE TABLE "failing_check" (
    "clusterId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "resources" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,

    CONSTRAINT "failing_check_pkey" PRIMARY KEY ("clusterId","checkId")
);

-- AddForeignKey
ALTER TABLE "failing_check" ADD CONSTRAINT "failing_check_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: each cluster's checks failing now, from its open findings and the accepted risks in force
-- (what writeFailingChecks records at each scan and re-score from now on).
INSERT INTO "failing_check" ("clusterId", "checkId", "snapshotId", "resources", "open")
SELECT f."clusterId", f."checkId",
       coalesce((SELECT s."id" FROM "snapshot" s WHERE s."clusterId" = f."clusterId" AND s."status" IN ('succeeded', 'partial') ORDER BY s."seq" DESC LIMIT 1), ''),
       count(DISTINCT (f."resourceKind", f."namespace", f."resourceName"))::int,
       (count(*) - count(covered."id"))::int
FROM "finding" f
LEFT JOIN (
    SELECT DISTINCT f2."id" FROM "suppression" s JOIN "finding" f2 ON f2."lastSeq" IS NULL
       AND s."clusterId" = f2."clusterId" AND s."checkId" = f2."checkId"
       AND (s."namespace" IS NULL OR s."namespace" = f2."namespace")
       AND (s."resourcePattern" IS NULL OR s."resourcePattern" = f2."resourceKind" || '/' || f2."resourceName")
    WHERE s."status" = 'active' AND s."expiresAt" > now()
) AS covered ON covered."id" = f."id"
WHERE f."lastSeq" IS NULL
GROUP BY f."clusterId", f."checkId";
