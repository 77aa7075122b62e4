-- CreateTable
CREATE TABLE "finding_closed" (
    "findingId" BIGINT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "lastSeq" INTEGER NOT NULL,
    "firstSeq" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "checkId" TEXT NOT NULL,

    CONSTRAINT "finding_closed_pkey" PRIMARY KEY ("findingId")
);

-- Backfill: every closed lifetime, as the scan that closed it writes it (complete-snapshot.ts),
-- in close order, before the index is built.
INSERT INTO "finding_closed" ("findingId", "clusterId", "lastSeq", "firstSeq", "fingerprint", "severity", "checkId")
SELECT id, "clusterId", "lastSeq", "firstSeq", fingerprint, severity, "checkId"
  FROM "finding" WHERE "lastSeq" IS NOT NULL ORDER BY "clusterId", "lastSeq";

-- CreateIndex
CREATE INDEX "finding_closed_clusterId_lastSeq_idx" ON "finding_closed"("clusterId", "lastSeq");

-- AddForeignKey
ALTER TABLE "finding_closed" ADD CONSTRAINT "finding_closed_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Statistics for the planner at once (autovacuum would take its time on millions of new rows).
ANALYZE "finding_closed";
