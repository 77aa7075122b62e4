-- AlterTable
ALTER TABLE "failing_check" ADD COLUMN     "critical" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "high" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "low" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "medium" INTEGER NOT NULL DEFAULT 0;

-- Backfill: each failing check's open findings per severity (what writeFailingChecks records at
-- each scan and re-score from now on).
UPDATE "failing_check" fc
   SET "critical" = t."critical", "high" = t."high", "medium" = t."medium", "low" = t."low"
  FROM (SELECT "clusterId", "checkId",
               count(*) FILTER (WHERE "severity" = 'critical')::int AS "critical",
               count(*) FILTER (WHERE "severity" = 'high')::int AS "high",
               count(*) FILTER (WHERE "severity" = 'medium')::int AS "medium",
               count(*) FILTER (WHERE "severity" = 'low')::int AS "low"
          FROM "finding" WHERE "lastSeq" IS NULL GROUP BY "clusterId", "checkId") t
 WHERE fc."clusterId" = t."clusterId" AND fc."checkId" = t."checkId";
