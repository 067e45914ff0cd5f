import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, resolveTimeZone } from '@bloomzy/shared/time-zone';
import { urgencyFor, wateringStatus } from './status.js';

describe('urgencyFor', () => {
  it.each([
    [-3, 'OVERDUE'],
    [-1, 'OVERDUE'],
    [0, 'DUE_TODAY'],
    [1, 'SOON'],
    [2, 'SOON'],
    [3, 'OK'],
    [30, 'OK'],
  ] as const)('%i days → %s', (days, urgency) => {
    expect(urgencyFor(days)).toBe(urgency);
  });
});

describe('wateringStatus across time-zone date boundaries', () => {
  const due = new Date('2026-03-10T23:30:00Z');

  it('is due today in UTC but tomorrow in Tokyo', () => {
    const now = new Date('2026-03-10T12:00:00Z'); // Tokyo: 10 March 21:00, due 11 March 08:30
    expect(wateringStatus(due, now, 'UTC')).toEqual({
      dueDate: due,
      daysUntilDue: 0,
      urgency: 'DUE_TODAY',
      timeZone: 'UTC',
    });
    expect(wateringStatus(due, now, 'Asia/Tokyo')).toMatchObject({
      daysUntilDue: 1,
      urgency: 'SOON',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('is overdue in UTC but still today in Los Angeles', () => {
    const now = new Date('2026-03-11T05:00:00Z'); // LA (PDT): 10 March 22:00, due 10 March 16:30
    expect(wateringStatus(due, now, 'UTC')).toMatchObject({ daysUntilDue: -1, urgency: 'OVERDUE' });
    expect(wateringStatus(due, now, 'America/Los_Angeles')).toMatchObject({ daysUntilDue: 0, urgency: 'DUE_TODAY' });
  });

  it('counts calendar days, not 24-hour spans', () => {
    const now = new Date('2026-03-10T23:59:00Z');
    expect(wateringStatus(new Date('2026-03-11T00:01:00Z'), now, 'UTC').daysUntilDue).toBe(1);
    expect(wateringStatus(new Date('2026-03-13T12:00:00Z'), now, 'UTC')).toMatchObject({
      daysUntilDue: 3,
      urgency: 'OK',
    });
  });

  it('is not thrown off by a DST change', () => {
    // Europe/Paris switches to summer time on 2026-03-29 (a 23-hour day).
    expect(
      calendarDaysBetween(new Date('2026-03-28T23:30:00Z'), new Date('2026-03-30T22:30:00Z'), 'Europe/Paris'),
    ).toBe(2);
  });

  it('falls back to UTC for missing or invalid time zones', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    for (const zone of [undefined, null, '', 'Mars/Olympus_Mons', 'UTC+25']) {
      expect(wateringStatus(due, now, zone)).toMatchObject({ daysUntilDue: 0, timeZone: 'UTC' });
    }
    expect(resolveTimeZone(42)).toBe('UTC');
    expect(resolveTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});
