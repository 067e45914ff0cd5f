import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CARE_SCHEDULE_TOPIC, USER_PROFILE_TOPIC, type CareScheduleEvent, type UserProfileEvent } from './topics.js';

const care: CareScheduleEvent = {
  eventId: randomUUID(),
  userId: randomUUID(),
  userPlantId: randomUUID(),
  nickname: 'Monty',
  nextWateringAt: '2026-03-09T12:00:00.000Z',
  reason: 'WATERED',
  changedAt: '2026-03-08T12:00:00.000Z',
};
const profile: UserProfileEvent = {
  userId: randomUUID(),
  timezone: 'Europe/Berlin',
  hemisphere: 'NORTHERN',
  language: 'de',
  notificationsEnabled: true,
  notifyInApp: false,
  changedAt: '2026-03-08T12:00:00.000Z',
};
const parseCare = (value: unknown) => CARE_SCHEDULE_TOPIC.schema.safeParse(value);
const parseProfile = (value: unknown) => USER_PROFILE_TOPIC.schema.safeParse(value);

describe('care-schedule events', () => {
  it('accept what plants publishes, an archived plant (no next watering) and fields added later', () => {
    expect(parseCare(care).data).toEqual(care);
    expect(parseCare({ ...care, nextWateringAt: null }).success).toBe(true);
    expect(parseCare({ ...care, newField: 1 }).data).toEqual(care);
  });
  it('read a reason they do not know as UPDATED (the event carries the full state)', () => {
    expect(parseCare({ ...care, reason: 'REPOTTED' }).data?.reason).toBe('UPDATED');
  });
  it.each([
    ['a user id that is not a UUID', { userId: 'not-a-uuid' }],
    ['a plant id that is not a UUID', { userPlantId: 42 }],
    ['an empty event id', { eventId: '' }],
    ['an event id over 200 characters', { eventId: 'x'.repeat(201) }],
    ['a change time that is not a date', { changedAt: 'yesterday' }],
    ['a next watering that is not a date', { nextWateringAt: 'soon' }],
    ['a reason that is not text', { reason: 3 }],
    ['no nickname', { nickname: undefined }],
  ])('refuse %s', (_what, change) => {
    expect(parseCare({ ...care, ...change }).success).toBe(false);
  });
});

describe('user-profile events', () => {
  it('accept what auth publishes', () => {
    expect(parseProfile(profile).data).toEqual(profile);
  });
  it.each([
    ['a user id that is not a UUID', { userId: 'u1' }],
    ['an unknown hemisphere', { hemisphere: 'EQUATORIAL' }],
    ['a switch that is not a boolean', { notificationsEnabled: 'yes' }],
    ['a change time that is not a date', { changedAt: 'never' }],
    ['no timezone', { timezone: undefined }],
  ])('refuse %s', (_what, change) => {
    expect(parseProfile({ ...profile, ...change }).success).toBe(false);
  });
});
