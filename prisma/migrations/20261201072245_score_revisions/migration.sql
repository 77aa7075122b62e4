-- AlterTable
ALTER TABLE "snapshot" ADD COLUMN     "checks" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "layer_score" ADD COLUMN     "cause" TEXT,
ADD COLUMN     "current" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;
