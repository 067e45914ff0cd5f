/** The species catalog: public search and lookup, admin-only changes. */
import { badInput, conflict, notFound } from '@bloomzy/shared/errors';
import type {
  CreateIndoorPlantInput,
  IndoorPlantFilter,
  UpdateIndoorPlantInput,
} from '../__generated__/resolvers-types.js';
import type { IndoorPlant } from '../db/client.js';
import { Prisma } from '../db/client.js';
import { escapeLike } from '../db/escape-like.js';
import type { PlantsRuntime } from '../runtime.js';
import { connectionFrom, decodeCursor, pageSize, type Connection, type CursorKey } from './pagination.js';
import { checkTemperatures, searchTextOf, speciesCareFields, speciesFields } from './species-input.js';
import { isUuid } from './validation.js';

const cursorOf = (plant: IndoorPlant): CursorKey => ({ value: plant.scientificName, id: plant.id });

function filterWhere(filter: IndoorPlantFilter | null | undefined): Prisma.IndoorPlantWhereInput {
  const text = filter?.text?.trim().toLowerCase();
  if (text && text.length > 100) throw badInput('filter.text', 'Must be at most 100 characters');
  const family = filter?.family?.trim();
  return {
    ...(text ? { searchText: { contains: escapeLike(text) } } : {}),
    ...(filter?.difficulty ? { difficulty: filter.difficulty } : {}),
    ...(family ? { family: { equals: escapeLike(family), mode: 'insensitive' } } : {}),
    ...(filter?.light ? { lightNeed: filter.light } : {}),
    ...(filter?.petSafe != null ? { toxicToPets: !filter.petSafe } : {}),
  };
}

/** Species by scientific name (then id, for a total order), keyset-paginated. */
export async function listIndoorPlants(
  runtime: PlantsRuntime,
  args: { filter?: IndoorPlantFilter | null; first?: number | null; after?: string | null },
): Promise<Connection<IndoorPlant>> {
  const size = pageSize(args.first);
  const where = filterWhere(args.filter);
  const cursor = args.after ? decodeCursor(args.after) : null;
  const page: Prisma.IndoorPlantWhereInput = cursor
    ? {
        AND: [
          where,
          { OR: [{ scientificName: { gt: cursor.value } }, { scientificName: cursor.value, id: { gt: cursor.id } }] },
        ],
      }
    : where;
  const rows = await runtime.db.indoorPlant.findMany({
    where: page,
    orderBy: [{ scientificName: 'asc' }, { id: 'asc' }],
    take: size + 1,
  });
  return connectionFrom(rows, size, cursorOf, cursor !== null, () => runtime.db.indoorPlant.count({ where }));
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
const isForeignKeyViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';
const duplicateName = () =>
  conflict('A species with this scientific name is already in the catalog', 'input.scientificName');

/** Names are compared case-insensitively: "monstera deliciosa" is the same species as "Monstera deliciosa". */
async function assertNameFree(runtime: PlantsRuntime, scientificName: string, exceptId?: string): Promise<void> {
  const clash = await runtime.db.indoorPlant.findFirst({
    where: {
      scientificName: { equals: escapeLike(scientificName), mode: 'insensitive' },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw duplicateName();
}

async function existing(runtime: PlantsRuntime, id: string): Promise<IndoorPlant> {
  const plant = isUuid(id) ? await runtime.db.indoorPlant.findUnique({ where: { id } }) : null;
  if (!plant) throw notFound('Species');
  return plant;
}

export async function createIndoorPlant(runtime: PlantsRuntime, input: CreateIndoorPlantInput): Promise<IndoorPlant> {
  const data = complete(speciesFields(input));
  checkTemperatures(data.minTemperatureC, data.maxTemperatureC);
  await assertNameFree(runtime, data.scientificName);
  try {
    return await runtime.db.indoorPlant.create({
      data: { ...data, ...speciesCareFields(input), searchText: searchTextOf(data.scientificName, data.commonNames) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(); // a concurrent create won the race
    throw error;
  }
}

export async function updateIndoorPlant(
  runtime: PlantsRuntime,
  id: string,
  input: UpdateIndoorPlantInput,
): Promise<IndoorPlant> {
  const fields = speciesFields(input);
  const before = await existing(runtime, id);
  const after = { ...before, ...stripUndefined(fields) };
  checkTemperatures(after.minTemperatureC, after.maxTemperatureC);
  if (fields.scientificName !== undefined) await assertNameFree(runtime, fields.scientificName, before.id);
  try {
    return await runtime.db.indoorPlant.update({
      where: { id: before.id },
      data: {
        ...fields,
        ...speciesCareFields(input),
        searchText: searchTextOf(after.scientificName, after.commonNames),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

/** Refused while any collection holds the species (archived plants too: their history names it). */
export async function deleteIndoorPlant(runtime: PlantsRuntime, id: string): Promise<string> {
  const plant = await existing(runtime, id);
  const grown = await runtime.db.userPlant.count({ where: { plantId: plant.id } });
  if (grown > 0)
    throw conflict(`This species is in ${grown} user collection${grown === 1 ? '' : 's'} and cannot be deleted`);
  try {
    await runtime.db.indoorPlant.delete({ where: { id: plant.id } });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict('This species is in a user collection and cannot be deleted');
    throw error;
  }
  return plant.id;
}

/** The create input's fields are all required by the SDL; this makes that a checked fact for the types too. */
function complete<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  for (const [field, value] of Object.entries(fields))
    if (value === undefined) throw badInput(`input.${field}`, 'Is required');
  return fields as { [K in keyof T]: Exclude<T[K], undefined> };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
