-- AlterTable
ALTER TABLE "snapshot" ADD COLUMN     "seenCount" INTEGER;

-- Backfill: the lifetimes each completed snapshot saw, from one pass over the lifetimes rather than
-- a count per snapshot: a lifetime counts from its firstSeq through its lastSeq (open: through now),
-- so per cluster the running sum of +1 at firstSeq and -1 after lastSeq is the count at each seq.
WITH d AS (
  SELECT "clusterId", "firstSeq" AS seq, count(*)::int AS n FROM "finding" GROUP BY 1, 2
  UNION ALL
  SELECT "clusterId", "lastSeq" + 1, -count(*)::int FROM "finding" WHERE "lastSeq" IS NOT NULL GROUP BY 1, 2
  UNION ALL
  SELECT "clusterId", seq, 0 FROM "snapshot"),
per AS (SELECT "clusterId", seq, sum(n) AS n FROM d GROUP BY 1, 2),
cum AS (SELECT "clusterId", seq, sum(n) OVER (PARTITION BY "clusterId" ORDER BY seq) AS seen FROM per)
UPDATE "snapshot" s SET "seenCount" = cum.seen
  FROM cum WHERE cum."clusterId" = s."clusterId" AND cum.seq = s.seq AND s.status IN ('succeeded', 'partial');
