-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('WATERING_REMINDER', 'FERTILIZING_REMINDER', 'REPOTTING_REMINDER', 'HEALTH_CHECK', 'GROWTH_MILESTONE', 'CARE_TIP', 'SYSTEM');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('SCHEDULED', 'SENT', 'OPENED', 'ACTED', 'DISMISSED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "NotificationSource" AS ENUM ('ENGINE', 'USER', 'TEST');

-- CreateEnum
CREATE TYPE "DeliveryOutcome" AS ENUM ('SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "UserProfile" (
    "userId" UUID NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "hemisphere" TEXT NOT NULL DEFAULT 'NORTHERN',
    "language" TEXT NOT NULL DEFAULT 'en',
    "notificationsEnabled" BOOLEAN NOT NULL DEFAULT true,
    "notifyInApp" BOOLEAN NOT NULL DEFAULT true,
    "changedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "NotificationPreferences" (
    "userId" UUID NOT NULL,
    "quietStart" TEXT,
    "quietEnd" TEXT,
    "digestEnabled" BOOLEAN NOT NULL DEFAULT true,
    "pausedUntil" TIMESTAMP(3),
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreferences_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "TypePreference" (
    "userId" UUID NOT NULL,
    "type" "NotificationType" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "channels" "NotificationChannel"[],
    "preferredHour" INTEGER NOT NULL DEFAULT 9,

    CONSTRAINT "TypePreference_pkey" PRIMARY KEY ("userId","type")
);

-- CreateTable
CREATE TABLE "PlantSchedule" (
    "userPlantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "nickname" TEXT NOT NULL,
    "nextWateringAt" TIMESTAMP(3),
    "changedAt" TIMESTAMP(3) NOT NULL,
    "lastEventId" TEXT NOT NULL,
    "reminderId" UUID,

    CONSTRAINT "PlantSchedule_pkey" PRIMARY KEY ("userPlantId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "type" "NotificationType" NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'SCHEDULED',
    "source" "NotificationSource" NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "body" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 5,
    "channels" "NotificationChannel"[],
    "action" TEXT,
    "userPlantId" UUID,
    "userPlantIds" UUID[],
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "actedAt" TIMESTAMP(3),
    "dismissedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "dispatchAt" TIMESTAMP(3),
    "pendingChannels" "NotificationChannel"[],
    "dispatchRounds" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" UUID NOT NULL,
    "notificationId" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" "DeliveryOutcome" NOT NULL,
    "httpStatus" INTEGER,
    "error" TEXT,
    "instanceId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlantSchedule_userId_idx" ON "PlantSchedule"("userId");

-- CreateIndex
CREATE INDEX "PlantSchedule_reminderId_idx" ON "PlantSchedule"("reminderId");

-- CreateIndex
CREATE INDEX "Notification_userId_scheduledFor_idx" ON "Notification"("userId", "scheduledFor");

-- CreateIndex
CREATE INDEX "Notification_userId_status_idx" ON "Notification"("userId", "status");

-- CreateIndex
CREATE INDEX "Notification_dispatchAt_idx" ON "Notification"("dispatchAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryAttempt_notificationId_channel_attempt_key" ON "DeliveryAttempt"("notificationId", "channel", "attempt");

-- AddForeignKey
ALTER TABLE "PlantSchedule" ADD CONSTRAINT "PlantSchedule_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Notification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
