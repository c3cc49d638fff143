import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import type { Browser } from 'wxt/browser';
import { workingScheduleOf } from './reply-targets';
import type { Settings } from './settings';
import { WorkingSchedule } from './working-time';

/** "HH:MM", the same clock times the working day is set in. */
const ClockTime = WorkingSchedule.shape.start;

/** A notification on each working day at `time`, in the rep's zone; off until the rep opts in. */
export const ReminderSettings = z.object({
  enabled: z.boolean(),
  time: ClockTime,
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export function defaultReminderSettings(): ReminderSettings {
  return { enabled: false, time: '09:00' };
}

/** Reminder settings as any version stored them: older versions had none, so it is off. */
export const StoredReminderSettings = z
  .object({
    enabled: z.boolean().catch(false),
    time: ClockTime.catch(() => defaultReminderSettings().time),
  })
  .catch(defaultReminderSettings);

/** What the reminder follows: its own settings and the working week set for replies. */
export type ReminderInputs = Pick<Settings, 'reminder' | 'replies'>;

/** The permission a reminder needs; optional, so a rep who never turns it on never grants it. */
export const NOTIFICATIONS: Browser.permissions.Permissions = { permissions: ['notifications'] };

/**
 * The first reminder time strictly after `after`: `time` on the next working day of the reply
 * schedule, in its zone (else the browser's). The wall-clock time holds across a DST change.
 * Null when the reminder is off.
 *
 * @example nextReminderAt(friday10h, settings) // Monday 09:00 in the rep's zone
 */
export function nextReminderAt(after: Date, settings: ReminderInputs): Date | null {
  if (!settings.reminder.enabled) return null;

  const { days, timeZone } = workingScheduleOf(settings.replies.schedule);
  const today = new TZDate(after.getTime(), timeZone);

  // Eight days always reach a working day at a later time, as settings need at least one.
  for (let offset = 0; offset <= 7; offset++) {
    const at = clockTimeOn(today, offset, settings.reminder.time);
    if (days.includes(isoWeekday(at)) && at.getTime() > after.getTime()) {
      return new Date(at.getTime());
    }
  }

  return null;
}

/** What is persisted between checks, so that a restarted service worker carries on. */
export const ReminderState = z.object({
  /** Every reminder time up to this moment is dealt with: shown, or passed over. */
  checkedUntil: z.iso.datetime(),
  /** The plan those times belong to (see `planOf`); under a new plan counting starts afresh. */
  plan: z.string().nullable(),
});
export type ReminderState = z.infer<typeof ReminderState>;

export interface ReminderCheck {
  /** Whether to show a reminder now. */
  show: boolean;
  /** What to persist before showing it. */
  state: ReminderState;
}

/**
 * Whether a reminder is due now, given what was checked before. However many reminder times
 * passed unseen (the browser was closed, the worker asleep), one reminder catches up on them
 * all; a time already checked is never shown again. The first check, and the first after the
 * rep turned the reminder on or moved its time or days, shows nothing for times already past.
 *
 * @example checkReminder({ checkedUntil: mondayAt9h, plan }, thursdayAt11h, settings).show // true
 */
export function checkReminder(
  previous: ReminderState | null,
  now: Date,
  settings: ReminderInputs,
): ReminderCheck {
  const plan = planOf(settings);
  if (previous === null || previous.plan !== plan) {
    return { show: false, state: { checkedUntil: now.toISOString(), plan } };
  }

  const checkedUntil = new Date(previous.checkedUntil);
  const missed = nextReminderAt(checkedUntil, settings);

  // A clock set back must not open the times already checked to a second reminder.
  const until = Math.max(checkedUntil.getTime(), now.getTime());

  return {
    show: missed !== null && missed.getTime() <= now.getTime(),
    state: { checkedUntil: new Date(until).toISOString(), plan },
  };
}

/**
 * The settings that decide which times are reminder times; null when the reminder is off. The
 * zone counts only when set: a rep travelling with the browser's zone keeps the same plan.
 */
export function planOf(settings: ReminderInputs): string | null {
  const { reminder, replies } = settings;
  if (!reminder.enabled) return null;

  return JSON.stringify([reminder.time, replies.schedule.days, replies.schedule.timeZone ?? null]);
}

/** `clock` on the day `offset` days after `day`, in the day's zone. */
function clockTimeOn(day: TZDate, offset: number, clock: string): TZDate {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);

  return new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate() + offset,
    hours,
    minutes,
    day.timeZone ?? 'UTC',
  );
}

function isoWeekday(day: TZDate): number {
  return day.getDay() === 0 ? 7 : day.getDay();
}
