-- CreateTable
CREATE TABLE "control_status_line" (
    "snapshotId" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "controls" TEXT[],
    "statuses" TEXT NOT NULL,

    CONSTRAINT "control_status_line_pkey" PRIMARY KEY ("snapshotId","frameworkId")
);

-- AddForeignKey
ALTER TABLE "control_status_line" ADD CONSTRAINT "control_status_line_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every snapshot's line from its stored statuses, as control-counts.ts writes it.
INSERT INTO "control_status_line" ("snapshotId", "frameworkId", controls, statuses)
SELECT "snapshotId", "frameworkId", array_agg("controlId" ORDER BY position),
       string_agg(CASE status WHEN 'pass' THEN 'p' WHEN 'fail' THEN 'f' WHEN 'not-evaluated' THEN 'n' WHEN 'not-applicable' THEN 'a'
                              WHEN 'manual' THEN CASE WHEN attested THEN 'M' ELSE 'm' END ELSE '?' END, '' ORDER BY position)
  FROM "control_status" GROUP BY "snapshotId", "frameworkId";
