-- AlterTable
ALTER TABLE "snapshot" ADD COLUMN     "findingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trigger" TEXT NOT NULL DEFAULT 'schedule';

-- AlterTable
ALTER TABLE "finding" ALTER COLUMN "lastSeq" DROP NOT NULL,
ALTER COLUMN "lastSeenAt" DROP NOT NULL;
