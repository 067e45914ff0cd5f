/**
 * Who may see and change what. Another user's plant, watering or growth entry behaves exactly like one that does not
 * exist (NOT_FOUND), so ids cannot be probed.
 */
import type { Principal } from '@bloomzy/shared/auth/principal';
import { conflict, notFound } from '@bloomzy/shared/errors';
import type { GrowthEntry, UserPlant, Watering } from '../db/client.js';
import type { PlantsRuntime } from '../runtime.js';
import { isUuid } from './validation.js';

/** Owners read their plants; admins (signed in, not through an API key) read anyone's, e.g. for support. */
export const canRead = (principal: Principal, ownerId: string): boolean =>
  principal.userId === ownerId || (principal.role === 'ADMIN' && principal.kind === 'session');

export const isAdmin = (principal: Principal): boolean => principal.role === 'ADMIN';

/** One of the user's plants (archived included); NOT_FOUND otherwise. Writes are the owner's alone, admins included. */
export async function ownedPlant(runtime: PlantsRuntime, userId: string, id: string): Promise<UserPlant> {
  const plant = isUuid(id) ? await runtime.db.userPlant.findFirst({ where: { id, userId } }) : null;
  if (!plant) throw notFound('Plant');
  return plant;
}

/** Waterings, snoozes and growth are logged on plants in the collection; an archived plant is history. */
export function requireActive(plant: UserPlant, field: string): void {
  if (plant.archivedAt) throw conflict('This plant is archived', field);
}

export async function ownedWatering(
  runtime: PlantsRuntime,
  userId: string,
  id: string,
): Promise<Watering & { userPlant: UserPlant }> {
  const watering = isUuid(id)
    ? await runtime.db.watering.findFirst({ where: { id, userPlant: { userId } }, include: { userPlant: true } })
    : null;
  if (!watering) throw notFound('Watering');
  return watering;
}

export async function ownedGrowthEntry(
  runtime: PlantsRuntime,
  userId: string,
  id: string,
): Promise<GrowthEntry & { userPlant: UserPlant }> {
  const entry = isUuid(id)
    ? await runtime.db.growthEntry.findFirst({ where: { id, userPlant: { userId } }, include: { userPlant: true } })
    : null;
  if (!entry) throw notFound('Growth entry');
  return entry;
}
