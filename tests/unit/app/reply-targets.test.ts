import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Status } from '@/lib/model/contact';
import {
  ReplySettings,
  defaultReplySettings,
  replyDueOf,
  workingScheduleOf,
  type ReplyTargets,
} from '@/lib/reply-targets';

/** Mon–Fri 09:00–18:00 in Berlin (UTC+1 in winter, UTC+2 in summer); defaults otherwise. */
const BERLIN: ReplySettings = {
  ...defaultReplySettings(),
  schedule: { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
};

const HOUR = 3_600_000;

function waiting(status: Status, since: string): { status: Status; awaitingReplySince: string } {
  return { status, awaitingReplySince: since };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('when a reply is due', () => {
  it('gives a lead four working hours within the same day', () => {
    const tuesday10h = waiting('lead', '2026-06-16T08:00:00.000Z');
    const tuesday13h = new Date('2026-06-16T11:00:00.000Z');

    const due = replyDueOf(tuesday10h, BERLIN, tuesday13h);

    expect(due).toEqual({
      since: '2026-06-16T08:00:00.000Z',
      dueAt: '2026-06-16T12:00:00.000Z',
      waitedMs: 3 * HOUR,
      missed: false,
    });
  });

  it('makes a Friday-evening message from a lead due on Monday', () => {
    const friday19h = waiting('lead', '2026-06-19T17:00:00.000Z');
    const monday12h = new Date('2026-06-22T10:00:00.000Z');

    const due = replyDueOf(friday19h, BERLIN, monday12h);

    expect(due).toEqual({
      since: '2026-06-19T17:00:00.000Z',
      dueAt: '2026-06-22T11:00:00.000Z',
      waitedMs: 65 * HOUR,
      missed: false,
    });
  });

  it('starts counting a weekend message on Monday morning', () => {
    const saturday11h = waiting('warm', '2026-06-20T09:00:00.000Z');
    const sunday20h = new Date('2026-06-21T18:00:00.000Z');

    const due = replyDueOf(saturday11h, BERLIN, sunday20h);

    expect(due?.dueAt).toBe('2026-06-22T16:00:00.000Z');
  });

  it('counts one working day as the schedule’s day: Thursday 11:00 is due Friday 11:00', () => {
    const thursday11h = waiting('partner', '2026-06-18T09:00:00.000Z');

    const due = replyDueOf(thursday11h, BERLIN, new Date('2026-06-18T10:00:00.000Z'));

    expect(due?.dueAt).toBe('2026-06-19T09:00:00.000Z');
  });

  it('keeps working hours at 9 to 6 local time across the spring clock change in Berlin', () => {
    const friday16hWinterTime = waiting('client', '2026-03-27T15:00:00.000Z');
    const monday12hSummerTime = new Date('2026-03-30T10:00:00.000Z');

    const due = replyDueOf(friday16hWinterTime, BERLIN, monday12hSummerTime);

    // Two hours on Friday, two more from 09:00 summer time (07:00 UTC) on Monday.
    expect(due).toEqual({
      since: '2026-03-27T15:00:00.000Z',
      dueAt: '2026-03-30T09:00:00.000Z',
      waitedMs: 67 * HOUR,
      missed: true,
    });
  });

  it('keeps working hours at 9 to 6 local time across the autumn clock change in New York', () => {
    const newYork = { ...BERLIN, schedule: { ...BERLIN.schedule, timeZone: 'America/New_York' } };
    const friday17hSummerTime = waiting('lead', '2026-10-30T21:00:00.000Z');

    const due = replyDueOf(friday17hSummerTime, newYork, new Date('2026-11-02T15:00:00.000Z'));

    // One hour on Friday, three more from 09:00 winter time (14:00 UTC) on Monday.
    expect(due?.dueAt).toBe('2026-11-02T17:00:00.000Z');
  });

  it('gives each status its own target', () => {
    const targets: ReplyTargets = {
      ...BERLIN.targets,
      partner: { amount: 2, unit: 'hours' },
      dormant: { amount: 2, unit: 'days' },
    };
    const settings = { ...BERLIN, targets };
    const tuesday10h = '2026-06-16T08:00:00.000Z';
    const now = new Date(tuesday10h);

    const dueAt = (status: Status): string | undefined =>
      replyDueOf(waiting(status, tuesday10h), settings, now)?.dueAt;

    expect(dueAt('lead')).toBe('2026-06-16T12:00:00.000Z');
    expect(dueAt('client')).toBe('2026-06-16T12:00:00.000Z');
    expect(dueAt('partner')).toBe('2026-06-16T10:00:00.000Z');
    expect(dueAt('new')).toBe('2026-06-17T08:00:00.000Z');
    expect(dueAt('dormant')).toBe('2026-06-18T08:00:00.000Z');
  });

  it('marks the target missed only once the due time has passed', () => {
    const tuesday10h = waiting('lead', '2026-06-16T08:00:00.000Z');

    const atDueTime = replyDueOf(tuesday10h, BERLIN, new Date('2026-06-16T12:00:00.000Z'));
    const aMinuteLater = replyDueOf(tuesday10h, BERLIN, new Date('2026-06-16T12:01:00.000Z'));

    expect(atDueTime?.missed).toBe(false);
    expect(aMinuteLater?.missed).toBe(true);
  });

  it('gives nothing for a contact who waits for no answer', () => {
    const answered = { status: 'lead' as const };

    const due = replyDueOf(answered, BERLIN, new Date('2026-06-16T12:00:00.000Z'));

    expect(due).toBeNull();
  });

  it('uses the browser’s time zone when none is set', () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'America/New_York',
    } as Intl.ResolvedDateTimeFormatOptions);

    const schedule = workingScheduleOf(defaultReplySettings().schedule);

    expect(schedule).toEqual({
      timeZone: 'America/New_York',
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
    });
  });
});

