/**
 * Calendar days and wall-clock times in an IANA time zone, computed with `Intl` alone:
 * the content script bundles no date library.
 */

const DAY_MS = 86_400_000;

/** A calendar day, month 1–12. */
export interface CivilDay {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time on a calendar day, as a clock on the wall of the zone shows it. */
export interface WallTime extends CivilDay {
  hour: number;
  minute: number;
  second: number;
}

/** An instant for a wall time; `ambiguous` when the zone skips or repeats that wall time. */
export interface ZonedInstant {
  instant: number;
  ambiguous: boolean;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are slow to build and a thread resolves dozens of times: one per zone. */
function formatIn(timeZone: string): Intl.DateTimeFormat {
  const known = formats.get(timeZone);
  if (known) return known;

  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  formats.set(timeZone, format);
  return format;
}

/** The wall time the zone shows at `instant` (milliseconds since the epoch). */
export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const parts = formatIn(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);

  // Some engines still write midnight as hour 24 even with hourCycle h23.
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour') % 24,
    minute: part('minute'),
    second: part('second'),
  };
}

/** The wall time read as if it were UTC: plain arithmetic on the numbers. */
function asUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return asUtc(wallTimeAt(whole, timeZone)) - whole;
}

/**
 * The instant of a wall time, with the zone's offset on that date. A wall time in a
 * daylight-saving gap moves forward by the gap; one in an overlap takes the earlier instant.
 */
export function instantOf(wall: WallTime, timeZone: string): ZonedInstant {
  const local = asUtc(wall);
  const before = local - offsetAt(local - DAY_MS, timeZone);
  const after = local - offsetAt(local + DAY_MS, timeZone);

  const fits = (instant: number): boolean => asUtc(wallTimeAt(instant, timeZone)) === local;
  const fitting = [before, after].filter(fits);
  if (fitting.length === 0) return { instant: before, ambiguous: true };

  return { instant: Math.min(...fitting), ambiguous: new Set(fitting).size > 1 };
}

/** The calendar day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: CivilDay, n: number): CivilDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day) + n * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: CivilDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the day exists: no 30 February, no month 13. */
export function isRealDay(day: CivilDay): boolean {
  const inYear = day.month >= 1 && day.month <= 12 && day.day >= 1;
  return inYear && day.day <= daysInMonth(day.year, day.month);
}

/** Whether `day` comes no later than `limit`. */
export function isOnOrBefore(day: CivilDay, limit: CivilDay): boolean {
  const dayMs = Date.UTC(day.year, day.month - 1, day.day);
  return dayMs <= Date.UTC(limit.year, limit.month - 1, limit.day);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD`. */
export function formatDay(day: CivilDay): string {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/** ISO-8601 UTC to the second, with a Z: "2026-06-12T09:16:00Z". */
export function formatInstant(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}
