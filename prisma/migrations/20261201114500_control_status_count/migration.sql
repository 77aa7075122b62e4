-- CreateTable
CREATE TABLE "control_status_count" (
    "snapshotId" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attested" BOOLEAN NOT NULL,
    "clusterId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "frameworkVersion" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "control_status_count_pkey" PRIMARY KEY ("snapshotId","frameworkId","status","attested")
);

-- AddForeignKey
ALTER TABLE "control_status_count" ADD CONSTRAINT "control_status_count_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every snapshot's counts from its stored statuses (what lib/db/frameworks/control-counts.ts writes from now on).
INSERT INTO "control_status_count" ("snapshotId", "frameworkId", "status", "attested", "clusterId", "takenAt", "frameworkVersion", "n")
SELECT "snapshotId", "frameworkId", "status", coalesce("attested", false), min("clusterId"), min("takenAt"), min("frameworkVersion"), count(*)::int
FROM "control_status"
GROUP BY "snapshotId", "frameworkId", "status", coalesce("attested", false);
