/**
 * Issue 12 end to end, as a client of the router: a new plant has a care schedule for its species' tasks, recording
 * care moves it and shows in the plant's care log next to waterings, and the agenda (`me { careAgenda }`, joined from
 * auth's User) groups what is due by room.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signupUser, startStack, type Stack } from './harness.js';

const DAY = 86_400_000;
const SCHEDULE = 'careSchedule { task intervalDays dueDate urgency paused factors { name reason } }';

describe('care tasks through the router', () => {
  let stack: Stack;
  let user: Awaited<ReturnType<typeof signupUser>>;
  beforeAll(async () => {
    stack = await startStack();
    user = await signupUser(stack);
  });
  afterAll(() => stack?.stop());

  it('plans a new plant’s care, moves it when care is recorded, and lists it in the log and the agenda', async () => {
    const found = await stack.query<{
      indoorPlants: { edges: { node: { id: string; fertilizeIntervalDays: number } }[] };
    }>('{ indoorPlants(filter: { text: "Nephrolepis exaltata" }) { edges { node { id fertilizeIntervalDays } } } }');
    const species = found.data!.indoorPlants.edges[0]!.node;
    expect(species.fertilizeIntervalDays).toBeGreaterThan(0);
    const added = await stack.query<{ addUserPlant: { id: string; careSchedule: { task: string }[] } }>(
      `mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id ${SCHEDULE} } }`,
      { input: { plantId: species.id, nickname: 'Fern', location: 'Bathroom' } },
      user.headers,
    );
    const plant = added.data!.addUserPlant;
    expect(plant.careSchedule.map((s) => s.task)).toEqual(['WATER', 'FERTILIZE', 'REPOT', 'MIST', 'PRUNE', 'ROTATE']);

    const cared = await stack.query<{
      recordCare: { id: string; task: string; userPlant: { careSchedule: { task: string; dueDate: string }[] } };
    }>(
      `mutation($input: RecordCareInput!) { recordCare(input: $input) { id task doneAt userPlant { ${SCHEDULE} } } }`,
      { input: { userPlantId: plant.id, task: 'MIST' } },
      user.headers,
    );
    expect(cared.errors).toBeUndefined();
    const mist = cared.data!.recordCare.userPlant.careSchedule.find((s) => s.task === 'MIST')!;
    expect(new Date(mist.dueDate).getTime()).toBeGreaterThan(Date.now() + DAY);

    const watered = await stack.query(
      'mutation($input: WaterPlantInput!) { waterPlant(input: $input) { id } }',
      { input: { userPlantId: plant.id } },
      user.headers,
    );
    expect(watered.errors).toBeUndefined();
    const log = await stack.query<{
      userPlant: { careLog: { totalCount: number; edges: { node: { task: string } }[] } };
    }>(
      'query($id: ID!) { userPlant(id: $id) { careLog { totalCount edges { node { task } } } } }',
      { id: plant.id },
      user.headers,
    );
    expect(log.data!.userPlant.careLog.totalCount).toBe(2);
    expect(log.data!.userPlant.careLog.edges.map((e) => e.node.task).sort()).toEqual(['MIST', 'WATER']);

    const agenda = await stack.query<{
      me: { careAgenda: { date: string; rooms: { location: string; items: { task: string }[] }[] }[] };
    }>(
      '{ me { careAgenda(days: 2) { date rooms { location items { task userPlant { nickname } } } } } }',
      {},
      user.headers,
    );
    expect(agenda.errors).toBeUndefined();
    expect(agenda.data!.me.careAgenda).toHaveLength(2);
    // Watered and misted just now (misting every 2 days): neither is due today or tomorrow.
    const tasks = agenda.data!.me.careAgenda.flatMap((d) => d.rooms.flatMap((r) => r.items.map((i) => i.task)));
    expect(tasks).not.toContain('WATER');
    expect(tasks).not.toContain('MIST');
  });
});
