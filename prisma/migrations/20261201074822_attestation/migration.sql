-- CreateTable
CREATE TABLE "attestation" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "controlId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "approverId" TEXT,
    "status" "SuppressionStatus" NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attestation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "attestation_clusterId_frameworkId_controlId_idx" ON "attestation"("clusterId", "frameworkId", "controlId");

-- AddForeignKey
ALTER TABLE "attestation" ADD CONSTRAINT "attestation_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
