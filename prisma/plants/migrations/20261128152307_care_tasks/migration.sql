-- CreateEnum
CREATE TYPE "CareTask" AS ENUM ('WATER', 'FERTILIZE', 'REPOT', 'MIST', 'PRUNE', 'ROTATE', 'CLEAN_LEAVES');

-- AlterTable
ALTER TABLE "IndoorPlant" ADD COLUMN     "cleanLeavesIntervalDays" INTEGER,
ADD COLUMN     "fertilizeIntervalDays" INTEGER,
ADD COLUMN     "fertilizePausesInDormancy" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "mistIntervalDays" INTEGER,
ADD COLUMN     "pruneIntervalDays" INTEGER,
ADD COLUMN     "repotIntervalMonths" INTEGER,
ADD COLUMN     "rotateIntervalDays" INTEGER;

-- AlterTable
ALTER TABLE "UserPlant" ADD COLUMN     "publishedOtherTasks" JSONB;

-- CreateTable
CREATE TABLE "CareLog" (
    "id" UUID NOT NULL,
    "userPlantId" UUID NOT NULL,
    "task" "CareTask" NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareOverride" (
    "userPlantId" UUID NOT NULL,
    "task" "CareTask" NOT NULL,
    "intervalDays" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareOverride_pkey" PRIMARY KEY ("userPlantId","task")
);

-- CreateTable
CREATE TABLE "SeasonalTip" (
    "tipKey" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "season" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeasonalTip_pkey" PRIMARY KEY ("tipKey")
);

-- CreateIndex
CREATE INDEX "CareLog_userPlantId_doneAt_id_idx" ON "CareLog"("userPlantId", "doneAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CareLog_userPlantId_task_doneAt_idx" ON "CareLog"("userPlantId", "task", "doneAt" DESC);

-- AddForeignKey
ALTER TABLE "CareLog" ADD CONSTRAINT "CareLog_userPlantId_fkey" FOREIGN KEY ("userPlantId") REFERENCES "UserPlant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareOverride" ADD CONSTRAINT "CareOverride_userPlantId_fkey" FOREIGN KEY ("userPlantId") REFERENCES "UserPlant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Care defaults for species seeded before care tasks existed (same values as species.json).
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Monstera deliciosa' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Epipremnum aureum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Dracaena trifasciata' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Zamioculcas zamiifolia' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Chlorophytum comosum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 18, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Spathiphyllum wallisii' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Ficus lyrata' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Ficus elastica' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 60 WHERE "scientificName" = 'Ficus benjamina' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Philodendron hederaceum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Thaumatophyllum bipinnatifidum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = 3, "pruneIntervalDays" = 120, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Goeppertia orbifolia' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = 3, "pruneIntervalDays" = 120, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Goeppertia makoyana' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = 3, "pruneIntervalDays" = 120, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Maranta leuconeura' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Aloe vera' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 60 WHERE "scientificName" = 'Crassula ovata' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Haworthiopsis attenuata' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Echeveria elegans' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = 60 WHERE "scientificName" = 'Schlumbergera truncata' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = 2, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Nephrolepis exaltata' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = 2, "pruneIntervalDays" = 120, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Adiantum raddianum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 48, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Aspidistra elatior' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Aglaonema commutatum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Dieffenbachia seguine' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Dracaena marginata' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Dracaena fragrans' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Chamaedorea elegans' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Chrysalidocarpus lutescens' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Howea forsteriana' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 48, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 60 WHERE "scientificName" = 'Beaucarnea recurvata' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Peperomia obtusifolia' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Peperomia argyreia' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = 7, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Pilea peperomioides' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = 60 WHERE "scientificName" = 'Hoya carnosa' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Tradescantia zebrina' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Streptocarpus ionanthus' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = false, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = 60 WHERE "scientificName" = 'Phalaenopsis amabilis' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = false, "repotIntervalMonths" = 24, "mistIntervalDays" = 3, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Anthurium andraeanum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Strelitzia reginae' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = 3, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Alocasia × amazonica' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Begonia maculata' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Curio rowleyanus' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = 2, "pruneIntervalDays" = 120, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Fittonia albivenis' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Syngonium podophyllum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = 3, "pruneIntervalDays" = 120, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Ctenanthe burle-marxii' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Heptapleurum arboricola' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = 60 WHERE "scientificName" = 'Hedera helix' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Yucca gigantea' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = 3, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Codiaeum variegatum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Opuntia microdasys' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = 120, "rotateIntervalDays" = 14, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Asparagus setaceus' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 14, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 12, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Monstera adansonii' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 21, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 24, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Scindapsus pictus' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = 60, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Ceropegia woodii' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = NULL, "cleanLeavesIntervalDays" = NULL WHERE "scientificName" = 'Sedum morganianum' AND "fertilizeIntervalDays" IS NULL;
UPDATE "IndoorPlant" SET "fertilizeIntervalDays" = 30, "fertilizePausesInDormancy" = true, "repotIntervalMonths" = 36, "mistIntervalDays" = NULL, "pruneIntervalDays" = NULL, "rotateIntervalDays" = 30, "cleanLeavesIntervalDays" = 30 WHERE "scientificName" = 'Rhapis excelsa' AND "fertilizeIntervalDays" IS NULL;
