import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, workingMinutesBetween, type WorkingSchedule } from '@/lib/working-time';

const BERLIN: WorkingSchedule = {
  timeZone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
};

describe('working time', () => {
  it('adds hours within the same working day', () => {
    const tuesday10h = new Date('2026-06-16T08:00:00Z');

    const due = addWorkingMinutes(tuesday10h, 240, BERLIN);

    expect(due.toISOString()).toBe('2026-06-16T12:00:00.000Z');
  });

  it('carries what is left of a target into the next working morning', () => {
    const tuesday15h = new Date('2026-06-16T13:00:00Z');

    const due = addWorkingMinutes(tuesday15h, 240, BERLIN);

    expect(due.toISOString()).toBe('2026-06-17T09:00:00.000Z');
  });

  it('skips the weekend: a Friday-evening message is due on Monday', () => {
    const friday19h = new Date('2026-06-19T17:00:00Z');

    const due = addWorkingMinutes(friday19h, 240, BERLIN);

    expect(due.toISOString()).toBe('2026-06-22T11:00:00.000Z');
  });

  it('counts a full working day as the same time on the next working day', () => {
    const thursday11h = new Date('2026-06-18T09:00:00Z');

    const due = addWorkingMinutes(thursday11h, 480, BERLIN);

    expect(due.toISOString()).toBe('2026-06-19T09:00:00.000Z');
  });

  it('follows the clock change: working hours stay at 9 to 5 local time across DST', () => {
    const friday16hBeforeChange = new Date('2026-03-27T15:00:00Z');

    const due = addWorkingMinutes(friday16hBeforeChange, 120, BERLIN);

    // Monday 30 March is summer time (UTC+2): one hour left, from 09:00 local = 07:00 UTC.
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('measures working minutes waited over a weekend', () => {
    const friday16h = new Date('2026-06-19T14:00:00Z');
    const monday10h = new Date('2026-06-22T08:00:00Z');

    expect(workingMinutesBetween(friday16h, monday10h, BERLIN)).toBe(120);
  });

  it('refuses a schedule with no working time at all', () => {
    const never = { ...BERLIN, start: '09:00', end: '09:00' };

    expect(() => addWorkingMinutes(new Date('2026-06-16T08:00:00Z'), 60, never)).toThrow();
  });
});
