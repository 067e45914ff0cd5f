/** GraphQL operations of care tasks shared by the plants integration tests. */
import { ok, type TestUser } from './harness.js';

const CARE_SCHEDULE = `query($id: ID!) { userPlant(id: $id) {
  careSchedule { task lastDoneAt intervalDays source dueDate daysUntilDue urgency paused factors { name factor reason } }
  careSettings { task intervalDays enabled }
} }`;
export const CARE_LOG = `query($id: ID!, $task: CareTask, $first: Int, $after: String) { userPlant(id: $id) {
  careLog(task: $task, first: $first, after: $after) {
    totalCount edges { cursor node { id task doneAt notes userPlant { id } } } pageInfo { hasNextPage endCursor }
  }
} }`;
const RECORD_CARE = `mutation($input: RecordCareInput!) { recordCare(input: $input) { id task doneAt notes userPlant { id } } }`;
export const UPDATE_CARE = `mutation($id: ID!, $input: UpdateCareLogInput!) { updateCareLog(id: $id, input: $input) { id task doneAt notes } }`;
export const DELETE_CARE = `mutation($id: ID!) { deleteCareLog(id: $id) { id } }`;
export const SET_CARE_TASK = `mutation($input: SetCareTaskInput!) { setCareTask(input: $input) {
  id careSchedule { task intervalDays source dueDate } careSettings { task intervalDays enabled } } }`;
export const CARE_FOR_ROOM = `mutation($location: String!, $task: CareTask!) {
  recordCareForRoom(location: $location, task: $task) { id task doneAt userPlant { id nickname } } }`;
const CARE_AGENDA = `query($user: _Any!, $days: Int) { _entities(representations: [$user]) { ... on User {
  careAgenda(days: $days) { date rooms { location items { task daysUntilDue urgency dueDate userPlant { id nickname } } } }
} } }`;

export interface CareStatusView {
  task: string;
  lastDoneAt: string | null;
  intervalDays: number;
  source: string;
  dueDate: string;
  daysUntilDue: number;
  urgency: string;
  paused: boolean;
  factors: { name: string; factor: number; reason: string }[];
}

export interface AgendaDayView {
  date: string;
  rooms: {
    location: string | null;
    items: { task: string; daysUntilDue: number; urgency: string; userPlant: { id: string; nickname: string } }[];
  }[];
}

export async function careSchedule(user: TestUser, id: string): Promise<CareStatusView[]> {
  const data = ok(await user.gql<{ userPlant: { careSchedule: CareStatusView[] } | null }>(CARE_SCHEDULE, { id }));
  return data.userPlant?.careSchedule ?? [];
}

export async function recordCare(user: TestUser, userPlantId: string, task: string, extra: object = {}) {
  return ok(
    await user.gql<{ recordCare: { id: string; task: string; doneAt: string } }>(RECORD_CARE, {
      input: { userPlantId, task, ...extra },
    }),
  ).recordCare;
}

export async function careAgenda(user: TestUser, days?: number): Promise<AgendaDayView[]> {
  const data = ok(
    await user.gql<{ _entities: { careAgenda: AgendaDayView[] }[] }>(CARE_AGENDA, {
      user: { __typename: 'User', id: user.id },
      days,
    }),
  );
  return data._entities[0]?.careAgenda ?? [];
}
