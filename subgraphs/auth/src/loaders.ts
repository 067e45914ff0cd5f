/** Per-request DataLoaders over db/: every User reference in an `_entities` batch becomes one query. */
import DataLoader from 'dataloader';
import type { AuthDb, User } from './db/client.js';
import { findUsersByIds } from './db/users.js';

export interface Loaders {
  user: DataLoader<string, User | null>;
}

export function createLoaders(db: AuthDb): Loaders {
  return {
    user: new DataLoader(async (ids) => {
      const rows = await findUsersByIds(db, ids);
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