describe('the default reply settings', () => {
  it('answer leads and clients in 4 working hours and everyone else in a working day', () => {
    const settings = defaultReplySettings();

    expect(settings).toEqual({
      schedule: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
      targets: {
        new: { amount: 1, unit: 'days' },
        warm: { amount: 1, unit: 'days' },
        lead: { amount: 4, unit: 'hours' },
        client: { amount: 4, unit: 'hours' },
        partner: { amount: 1, unit: 'days' },
        dormant: { amount: 1, unit: 'days' },
        'not-a-fit': { amount: 1, unit: 'days' },
      },
    });
  });
});

describe('checking reply settings', () => {
  const rejected = (change: Partial<ReplySettings['schedule']>): string[] => {
    const result = ReplySettings.safeParse({
      ...BERLIN,
      schedule: { ...BERLIN.schedule, ...change },
    });
    return result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
  };

  it.each([
    ['ends before it starts', { start: '18:00', end: '09:00' }, ['schedule.end']],
    ['ends when it starts', { start: '09:00', end: '09:00' }, ['schedule.end']],
    ['has no working day', { days: [] }, ['schedule.days']],
    ['names an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, ['schedule.timeZone']],
    ['names a time that does not exist', { end: '24:30' }, ['schedule.end']],
  ])('refuses a schedule that %s', (_case, change, paths) => {
    expect(rejected(change)).toEqual(paths);
  });

  it.each([
    ['zero', { amount: 0, unit: 'hours' }],
    ['a fraction', { amount: 1.5, unit: 'hours' }],
    ['more than 99', { amount: 100, unit: 'days' }],
    ['not a number', { amount: Number.NaN, unit: 'hours' }],
    ['an unknown unit', { amount: 2, unit: 'weeks' }],
  ])('refuses a target of %s', (_case, target) => {
    const settings = { ...BERLIN, targets: { ...BERLIN.targets, lead: target } };

    const result = ReplySettings.safeParse(settings);

    expect(result.error?.issues[0]?.path).toEqual(['targets', 'lead', expect.any(String)]);
  });

  it('refuses a target longer than a year of working time, which could never fall due', () => {
    const mondayHour = { ...BERLIN.schedule, days: [1], start: '09:00', end: '10:00' };
    const settings = {
      schedule: mondayHour,
      targets: { ...BERLIN.targets, lead: { amount: 99, unit: 'hours' } },
    };

    const result = ReplySettings.safeParse(settings);

    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'targets.lead.amount',
    ]);
  });
});
