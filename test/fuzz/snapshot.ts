/**
 * What "a refused mutation wrote nothing" is checked against: a digest of every table of every subgraph's database
 * (one query per database), taken before and after a request.
 */

interface Queryable {
  $queryRawUnsafe<T = unknown>(sql: string): Promise<T>;
}

/** Tables others write in the background whatever the request did (event consumers' copies of profiles). */
const BACKGROUND = new Set(['_prisma_migrations']);

/** One query returning a digest of each table: `SELECT md5(...) AS "User", ...`. */
async function digestQuery(db: Queryable): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const columns = tables
    .map((t) => t.name)
    .filter((name) => !BACKGROUND.has(name))
    .map(
      (name) =>
        `(SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "${name}" t) AS "${name}"`,
    );
  return `SELECT ${columns.join(', ')}`;
}

export interface DatabaseSnapshots {
  take(): Promise<Record<string, unknown>>;
  /**
   * A snapshot once the databases have stopped changing (two in a row alike, 50 ms apart; at most 3 s): after a
   * mutation that succeeded, event consumers keep writing for a moment (notifications copies profiles and schedules
   * from auth's and plants' events), which a later refused mutation must not be blamed for.
   */
  settled(): Promise<Record<string, unknown>>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).every((table) => a[table] === b[table]);

export async function databaseSnapshots(databases: Record<string, Queryable>): Promise<DatabaseSnapshots> {
  const queries = await Promise.all(
    Object.entries(databases).map(async ([name, db]) => ({ name, db, sql: await digestQuery(db) })),
  );
  const take = async () => {
    const out: Record<string, unknown> = {};
    for (const { name, db, sql } of queries) {
      const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
      for (const [table, digest] of Object.entries(row ?? {})) out[`${name}.${table}`] = digest;
    }
    return out;
  };
  return {
    take,
    async settled() {
      let last = await take();
      for (const deadline = Date.now() + 3_000; Date.now() < deadline;) {
        await sleep(50);
        const next = await take();
        if (same(last, next)) return next;
        last = next;
      }
      return last;
    },
  };
}
