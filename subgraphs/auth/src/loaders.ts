/** Per-request DataLoaders: every User reference in an `_entities` batch becomes one query. */
import DataLoader from 'dataloader';
import type { User } from '../../../prisma/auth/generated/client.js';
import type { AuthDb } from './db.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Loaders {
  user: DataLoader<string, User | null>;
}

export function createLoaders(db: AuthDb): Loaders {
  return {
    user: new DataLoader(async (ids) => {
      // Malformed ids cannot exist; filtering them keeps Postgres from rejecting the whole batch on a bad uuid.
      const rows = await db.user.findMany({ where: { id: { in: ids.filter((id) => UUID.test(id)) } } });
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
