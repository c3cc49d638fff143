import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkReminder, nextReminderAt, type ReminderInputs } from '@/lib/reminders';
import { defaultReplySettings } from '@/lib/reply-targets';

interface Plan {
  timeZone?: string;
  days?: number[];
  time?: string;
  enabled?: boolean;
}

/** A reminder at 09:00 on Monday to Friday in Berlin unless the test says otherwise. */
function settings(plan: Plan = {}): ReminderInputs {
  const replies = defaultReplySettings();
  const days = plan.days ?? [1, 2, 3, 4, 5];
  const timeZone = 'timeZone' in plan ? plan.timeZone : 'Europe/Berlin';

  return {
    reminder: { enabled: plan.enabled ?? true, time: plan.time ?? '09:00' },
    replies: { ...replies, schedule: { ...replies.schedule, days, timeZone } },
  };
}

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const BERLIN_PLAN = '["09:00",[1,2,3,4,5],"Europe/Berlin"]';

function next(after: string, plan?: Plan): string | undefined {
  return nextReminderAt(new Date(after), settings(plan))?.toISOString();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the next reminder', () => {
  it('comes at its time later the same working day', () => {
    const tuesday7h = '2026-06-16T05:00:00Z';

    expect(next(tuesday7h)).toBe('2026-06-16T07:00:00.000Z');
  });

  it('comes the next working day once the time of today has come', () => {
    const tuesday9h = '2026-06-16T07:00:00Z';

    expect(next(tuesday9h)).toBe('2026-06-17T07:00:00.000Z');
  });

  it('skips the weekend: after Friday’s it comes on Monday', () => {
    const friday10h = '2026-06-19T08:00:00Z';

    expect(next(friday10h)).toBe('2026-06-22T07:00:00.000Z');
  });

  it('stays quiet on the days the rep marks as non-working', () => {
    const monday10h = '2026-06-15T08:00:00Z';

    expect(next(monday10h, { days: [1, 3, 5] })).toBe('2026-06-17T07:00:00.000Z');
  });

  it('waits a whole week when the one working day’s time has just passed', () => {
    const tuesday10h = '2026-06-16T08:00:00Z';

    expect(next(tuesday10h, { days: [2] })).toBe('2026-06-23T07:00:00.000Z');
  });

  it('comes at the set minute, across the end of a month', () => {
    const tuesday30June18h = '2026-06-30T16:00:00Z';

    expect(next(tuesday30June18h, { time: '07:45' })).toBe('2026-07-01T05:45:00.000Z');
  });

  it('is null while the reminder is off', () => {
    expect(next('2026-06-16T05:00:00Z', { enabled: false })).toBeUndefined();
  });

  it('follows the browser’s zone when the schedule names none', () => {
    const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
      this: Intl.DateTimeFormat,
    ) {
      return { ...resolved.call(this), timeZone: 'Asia/Tokyo' };
    });
    const tuesday7hInTokyo = '2026-06-15T22:00:00Z';

    expect(next(tuesday7hInTokyo, { timeZone: undefined })).toBe('2026-06-16T00:00:00.000Z');
  });
});

describe('the next reminder across a daylight-saving change', () => {
  const cases: [string, string, Plan, string][] = [
    // Berlin moves from UTC+1 to UTC+2 on Sunday 29 March 2026.
    ['Berlin, the weekend of the change', '2026-03-27T09:00:00Z', {}, '2026-03-30T07:00:00.000Z'],
    [
      'Berlin, on the day clocks go forward',
      '2026-03-28T12:00:00Z',
      { days: EVERY_DAY },
      '2026-03-29T07:00:00.000Z',
    ],
    [
      'Berlin, on the day clocks go back',
      '2026-10-24T12:00:00Z',
      { days: EVERY_DAY },
      '2026-10-25T08:00:00.000Z',
    ],
    // New York moves from UTC−5 to UTC−4 on Sunday 8 March 2026, and back on 1 November.
    [
      'New York, the weekend of the change',
      '2026-03-06T15:00:00Z',
      { timeZone: 'America/New_York' },
      '2026-03-09T13:00:00.000Z',
    ],
    [
      'New York, on the day clocks go forward',
      '2026-03-07T15:00:00Z',
      { timeZone: 'America/New_York', days: EVERY_DAY },
      '2026-03-08T13:00:00.000Z',
    ],
    [
      'New York, on the day clocks go back',
      '2026-10-31T14:00:00Z',
      { timeZone: 'America/New_York', days: EVERY_DAY },
      '2026-11-01T14:00:00.000Z',
    ],
  ];

  it.each(cases)('stays at 09:00 on the wall clock: %s', (_case, after, plan, expected) => {
    expect(next(after, plan)).toBe(expected);
  });
});

