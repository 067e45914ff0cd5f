/** Per-request DataLoaders: every User reference in an `_entities` batch becomes one query. */
import DataLoader from 'dataloader';
import { isUuid } from '@bloomzy/shared/ids';
import type { User, AuthDb } from './db/client.js';

export interface Loaders {
  user: DataLoader<string, User | null>;
}

export function createLoaders(db: AuthDb): Loaders {
  return {
    user: new DataLoader(async (ids) => {
      // Malformed ids cannot exist; filtering them keeps Postgres from rejecting the whole batch on a bad uuid.
      const rows = await db.user.findMany({ where: { id: { in: ids.filter(isUuid) } } });
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
