import { z } from 'zod';
import { STATUSES, type Contact, type Status } from './model/contact';
import { WorkingSchedule, addWorkingMinutes, workingDayMinutes } from './working-time';

export const TARGET_UNITS = ['hours', 'days'] as const;
export const TargetUnit = z.enum(TARGET_UNITS);
export type TargetUnit = z.infer<typeof TargetUnit>;

/** The most hours or days a target may name; the year-of-work check below bounds it too. */
export const MAX_TARGET_AMOUNT = 99;

/** How soon to answer, in working time: `{ amount: 4, unit: 'hours' }`. */
export const ReplyTarget = z.object({
  amount: z.number().int().min(1).max(MAX_TARGET_AMOUNT),
  unit: TargetUnit,
});
export type ReplyTarget = z.infer<typeof ReplyTarget>;

/**
 * The rep's working week. Without `timeZone` it is the browser's zone, looked up each time, so
 * the schedule follows a rep who travels.
 */
export const ReplySchedule = WorkingSchedule.extend({
  timeZone: z.string().min(1).refine(isTimeZone, 'unknown time zone').optional(),
})
  // "HH:MM" strings compare like the times they name.
  .refine((schedule) => schedule.end > schedule.start, {
    path: ['end'],
    message: 'the working day must end after it starts',
  });
export type ReplySchedule = z.infer<typeof ReplySchedule>;

/** One target per relationship status: the closer to a deal, the sooner the answer. */
export const ReplyTargets = z.object(perStatus(() => ReplyTarget));
export type ReplyTargets = z.infer<typeof ReplyTargets>;

export const ReplySettings = z
  .object({ schedule: ReplySchedule, targets: ReplyTargets })
  // Only a valid schedule and valid targets can be measured against each other.
  .superRefine(refuseTargetsBeyondAYear, { when: (payload) => payload.issues.length === 0 });
export type ReplySettings = z.infer<typeof ReplySettings>;

/** Mon–Fri 09:00–18:00 in the browser's zone; leads and clients in 4 hours, others in a day. */
export function defaultReplySettings(): ReplySettings {
  return {
    schedule: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
    targets: ReplyTargets.parse(perStatus(defaultTarget)),
  };
}

/**
 * Reads reply settings stored by any version: a missing or damaged target takes its default
 * alone; the schedule is kept or replaced whole, as its fields only make sense together.
 */
export const StoredReplySettings = z
  .object({
    schedule: ReplySchedule.catch(() => defaultReplySettings().schedule),
    targets: z
      .object(perStatus((status) => ReplyTarget.catch(() => defaultTarget(status))))
      .catch(() => defaultReplySettings().targets),
  })
  .pipe(ReplySettings)
  .catch(defaultReplySettings);

/** Where a contact stands against their reply target; times are ISO-8601. */
export interface ReplyDue {
  /** When the contact's oldest unanswered message arrived. */
  since: string;
  /** When the answer is due, counting working time only. */
  dueAt: string;
  /** Wall-clock time waited so far, nights and weekends included. */
  waitedMs: number;
  missed: boolean;
}

/**
 * The reply target of a contact who waits for the rep's answer; null when they wait for none.
 *
 * @example replyDueOf(lead, settings, now) // { since, dueAt: 4 working hours later, … }
 */
export function replyDueOf(
  contact: Pick<Contact, 'status' | 'awaitingReplySince'>,
  settings: ReplySettings,
  now: Date,
): ReplyDue | null {
  const since = contact.awaitingReplySince;
  if (since === undefined) return null;

  const schedule = workingScheduleOf(settings.schedule);
  const minutes = targetMinutes(settings.targets[contact.status], schedule);
  const dueAt = addWorkingMinutes(new Date(since), minutes, schedule);

  return {
    since,
    dueAt: dueAt.toISOString(),
    waitedMs: Math.max(0, now.getTime() - Date.parse(since)),
    missed: now.getTime() > dueAt.getTime(),
  };
}

/** Working minutes in a target; a working day is as long as the schedule's day. */
export function targetMinutes(target: ReplyTarget, schedule: WorkingSchedule): number {
  const unitMinutes = target.unit === 'hours' ? 60 : workingDayMinutes(schedule);

  return target.amount * unitMinutes;
}

/** The schedule in a zone of its own: the one set, else the browser's. */
export function workingScheduleOf(schedule: ReplySchedule): WorkingSchedule {
  return { ...schedule, timeZone: schedule.timeZone ?? browserTimeZone() };
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function defaultTarget(status: Status): ReplyTarget {
  const urgent = status === 'lead' || status === 'client';

  return urgent ? { amount: 4, unit: 'hours' } : { amount: 1, unit: 'days' };
}

function perStatus<T>(make: (status: Status) => T): Record<Status, T> {
  return Object.fromEntries(STATUSES.map((status) => [status, make(status)])) as Record<Status, T>;
}

// Working time is counted within about a year; a longer target could never fall due.
const WEEKS_COUNTED = 52;

function refuseTargetsBeyondAYear(
  settings: { schedule: ReplySchedule; targets: ReplyTargets },
  ctx: z.RefinementCtx,
): void {
  const schedule = workingScheduleOf(settings.schedule);
  const workingDays = new Set(schedule.days).size;
  const yearMinutes = WEEKS_COUNTED * workingDays * workingDayMinutes(schedule);

  for (const status of STATUSES) {
    if (targetMinutes(settings.targets[status], schedule) <= yearMinutes) continue;

    ctx.addIssue({
      code: 'custom',
      path: ['targets', status, 'amount'],
      message: 'the target is longer than a year of working time',
    });
  }
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