describe('catching up on reminders', () => {
  const mondayBefore9h = { checkedUntil: '2026-06-15T06:00:00.000Z', plan: BERLIN_PLAN };

  it('shows nothing on the first check, only remembers it', () => {
    const check = checkReminder(null, new Date('2026-06-18T09:00:00Z'), settings());

    expect(check).toEqual({
      show: false,
      state: { checkedUntil: '2026-06-18T09:00:00.000Z', plan: BERLIN_PLAN },
    });
  });

  it('shows the reminder once its time has come', () => {
    const check = checkReminder(mondayBefore9h, new Date('2026-06-15T07:00:00Z'), settings());

    expect(check).toEqual({
      show: true,
      state: { checkedUntil: '2026-06-15T07:00:00.000Z', plan: BERLIN_PLAN },
    });
  });

  it('shows nothing before its time', () => {
    const check = checkReminder(mondayBefore9h, new Date('2026-06-15T06:59:00Z'), settings());

    expect(check.show).toBe(false);
  });

  it('catches up once on the working days missed while the browser was closed', () => {
    const thursday11h = new Date('2026-06-18T09:00:00Z');

    const check = checkReminder(mondayBefore9h, thursday11h, settings());

    expect(check).toEqual({
      show: true,
      state: { checkedUntil: '2026-06-18T09:00:00.000Z', plan: BERLIN_PLAN },
    });
  });

  it('never shows a time that was already checked again', () => {
    const checkedAt9h = { checkedUntil: '2026-06-15T07:00:00.000Z', plan: BERLIN_PLAN };

    const check = checkReminder(checkedAt9h, new Date('2026-06-15T15:00:00Z'), settings());

    expect(check.show).toBe(false);
  });

  it('has nothing to catch up on over a weekend', () => {
    const friday10h = { checkedUntil: '2026-06-19T08:00:00.000Z', plan: BERLIN_PLAN };

    const check = checkReminder(friday10h, new Date('2026-06-21T18:00:00Z'), settings());

    expect(check.show).toBe(false);
  });

  it('starts counting afresh when the rep moves the time, showing nothing for the past', () => {
    const tuesdayNoon = new Date('2026-06-16T10:00:00Z');

    const check = checkReminder(mondayBefore9h, tuesdayNoon, settings({ time: '08:00' }));

    expect(check).toEqual({
      show: false,
      state: {
        checkedUntil: '2026-06-16T10:00:00.000Z',
        plan: '["08:00",[1,2,3,4,5],"Europe/Berlin"]',
      },
    });
  });

  it('shows nothing while off, and nothing for the days it was off once it is back on', () => {
    const tuesdayNoon = new Date('2026-06-16T10:00:00Z');

    const off = checkReminder(mondayBefore9h, tuesdayNoon, settings({ enabled: false }));

    const backOn = checkReminder(off.state, new Date('2026-06-19T10:00:00Z'), settings());

    expect(off).toEqual({
      show: false,
      state: { checkedUntil: '2026-06-16T10:00:00.000Z', plan: null },
    });
    expect(backOn.show).toBe(false);
  });

  it('keeps what was checked when the clock is set back', () => {
    const thursday11h = { checkedUntil: '2026-06-18T09:00:00.000Z', plan: BERLIN_PLAN };

    const check = checkReminder(thursday11h, new Date('2026-06-17T09:00:00Z'), settings());

    expect(check).toEqual({
      show: false,
      state: { checkedUntil: '2026-06-18T09:00:00.000Z', plan: BERLIN_PLAN },
    });
  });
});
