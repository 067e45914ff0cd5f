/**
 * Start-up seeding of the species catalog. Idempotent and safe to run on every start, by several instances at once:
 * only species whose scientific name was never seeded before are inserted (ON CONFLICT DO NOTHING on both tables),
 * so admins' edits, renames and deletions of seeded species survive restarts.
 */
import type { PlantsDb } from '../db/client.js';
import { searchTextOf } from '../domain/species-input.js';
import { SPECIES_SEED, type SpeciesSeed } from './species-seed.js';

const toRow = (s: SpeciesSeed) => ({
  ...s,
  commonNames: [...s.commonNames],
  searchText: searchTextOf(s.scientificName, s.commonNames),
});

/** Inserts the seed species never seeded before; returns how many species were inserted. */
export async function seedCatalog(db: PlantsDb, seed: readonly SpeciesSeed[] = SPECIES_SEED): Promise<number> {
  const seeded = new Set(
    (await db.seededSpecies.findMany({ select: { scientificName: true } })).map((s) => s.scientificName),
  );
  const missing = seed.filter((s) => !seeded.has(s.scientificName));
  if (missing.length === 0) return 0;
  const [inserted] = await db.$transaction([
    // skipDuplicates: a species an admin created under the same name before the seed ran is theirs; keep it.
    db.indoorPlant.createMany({ data: missing.map(toRow), skipDuplicates: true }),
    db.seededSpecies.createMany({
      data: missing.map((s) => ({ scientificName: s.scientificName })),
      skipDuplicates: true,
    }),
  ]);
  return inserted.count;
}
