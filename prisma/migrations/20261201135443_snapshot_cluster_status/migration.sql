-- CreateIndex
CREATE INDEX "snapshot_clusterId_status_idx" ON "snapshot"("clusterId", "status");
