/** GraphQL operations and small domain-level helpers shared by the plants integration tests. */
import { ok, type TestUser } from './harness.js';

const PLANT = `id nickname location archivedAt customWateringIntervalDays lastWateredAt nextWateringAt
  plant { id scientificName }
  wateringStatus { dueDate daysUntilDue urgency intervalDays source season timeZone snoozedUntil computedIntervalDays
    factors { name factor } rhythm { averageIntervalDays intervalsUsed } }`;

export const CATALOG = `query($filter: IndoorPlantFilter, $first: Int, $after: String) {
  indoorPlants(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id scientificName commonNames family difficulty lightNeed toxicToPets } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
export const CREATE_SPECIES = `mutation($input: CreateIndoorPlantInput!) { createIndoorPlant(input: $input) { id scientificName commonNames } }`;
export const UPDATE_SPECIES = `mutation($id: ID!, $input: UpdateIndoorPlantInput!) { updateIndoorPlant(id: $id, input: $input) { id scientificName commonNames baseWateringIntervalDays } }`;
export const DELETE_SPECIES = `mutation($id: ID!) { deleteIndoorPlant(id: $id) }`;

export const ADD = `mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { ${PLANT} } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateUserPlantInput!) { updateUserPlant(id: $id, input: $input) { ${PLANT} } }`;
export const ARCHIVE = `mutation($id: ID!) { archiveUserPlant(id: $id) { ${PLANT} } }`;
export const GET = `query($id: ID!) { userPlant(id: $id) { ${PLANT} } }`;
export const WATER = `mutation($input: WaterPlantInput!) { waterPlant(input: $input) { id wateredAt amountMl userPlant { ${PLANT} } } }`;
export const WATER_MANY = `mutation($ids: [ID!]!, $at: DateTime) { waterPlants(userPlantIds: $ids, wateredAt: $at) { id wateredAt userPlant { id nextWateringAt } } }`;
export const SNOOZE = `mutation($id: ID!, $days: Int!) { snoozeWatering(userPlantId: $id, days: $days) { ${PLANT} } }`;
export const UPDATE_WATERING = `mutation($id: ID!, $input: UpdateWateringInput!) { updateWatering(id: $id, input: $input) { id wateredAt amountMl userPlant { nextWateringAt } } }`;
export const DELETE_WATERING = `mutation($id: ID!) { deleteWatering(id: $id) { ${PLANT} } }`;
export const WATERINGS = `query($id: ID!, $first: Int, $after: String) { userPlant(id: $id) {
  waterings(first: $first, after: $after) { edges { cursor node { id wateredAt } } pageInfo { hasNextPage endCursor } } } }`;

export const RECORD = `mutation($input: RecordGrowthInput!) { recordGrowth(input: $input) { id type recordedAt heightCm leafCount photoUrl notes } }`;
export const UPDATE_GROWTH = `mutation($id: ID!, $input: UpdateGrowthEntryInput!) { updateGrowthEntry(id: $id, input: $input) { id type heightCm notes } }`;
export const DELETE_GROWTH = `mutation($id: ID!) { deleteGrowthEntry(id: $id) { id } }`;
export const JOURNAL = `query($id: ID!, $first: Int, $after: String, $type: GrowthEntryType, $from: DateTime, $to: DateTime) {
  userPlant(id: $id) {
    growthEntries(first: $first, after: $after, type: $type, from: $from, to: $to) {
      edges { node { id type recordedAt heightCm } } pageInfo { hasNextPage endCursor }
    }
    growthSummary { entryCount firstRecordedAt lastRecordedAt
      height { measurements first last change perMonth firstRecordedAt lastRecordedAt } leafCount { first last change } width { first } }
  }
}`;

/** `User.plants` as the router asks for it (`me { plants }` reaches this subgraph as an `_entities` call). */
export const USER_PLANTS = `query($user: _Any!, $first: Int, $after: String, $location: String, $needsWater: Boolean, $includeArchived: Boolean) {
  _entities(representations: [$user]) { ... on User {
    plants(first: $first, after: $after, location: $location, needsWater: $needsWater, includeArchived: $includeArchived) {
      totalCount edges { node { id nickname location archivedAt wateringStatus { urgency } } } pageInfo { hasNextPage endCursor }
    }
  } }
}`;

export interface PlantView {
  id: string;
  nickname: string;
  location: string | null;
  archivedAt: string | null;
  customWateringIntervalDays: number | null;
  lastWateredAt: string | null;
  nextWateringAt: string | null;
  plant: { id: string; scientificName: string };
  wateringStatus: {
    dueDate: string;
    daysUntilDue: number;
    urgency: string;
    intervalDays: number;
    source: string;
    season: string;
    timeZone: string;
    snoozedUntil: string | null;
    computedIntervalDays: number;
    factors: { name: string; factor: number }[];
    rhythm: { averageIntervalDays: number; intervalsUsed: number } | null;
  } | null;
}

/** The id of a seeded species. */
export async function speciesId(user: TestUser, scientificName: string): Promise<string> {
  const data = ok(
    await user.gql<{ indoorPlants: { edges: { node: { id: string; scientificName: string } }[] } }>(CATALOG, {
      filter: { text: scientificName },
    }),
  );
  const found = data.indoorPlants.edges.find((e) => e.node.scientificName === scientificName);
  if (!found) throw new Error(`species ${scientificName} is not seeded`);
  return found.node.id;
}

/** Adds a plant of `scientificName` (a snake plant by default: base interval 14 days) to `user`'s collection. */
export async function addPlant(
  user: TestUser,
  input: Record<string, unknown> = {},
  scientificName = 'Dracaena trifasciata',
): Promise<PlantView> {
  const plantId = await speciesId(user, scientificName);
  return ok(await user.gql<{ addUserPlant: PlantView }>(ADD, { input: { plantId, ...input } })).addUserPlant;
}

export async function water(user: TestUser, userPlantId: string, extra: Record<string, unknown> = {}) {
  return ok(
    await user.gql<{ waterPlant: { id: string; wateredAt: string; userPlant: PlantView } }>(WATER, {
      input: { userPlantId, ...extra },
    }),
  ).waterPlant;
}

export async function getPlant(user: TestUser, id: string): Promise<PlantView | null> {
  return ok(await user.gql<{ userPlant: PlantView | null }>(GET, { id })).userPlant;
}
