/** What the fuzz suite's requests refer to: a signed-up user with a plant, a watering, a growth entry, a notification. */
import { signupUser, type Stack } from '../e2e/harness.js';

async function must<T>(
  stack: Stack,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) {
  const res = await stack.query<T>(query, variables, headers);
  if (!res.data) throw new Error(`fixture failed: ${query}: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export interface Fixtures {
  headers: Record<string, string>;
  /** Every id the fixtures created, and the user's. */
  ids: string[];
}

export async function createFixtures(stack: Stack): Promise<Fixtures> {
  const user = await signupUser(stack);
  const { headers } = user;
  const catalog = await must<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
    stack,
    '{ indoorPlants(first: 2) { edges { node { id } } } }',
    {},
    headers,
  );
  const species = catalog.indoorPlants.edges.map((edge) => edge.node.id);
  const { addUserPlant } = await must<{ addUserPlant: { id: string } }>(
    stack,
    'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
    { input: { plantId: species[0], nickname: 'Fuzzy' } },
    headers,
  );
  const userPlantId = addUserPlant.id;
  const { waterPlant } = await must<{ waterPlant: { id: string } }>(
    stack,
    'mutation($input: WaterPlantInput!) { waterPlant(input: $input) { id } }',
    { input: { userPlantId } },
    headers,
  );
  const { recordGrowth } = await must<{ recordGrowth: { id: string } }>(
    stack,
    'mutation($input: RecordGrowthInput!) { recordGrowth(input: $input) { id } }',
    { input: { userPlantId, type: 'OBSERVATION', notes: 'new leaf' } },
    headers,
  );
  const { scheduleNotification } = await must<{ scheduleNotification: { id: string } }>(
    stack,
    'mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }',
    {
      input: {
        type: 'CARE_TIP',
        title: 'Check the soil',
        body: 'Is it dry?',
        scheduledFor: new Date(Date.now() + 86_400_000).toISOString(),
      },
    },
    headers,
  );
  const { createApiKey } = await must<{ createApiKey: { apiKey: { id: string } } }>(
    stack,
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }',
    { input: { name: 'fuzz', scopes: ['PLANTS_READ'] } },
    headers,
  );
  return {
    headers,
    ids: [
      user.user.id,
      ...species,
      userPlantId,
      waterPlant.id,
      recordGrowth.id,
      scheduleNotification.id,
      createApiKey.apiKey.id,
    ],
  };
}
