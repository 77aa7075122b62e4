-- AlterTable
ALTER TABLE "suppression" ADD COLUMN     "editorId" TEXT;
