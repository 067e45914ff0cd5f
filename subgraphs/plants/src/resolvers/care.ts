/** Resolvers of care tasks: the care log, the care schedule and settings of a plant, and the user's agenda. */
import { badInput, forbidden } from '@bloomzy/shared/errors';
import type {
  CareLogConnectionResolvers,
  CareLogResolvers,
  UserPlantResolvers,
  UserResolvers,
} from '../__generated__/resolvers-types.js';
import { buildCareAgenda } from '../care/agenda.js';
import type { Context } from '../context.js';
import { canRead } from '../domain/access.js';
import { connectionFrom, cursorDate, decodeCursor, pageSize } from '../domain/pagination.js';
import { MAX_ACTIVE_PLANTS } from '../domain/user-plants.js';

const MAX_AGENDA_DAYS = 31;

/** UserPlant's care fields (spread into the UserPlant resolvers). */
export const userPlantCare: Pick<UserPlantResolvers, 'careLog' | 'careSchedule' | 'careSettings'> = {
  async careLog(plant, { task, first, after }, ctx) {
    const size = pageSize(first);
    const key = after ? decodeCursor(after) : null;
    const cursor = key ? { at: cursorDate(key), id: key.id } : null;
    const rows = await ctx.loaders.care.log.load({ userPlantId: plant.id, limit: size + 1, after: cursor, task });
    return connectionFrom(
      rows,
      size,
      (row) => ({ value: row.doneAt.toISOString(), id: row.id }),
      cursor !== null,
      () => ctx.loaders.care.logCount.load({ userPlantId: plant.id, task }),
    );
  },
  careSchedule: (plant, _a, ctx) => ctx.loaders.care.schedule.load(plant),
  careSettings: (plant, _a, ctx) => ctx.loaders.care.overrides.load(plant.id),
};

export const CareLog: CareLogResolvers = {
  async userPlant(entry, _a, ctx) {
    const plant = await ctx.loaders.userPlant.load(entry.userPlantId);
    // The foreign key keeps the plant while its log exists.
    if (!plant) throw new Error(`Plant ${entry.userPlantId} of a care log entry is missing`);
    return plant;
  },
};

export const CareLogConnection: CareLogConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};

async function careAgenda(userId: string, days: number | null | undefined, ctx: Context) {
  const span = days ?? 7;
  if (!Number.isInteger(span) || span < 1 || span > MAX_AGENDA_DAYS) {
    throw badInput('days', `Must be 1–${MAX_AGENDA_DAYS}`);
  }
  const now = ctx.runtime.clock.now();
  const plants = await ctx.runtime.db.userPlant.findMany({
    where: { userId, archivedAt: null },
    orderBy: { createdAt: 'desc' },
    take: MAX_ACTIVE_PLANTS,
  });
  plants.forEach((plant) => ctx.loaders.userPlant.prime(plant.id, plant));
  const [statuses, profile] = await Promise.all([
    // Loaded in one tick, so every plant joins one batch.
    Promise.all(plants.map((plant) => ctx.loaders.care.schedule.load(plant))),
    ctx.loaders.profile.load(userId),
  ]);
  return buildCareAgenda(
    plants.map((plant, i) => ({ plant, statuses: statuses[i] ?? [] })),
    now,
    profile.timezone,
    span,
  );
}

/** User's care field (spread into the User resolvers). */
export const userCare: Pick<UserResolvers, 'careAgenda'> = {
  async careAgenda(user, { days }, ctx) {
    const principal = await ctx.auth.require('plants:read');
    if (!canRead(principal, user.id)) throw forbidden("Only the owner and admins can see a user's care agenda");
    return careAgenda(user.id, days, ctx);
  },
};
