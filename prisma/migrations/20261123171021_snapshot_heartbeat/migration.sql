-- AlterTable
ALTER TABLE "snapshot" ADD COLUMN     "heartbeatAt" TIMESTAMP(3);
