-- AlterTable
ALTER TABLE "snapshot" ADD COLUMN     "notEvaluated" JSONB NOT NULL DEFAULT '[]';
