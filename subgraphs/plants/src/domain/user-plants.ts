/** A user's collection: adding, changing and archiving plants. */
import { conflict, notFound } from '@bloomzy/shared/errors';
import type { AddUserPlantInput, UpdateUserPlantInput } from '../__generated__/resolvers-types.js';
import type { UserPlant } from '../db/client.js';
import { Prisma } from '../db/client.js';
import { ownedPlant } from './access.js';
import { publishCareSchedule } from './care-events.js';
import type { PlantsDeps } from './deps.js';
import { NICKNAME_MAX, nicknameOf, plantFields } from './plant-input.js';
import { SCHEDULE_CHANGED } from './schedule-changed.js';
import { notNull, isUuid } from './validation.js';

/**
 * Listing a collection with `needsWater` computes every plant's schedule in memory (the due date depends on the
 * season and the clock, so it cannot be a stored column); this bound keeps that work small.
 */
export const MAX_ACTIVE_PLANTS = 500;

/** Fields whose change moves the next watering (or, for nickname, what the reminder says). */
const SCHEDULE_FIELDS = [
  'plantId',
  'nickname',
  'potSize',
  'potMaterial',
  'soil',
  'lightExposure',
  'roomTemperatureC',
  'customWateringIntervalDays',
] as const;

async function species(deps: PlantsDeps, id: string) {
  const found = isUuid(id) ? await deps.db.indoorPlant.findUnique({ where: { id } }) : null;
  if (!found) throw notFound('Species');
  return found;
}

export async function addUserPlant(deps: PlantsDeps, userId: string, input: AddUserPlantInput): Promise<UserPlant> {
  const fields = plantFields(input, deps.clock.now());
  const given = nicknameOf(input.nickname);
  const plant = await species(deps, input.plantId);
  const nickname = given ?? (plant.commonNames[0] ?? plant.scientificName).slice(0, NICKNAME_MAX);
  const active = await deps.db.userPlant.count({ where: { userId, archivedAt: null } });
  if (active >= MAX_ACTIVE_PLANTS)
    throw conflict(`A collection holds at most ${MAX_ACTIVE_PLANTS} active plants; archive some first`);
  // A new row starts unpublished (scheduleVersion's default), so the add needs no SCHEDULE_CHANGED.
  const created = await deps.db.userPlant.create({
    data: { ...fields, healthStatus: fields.healthStatus ?? 'HEALTHY', userId, plantId: plant.id, nickname },
  });
  await publishCareSchedule(deps, [created.id], 'ADDED');
  return created;
}

export async function updateUserPlant(
  deps: PlantsDeps,
  userId: string,
  id: string,
  input: UpdateUserPlantInput,
): Promise<UserPlant> {
  const before = await ownedPlant(deps, userId, id);
  const fields = plantFields(input, deps.clock.now());
  const plantId = notNull(input.plantId, 'input.plantId');
  if (plantId !== undefined && plantId !== before.plantId) await species(deps, plantId);
  const nickname = notNull(input.nickname, 'input.nickname');
  const data = { ...fields, plantId, nickname: nicknameOf(nickname) };
  const { updated, moved } = await deps.db.$transaction(async (tx) => {
    // Compared under the row lock: against `before` (read unlocked), a concurrent edit could hide a real change, which
    // would then be neither marked nor published.
    const [current] = await tx.$queryRaw<UserPlant[]>(
      Prisma.sql`SELECT * FROM "UserPlant" WHERE id = ${before.id}::uuid FOR UPDATE`,
    );
    const changed =
      !current?.archivedAt &&
      SCHEDULE_FIELDS.some((field) => data[field] !== undefined && data[field] !== current?.[field]);
    const row = await tx.userPlant.update({
      where: { id: before.id },
      data: { ...data, ...(changed ? SCHEDULE_CHANGED : {}) },
    });
    return { updated: row, moved: changed };
  });
  if (moved) await publishCareSchedule(deps, [updated.id], 'UPDATED');
  return updated;
}

/** Soft delete: the plant leaves the collection and its reminders stop; waterings and journal are kept. Idempotent. */
export async function archiveUserPlant(deps: PlantsDeps, userId: string, id: string): Promise<UserPlant> {
  const plant = await ownedPlant(deps, userId, id);
  if (plant.archivedAt) return plant;
  const archived = await deps.db.userPlant.update({
    where: { id: plant.id },
    data: { archivedAt: deps.clock.now(), ...SCHEDULE_CHANGED },
  });
  await publishCareSchedule(deps, [archived.id], 'ARCHIVED');
  return archived;
}
