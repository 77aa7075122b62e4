-- CreateTable
CREATE TABLE "control_status" (
    "id" BIGSERIAL NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "frameworkVersion" TEXT NOT NULL,
    "controlId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "checks" TEXT[],
    "failing" JSONB NOT NULL DEFAULT '[]',
    "failingCount" INTEGER NOT NULL DEFAULT 0,
    "evaluatedCount" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "attested" BOOLEAN,

    CONSTRAINT "control_status_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "control_status_clusterId_frameworkId_takenAt_idx" ON "control_status"("clusterId", "frameworkId", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "control_status_snapshotId_frameworkId_controlId_key" ON "control_status"("snapshotId", "frameworkId", "controlId");

-- AddForeignKey
ALTER TABLE "control_status" ADD CONSTRAINT "control_status_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
