import { LocalDate } from './model/next-step';

const DAY_MS = 86_400_000;

/**
 * The calendar day `n` days after `date` (before it when `n` is negative). Works on the date
 * alone, in UTC arithmetic, so a daylight-saving change can never make a day 23 or 25 hours long.
 */
export function addDays(date: LocalDate, n: number): LocalDate {
  const start = Date.parse(`${LocalDate.parse(date)}T00:00:00Z`);

  if (!Number.isInteger(n)) {
    throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  }

  return new Date(start + n * DAY_MS).toISOString().slice(0, 10);
}

/** Today's calendar day in `timeZone` (the system's zone when omitted), `YYYY-MM-DD`. */
export function todayIn(timeZone?: string, now: Date = new Date()): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);

  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';

  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const start = Date.parse(`${LocalDate.parse(from)}T00:00:00Z`);
  const end = Date.parse(`${LocalDate.parse(to)}T00:00:00Z`);

  return Math.round((end - start) / DAY_MS);
}
