/**
 * The dashboard benchmark's data, made through the router as a client would: a user with 50 plants (three waterings
 * each) and 20 scheduled notifications about them.
 */
import { gql } from '@bloomzy/shared/testing/graphql-client';
import { waitFor } from '../../../test/e2e/wait-for.js';

const PLANTS = 50;
const NOTIFICATIONS = 20;

/** The dashboard: the user's plants with status and last waterings, and the latest notifications. */
export const DASHBOARD = `{ me { plants(first: 50) { edges { node { nickname plant { commonNames scientificName }
  wateringStatus { urgency dueDate } waterings(first: 3) { edges { node { wateredAt } } } } } } }
  notifications(first: 20) { edges { node { title userPlant { nickname } } } } }`;

/**
 * Its plants part as the router sends it to the plants subgraph: `me` is shared by auth and plants, so the router asks
 * plants for `me { plants }` directly (the same user's, from the same access token).
 */
export const PLANTS_PART = `{ me { plants(first: 50) { edges { node { nickname plant { commonNames scientificName }
  wateringStatus { urgency dueDate } waterings(first: 3) { edges { node { wateredAt } } } } } } } }`;

export interface SeededUser {
  id: string;
  headers: Record<string, string>;
}

interface DashboardData {
  me: { plants: { edges: { node: { waterings: { edges: unknown[] } } }[] } };
  notifications: { edges: unknown[] };
}

async function must<T>(request: Promise<{ data?: T | null; errors?: readonly unknown[] }>): Promise<T> {
  const res = await request;
  if (!res.data || res.errors?.length) throw new Error(`seeding failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

async function seedDashboardUser(routerUrl: string): Promise<SeededUser> {
  const email = `bench-${Math.random().toString(36).slice(2, 10)}@bloomzy.test`;
  const signup = await must(
    gql<{ signup: { accessToken: string; user: { id: string } } }>(
      routerUrl,
      'mutation($input: SignupInput!) { signup(input: $input) { accessToken user { id } } }',
      { input: { email, password: 'green-thumb-1' } },
    ),
  );
  const headers = { authorization: `Bearer ${signup.signup.accessToken}` };
  const q = <T>(query: string, variables: Record<string, unknown>) =>
    must(gql<T>(routerUrl, query, variables, headers));
  const catalog = await q<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
    '{ indoorPlants(first: 50) { edges { node { id } } } }',
    {},
  );
  const species = catalog.indoorPlants.edges.map((e) => e.node.id);
  const ids: string[] = [];
  for (let i = 0; i < PLANTS; i++) {
    const added = await q<{ addUserPlant: { id: string } }>(
      'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
      {
        input: {
          plantId: species[i % species.length],
          nickname: `Plant ${i}`,
          location: i % 2 ? 'Kitchen' : 'Bedroom',
        },
      },
    );
    ids.push(added.addUserPlant.id);
  }
  for (let day = 3; day >= 1; day--) {
    const at = new Date(Date.now() - day * 86_400_000).toISOString();
    await q('mutation($ids: [ID!]!, $at: DateTime) { waterPlants(userPlantIds: $ids, wateredAt: $at) { id } }', {
      ids,
      at,
    });
  }
  // The default inbox lists what has fallen due (a reminder still in the future is not in it), so each tip falls due
  // soon after it is scheduled (10 s: npm start, loaded by the other users' seeding, took over 3 s to answer one) and
  // the seed waits until the dashboard lists all of them.
  for (let i = 0; i < NOTIFICATIONS; i++) {
    const soon = new Date(Date.now() + 10_000).toISOString();
    await q('mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }', {
      input: { type: 'CARE_TIP', title: `Tip ${i}`, body: 'Mist the fern', scheduledFor: soon, userPlantId: ids[i] },
    });
  }
  const check = await waitFor(async () => {
    const dashboard = await q<DashboardData>(DASHBOARD, {});
    return dashboard.notifications.edges.length === NOTIFICATIONS ? dashboard : undefined;
  }, 60_000).catch(() => {
    throw new Error(`the dashboard does not show ${NOTIFICATIONS} notifications`);
  });
  const plants = check.me.plants.edges;
  if (plants.length !== PLANTS || plants.some((e) => e.node.waterings.edges.length !== 3))
    throw new Error('the dashboard does not show 50 plants with 3 waterings each');
  return { id: signup.signup.user.id, headers };
}

/** `count` users seeded as above, `concurrency` at a time. */
export async function seedDashboardUsers(routerUrl: string, count: number, concurrency = 8): Promise<SeededUser[]> {
  const users: SeededUser[] = [];
  for (let i = 0; i < count; i += concurrency) {
    const wave = Math.min(concurrency, count - i);
    users.push(...(await Promise.all(Array.from({ length: wave }, () => seedDashboardUser(routerUrl)))));
  }
  return users;
}
