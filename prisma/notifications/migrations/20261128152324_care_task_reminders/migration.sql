-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationType" ADD VALUE 'MISTING_REMINDER';
ALTER TYPE "NotificationType" ADD VALUE 'PRUNING_REMINDER';
ALTER TYPE "NotificationType" ADD VALUE 'ROTATING_REMINDER';
ALTER TYPE "NotificationType" ADD VALUE 'LEAF_CLEANING_REMINDER';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "careItems" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "dedupeKey" TEXT;

-- CreateTable
CREATE TABLE "PlantTaskSchedule" (
    "userPlantId" UUID NOT NULL,
    "task" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "reminderId" UUID,

    CONSTRAINT "PlantTaskSchedule_pkey" PRIMARY KEY ("userPlantId","task")
);

-- CreateIndex
CREATE INDEX "PlantTaskSchedule_userId_idx" ON "PlantTaskSchedule"("userId");

-- CreateIndex
CREATE INDEX "PlantTaskSchedule_reminderId_idx" ON "PlantTaskSchedule"("reminderId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- AddForeignKey
ALTER TABLE "PlantTaskSchedule" ADD CONSTRAINT "PlantTaskSchedule_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Notification"("id") ON DELETE SET NULL ON UPDATE CASCADE;
