/** The growth journal: photos, measurements and observations of a plant over time. */
import { badInput } from '@bloomzy/shared/errors';
import type { RecordGrowthInput, UpdateGrowthEntryInput } from '../__generated__/resolvers-types.js';
import type { GrowthEntry, UserPlant } from '../db/client.js';
import type { PlantsRuntime } from '../runtime.js';
import { ownedGrowthEntry, ownedPlant, requireActive } from './access.js';
import { notNull, optionalHttpUrl, optionalInt, optionalNumber, optionalText, pastOrNow } from './validation.js';

const MAX_SIZE_CM = 1000;
const MAX_LEAF_COUNT = 10_000;
const GROWTH_NOTES_MAX = 2000;

type EntryFields = Pick<GrowthEntry, 'type' | 'heightCm' | 'widthCm' | 'leafCount' | 'photoUrl' | 'notes'>;

/** Each type needs its substance: an entry that says nothing is a mis-tap, not a journal entry. */
export function checkEntryComplete(entry: EntryFields): void {
  if (entry.type === 'PHOTO' && !entry.photoUrl) throw badInput('input.photoUrl', 'A PHOTO entry needs a photoUrl');
  if (entry.type === 'MEASUREMENT' && entry.heightCm == null && entry.widthCm == null && entry.leafCount == null) {
    throw badInput('input.heightCm', 'A MEASUREMENT entry needs a height, width or leaf count');
  }
  if (entry.type === 'OBSERVATION' && !entry.notes) throw badInput('input.notes', 'An OBSERVATION entry needs notes');
}

/** Checked measurement and text fields; undefined = not given, null = clear. */
function entryFields(input: RecordGrowthInput | UpdateGrowthEntryInput) {
  return {
    heightCm: optionalNumber(input.heightCm, 0, MAX_SIZE_CM, 'input.heightCm'),
    widthCm: optionalNumber(input.widthCm, 0, MAX_SIZE_CM, 'input.widthCm'),
    leafCount: optionalInt(input.leafCount, 0, MAX_LEAF_COUNT, 'input.leafCount'),
    photoUrl: optionalHttpUrl(input.photoUrl, 'input.photoUrl'),
    notes: optionalText(input.notes, GROWTH_NOTES_MAX, 'input.notes'),
  };
}

export async function recordGrowth(
  runtime: PlantsRuntime,
  userId: string,
  input: RecordGrowthInput,
): Promise<GrowthEntry> {
  const recordedAt = pastOrNow(input.recordedAt, runtime.clock.now(), 'input.recordedAt');
  const fields = entryFields(input);
  const entry = {
    type: input.type,
    heightCm: fields.heightCm ?? null,
    widthCm: fields.widthCm ?? null,
    leafCount: fields.leafCount ?? null,
    photoUrl: fields.photoUrl ?? null,
    notes: fields.notes ?? null,
  };
  checkEntryComplete(entry);
  const plant = await ownedPlant(runtime, userId, input.userPlantId);
  requireActive(plant, 'input.userPlantId');
  return runtime.db.growthEntry.create({ data: { ...entry, userPlantId: plant.id, recordedAt } });
}

/** Corrections are allowed on archived plants too: the journal is history worth getting right. */
export async function updateGrowthEntry(
  runtime: PlantsRuntime,
  userId: string,
  id: string,
  input: UpdateGrowthEntryInput,
): Promise<GrowthEntry> {
  const recordedAt = notNull(input.recordedAt, 'input.recordedAt');
  const type = notNull(input.type, 'input.type');
  const fields = entryFields(input);
  const checkedAt =
    recordedAt === undefined ? undefined : pastOrNow(recordedAt, runtime.clock.now(), 'input.recordedAt');
  const before = await ownedGrowthEntry(runtime, userId, id);
  const merged: EntryFields = {
    type: type ?? before.type,
    heightCm: fields.heightCm === undefined ? before.heightCm : fields.heightCm,
    widthCm: fields.widthCm === undefined ? before.widthCm : fields.widthCm,
    leafCount: fields.leafCount === undefined ? before.leafCount : fields.leafCount,
    photoUrl: fields.photoUrl === undefined ? before.photoUrl : fields.photoUrl,
    notes: fields.notes === undefined ? before.notes : fields.notes,
  };
  checkEntryComplete(merged);
  return runtime.db.growthEntry.update({ where: { id: before.id }, data: { ...merged, recordedAt: checkedAt } });
}

export async function deleteGrowthEntry(runtime: PlantsRuntime, userId: string, id: string): Promise<UserPlant> {
  const entry = await ownedGrowthEntry(runtime, userId, id);
  await runtime.db.growthEntry.delete({ where: { id: entry.id } });
  return entry.userPlant;
}
