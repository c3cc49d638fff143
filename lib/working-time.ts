import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/** When the rep works: ISO weekdays (1 = Monday … 7 = Sunday) and hours, in their own zone. */
export const WorkingSchedule = z.object({
  timeZone: z.string().min(1),
  days: z.array(z.number().int().min(1).max(7)).min(1),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type WorkingSchedule = z.infer<typeof WorkingSchedule>;

const MINUTE = 60_000;
// Far more days than any target spans; stops a schedule with no working time from looping.
const MAX_DAYS = 370;

interface Period {
  start: number;
  end: number;
}

/** Minutes of work in one working day of the schedule. */
export function workingDayMinutes(schedule: WorkingSchedule): number {
  return Math.max(0, clockMinutes(schedule.end) - clockMinutes(schedule.start));
}

/**
 * The moment `minutes` of working time after `from`. Time outside working hours does not
 * count, so a message that arrives on Friday evening is due on Monday.
 *
 * @example addWorkingMinutes(fridayAt18h, 240, nineToFive) // Monday 13:00
 */
export function addWorkingMinutes(from: Date, minutes: number, schedule: WorkingSchedule): Date {
  let remaining = minutes;
  let day = startOfZonedDay(from.getTime(), schedule.timeZone);

  for (let i = 0; i < MAX_DAYS; i++) {
    const period = workingPeriod(day, schedule);
    const begin = period ? Math.max(from.getTime(), period.start) : 0;
    if (period && begin < period.end) {
      if (remaining <= (period.end - begin) / MINUTE) return new Date(begin + remaining * MINUTE);
      remaining -= (period.end - begin) / MINUTE;
    }

    day = nextZonedDay(day, schedule.timeZone);
  }

  throw new Error('the working schedule has no working time');
}

/** Working minutes between two moments (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, schedule: WorkingSchedule): number {
  let total = 0;
  let day = startOfZonedDay(from.getTime(), schedule.timeZone);

  for (let i = 0; i < MAX_DAYS * 10 && day.getTime() < to.getTime(); i++) {
    const period = workingPeriod(day, schedule);
    if (period) {
      const begin = Math.max(from.getTime(), period.start);
      const end = Math.min(to.getTime(), period.end);
      if (end > begin) total += (end - begin) / MINUTE;
    }

    day = nextZonedDay(day, schedule.timeZone);
  }

  return Math.round(total);
}

function workingPeriod(day: TZDate, schedule: WorkingSchedule): Period | null {
  const weekday = day.getDay() === 0 ? 7 : day.getDay();
  if (!schedule.days.includes(weekday)) return null;

  return { start: wallTime(day, schedule.start), end: wallTime(day, schedule.end) };
}

/** The instant of a wall-clock time on a day in the day's own zone (DST-aware). */
function wallTime(day: TZDate, clock: string): number {
  const minutes = clockMinutes(clock);
  const at = new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    Math.floor(minutes / 60),
    minutes % 60,
    day.timeZone ?? 'UTC',
  );
  return at.getTime();
}

function startOfZonedDay(time: number, timeZone: string): TZDate {
  const local = new TZDate(time, timeZone);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), timeZone);
}

function nextZonedDay(day: TZDate, timeZone: string): TZDate {
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, timeZone);
}

function clockMinutes(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}
