/** `User.plants`: a user's collection, newest first, with keyset pagination and the needsWater filter. */
import { badInput } from '@bloomzy/shared/errors';
import { isUuid } from '@bloomzy/shared/ids';
import type { UserPlant } from '../db/client.js';
import { userPlantCount, userPlantPage } from '../db/user-plant-page.js';
import type { PlantsRuntime } from '../runtime.js';
import type { WateringSchedule } from '../schedule/types.js';
import { connectionFrom, cursorDate, decodeCursor, pageSize, type Connection, type CursorKey } from './pagination.js';
import { LOCATION_MAX } from './plant-input.js';
import { MAX_ACTIVE_PLANTS } from './user-plants.js';

export interface PlantListArgs {
  first?: number | null;
  after?: string | null;
  location?: string | null;
  needsWater?: boolean | null;
  includeArchived?: boolean | null;
}

/**
 * What a listing needs from the request it serves: the request's schedules (computed once, so the listed plants'
 * wateringStatus fields reuse them), whether the owner turned each plant's watering off, and where to remember the
 * rows read (so later lookups of them cost nothing).
 */
export interface PlantListRequest {
  schedules(plants: readonly UserPlant[]): Promise<readonly WateringSchedule[]>;
  wateringOff(plants: readonly UserPlant[]): Promise<readonly boolean[]>;
  remember(rows: readonly UserPlant[]): void;
}

const cursorOf = (plant: UserPlant): CursorKey => ({ value: plant.createdAt.toISOString(), id: plant.id });

/** In-memory twin of the page query's cursor rule (uuid order in Postgres is the order of their lower-case hex strings). */
const isAfter = (plant: UserPlant, key: CursorKey, at: Date) =>
  plant.createdAt < at || (plant.createdAt.getTime() === at.getTime() && plant.id < key.id);

/** Rows the needsWater scan reads at most: active plants are capped at MAX_ACTIVE_PLANTS, the rest leaves room for archived ones. */
const SCAN_LIMIT = MAX_ACTIVE_PLANTS * 4;

/**
 * "Needs water" = due today or overdue in the owner's time zone, and watering not turned off by the owner: what a
 * "water these now" list shows. (wateringStatus is still computed for a plant whose watering is off, for information.)
 */
const needsWaterNow = (urgency: string) => urgency === 'OVERDUE' || urgency === 'DUE_TODAY';

export async function listUserPlants(
  runtime: PlantsRuntime,
  request: PlantListRequest,
  userId: string,
  args: PlantListArgs,
): Promise<Connection<UserPlant>> {
  const size = pageSize(args.first);
  const cursor = args.after ? decodeCursor(args.after) : null;
  const cursorAt = cursor ? cursorDate(cursor) : null;
  // Plant ids are uuids: any other id in a cursor is not one of ours (and Postgres would refuse to compare it).
  if (cursor && !isUuid(cursor.id)) throw badInput('after', 'Invalid cursor');
  const location = args.location?.trim();
  if (location && location.length > LOCATION_MAX)
    throw badInput('location', `Must be at most ${LOCATION_MAX} characters`);
  const filter = { userId, includeArchived: Boolean(args.includeArchived), location: location || undefined };
  if (args.needsWater == null) {
    const after = cursor && cursorAt ? { at: cursorAt, id: cursor.id } : undefined;
    const rows = await userPlantPage(runtime.db, { ...filter, after, take: size + 1 });
    request.remember(rows);
    return connectionFrom(rows, size, cursorOf, cursor !== null, () => userPlantCount(runtime.db, filter));
  }

  // The due date depends on the clock and season, so the filter runs on computed schedules: load the collection
  // (bounded by MAX_ACTIVE_PLANTS; archived plants never need water), compute all schedules in one batch, then
  // page in memory with the same keyset rule as the database would.
  const all = await userPlantPage(runtime.db, { ...filter, take: SCAN_LIMIT });
  request.remember(all);
  const active = all.filter((p) => !p.archivedAt);
  const [schedules, off] = await Promise.all([request.schedules(active), request.wateringOff(active)]);
  const due = new Set<string>();
  schedules.forEach((schedule, i) => {
    const plant = active[i];
    if (plant && !off[i] && needsWaterNow(schedule.status.urgency)) due.add(plant.id);
  });
  const matching = all.filter((p) => due.has(p.id) === args.needsWater);
  const rest = cursor && cursorAt ? matching.filter((p) => isAfter(p, cursor, cursorAt)) : matching;
  return connectionFrom(rest.slice(0, size + 1), size, cursorOf, cursor !== null, async () => matching.length);
}
