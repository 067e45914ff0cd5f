-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Difficulty" AS ENUM ('EASY', 'MODERATE', 'HARD');

-- CreateEnum
CREATE TYPE "LightExposure" AS ENUM ('LOW', 'MEDIUM', 'BRIGHT_INDIRECT', 'DIRECT');

-- CreateEnum
CREATE TYPE "HumidityNeed" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "GrowthRate" AS ENUM ('SLOW', 'MODERATE', 'FAST');

-- CreateEnum
CREATE TYPE "PotSize" AS ENUM ('SMALL', 'MEDIUM', 'LARGE', 'XLARGE');

-- CreateEnum
CREATE TYPE "PotMaterial" AS ENUM ('TERRACOTTA', 'PLASTIC', 'CERAMIC_GLAZED', 'METAL', 'GLASS', 'FABRIC', 'OTHER');

-- CreateEnum
CREATE TYPE "SoilType" AS ENUM ('STANDARD', 'CACTUS_MIX', 'AROID_MIX', 'ORCHID_BARK', 'MOISTURE_RETENTIVE', 'OTHER');

-- CreateEnum
CREATE TYPE "HealthStatus" AS ENUM ('THRIVING', 'HEALTHY', 'STRUGGLING', 'SICK', 'DORMANT');

-- CreateEnum
CREATE TYPE "WaterType" AS ENUM ('TAP', 'FILTERED', 'RAIN', 'DISTILLED', 'FERTILIZED', 'OTHER');

-- CreateEnum
CREATE TYPE "GrowthEntryType" AS ENUM ('PHOTO', 'MEASUREMENT', 'OBSERVATION');

-- CreateTable
CREATE TABLE "UserProfile" (
    "userId" UUID NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "hemisphere" TEXT NOT NULL DEFAULT 'NORTHERN',
    "language" TEXT NOT NULL DEFAULT 'en',
    "changedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "IndoorPlant" (
    "id" UUID NOT NULL,
    "scientificName" TEXT NOT NULL,
    "commonNames" TEXT[],
    "searchText" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "difficulty" "Difficulty" NOT NULL,
    "baseWateringIntervalDays" INTEGER NOT NULL,
    "lightNeed" "LightExposure" NOT NULL,
    "humidityNeed" "HumidityNeed" NOT NULL,
    "minTemperatureC" DOUBLE PRECISION NOT NULL,
    "maxTemperatureC" DOUBLE PRECISION NOT NULL,
    "soil" TEXT NOT NULL,
    "adultSize" TEXT NOT NULL,
    "growthRate" "GrowthRate" NOT NULL,
    "toxicToPets" BOOLEAN NOT NULL,
    "toxicToHumans" BOOLEAN NOT NULL,
    "airPurifying" BOOLEAN NOT NULL,
    "flowering" BOOLEAN NOT NULL,
    "careNotes" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndoorPlant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeededSpecies" (
    "scientificName" TEXT NOT NULL,
    "seededAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeededSpecies_pkey" PRIMARY KEY ("scientificName")
);

-- CreateTable
CREATE TABLE "UserPlant" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "plantId" UUID NOT NULL,
    "nickname" TEXT NOT NULL,
    "location" TEXT,
    "acquiredOn" TIMESTAMP(3),
    "potSize" "PotSize",
    "potMaterial" "PotMaterial",
    "soil" "SoilType",
    "lightExposure" "LightExposure",
    "roomTemperatureC" DOUBLE PRECISION,
    "healthStatus" "HealthStatus" NOT NULL DEFAULT 'HEALTHY',
    "notes" TEXT,
    "photoUrl" TEXT,
    "customWateringIntervalDays" INTEGER,
    "snoozedUntil" TIMESTAMP(3),
    "snoozedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "scheduleEventAt" TIMESTAMP(3),
    "scheduleVersion" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER NOT NULL DEFAULT 0,
    "publishedNextWateringAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "scheduleLeaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserPlant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Watering" (
    "id" UUID NOT NULL,
    "userPlantId" UUID NOT NULL,
    "wateredAt" TIMESTAMP(3) NOT NULL,
    "amountMl" INTEGER,
    "waterType" "WaterType",
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watering_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrowthEntry" (
    "id" UUID NOT NULL,
    "userPlantId" UUID NOT NULL,
    "type" "GrowthEntryType" NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "heightCm" DOUBLE PRECISION,
    "widthCm" DOUBLE PRECISION,
    "leafCount" INTEGER,
    "photoUrl" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GrowthEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndoorPlant_scientificName_key" ON "IndoorPlant"("scientificName");

-- CreateIndex
CREATE INDEX "IndoorPlant_family_idx" ON "IndoorPlant"("family");

-- CreateIndex
CREATE INDEX "UserPlant_userId_archivedAt_createdAt_idx" ON "UserPlant"("userId", "archivedAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "UserPlant_plantId_idx" ON "UserPlant"("plantId");

-- CreateIndex
CREATE INDEX "Watering_userPlantId_wateredAt_id_idx" ON "Watering"("userPlantId", "wateredAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "GrowthEntry_userPlantId_recordedAt_id_idx" ON "GrowthEntry"("userPlantId", "recordedAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "UserPlant" ADD CONSTRAINT "UserPlant_plantId_fkey" FOREIGN KEY ("plantId") REFERENCES "IndoorPlant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watering" ADD CONSTRAINT "Watering_userPlantId_fkey" FOREIGN KEY ("userPlantId") REFERENCES "UserPlant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrowthEntry" ADD CONSTRAINT "GrowthEntry_userPlantId_fkey" FOREIGN KEY ("userPlantId") REFERENCES "UserPlant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
