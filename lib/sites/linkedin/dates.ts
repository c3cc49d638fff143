/**
 * LinkedIn shows times as the viewer's wall clock without a zone ("Yesterday", "11:16 PM",
 * "Jun 12", "3w"). This turns them back into instants, in the viewer's time zone.
 */

import {
  addDays,
  daysInMonth,
  formatDay,
  formatInstant,
  instantOf,
  isOnOrBefore,
  isRealDay,
  offsetAt,
  wallTimeAt,
  weekdayOf,
  type CivilDay,
  type WallTime,
} from './zone';

export type TimePrecision = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Where the label was shown. The rules are the same everywhere; it is kept for callers. */
export type LinkedInTimeContext = 'feed' | 'messaging' | 'conversation-list';

/** The pieces of a displayed time; `datetime` is a `<time datetime>` value. */
export interface LinkedInTimeInput {
  text?: string | null;
  heading?: string | null;
  clock?: string | null;
  datetime?: string | null;
}

export interface LinkedInTimeOptions {
  now: Date;
  timeZone: string;
  /** Only English labels are recognised; others resolve to null rather than a guess. */
  locale?: string;
  context?: LinkedInTimeContext;
}

export interface ResolvedTime {
  /** ISO-8601 UTC, or null for a label that names a day only. */
  at: string | null;
  /** The label was rounded ("3h", "2mo"): `at` is an estimate. */
  approx: boolean;
  precision: TimePrecision;
  /** The calendar day in the viewer's zone, `YYYY-MM-DD`. */
  localDate: string;
  /** How far `at` may be from the true instant for this label, in seconds. */
  toleranceSeconds: number;
  /** Set only when the wall time fell in a daylight-saving gap or overlap. */
  ambiguousLocalTime?: true;
}

/** What every resolution needs to know about the moment of reading. */
interface Frame {
  now: number;
  timeZone: string;
  wall: WallTime;
}

type AgeUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mo' | 'yr';

const MINUTE_MS = 60_000;
const UNIT_MS: Record<'s' | 'm' | 'h' | 'd' | 'w', number> = {
  s: 1000,
  m: MINUTE_MS,
  h: 60 * MINUTE_MS,
  d: 1440 * MINUTE_MS,
  w: 10_080 * MINUTE_MS,
};
const PRECISION: Record<AgeUnit, TimePrecision> = {
  s: 'minute',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  mo: 'month',
  yr: 'year',
};
/** Slack for calendar ages, in seconds: "5mo" and "1yr" are rounded and months vary in length. */
const CALENDAR_TOLERANCE: Record<'mo' | 'yr', number> = { mo: 259_200, yr: 172_800 };

const UNIT_WORDS: Record<string, AgeUnit> = {};
const UNIT_SPELLINGS: Record<AgeUnit, string> = {
  s: 's sec secs second seconds',
  m: 'm min mins minute minutes',
  h: 'h hr hrs hour hours',
  d: 'd day days',
  w: 'w wk wks week weeks',
  mo: 'mo mos mth mths month months',
  yr: 'y yr yrs year years',
};
for (const [unit, words] of Object.entries(UNIT_SPELLINGS)) {
  for (const word of words.split(' ')) UNIT_WORDS[word] = unit as AgeUnit;
}

/** English month and weekday names, full and abbreviated, to their numbers. */
const MONTHS = wordsToNumbers(
  'jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|' +
    'sep sept september|oct october|nov november|dec december',
  1,
);
const WEEKDAYS = wordsToNumbers(
  'sun sunday|mon monday|tue tues tuesday|wed weds wednesday|thu thur thurs thursday|' +
    'fri friday|sat saturday',
  0,
);

const DATETIME =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2}))?$/i;
const CLOCK = /^(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s*m\.?)?$/i;
const TRAILING_CLOCK = /^(.*?)[\s,]*(\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s*m\.?)?)$/i;
const AGE = /^(\d+|an?)\s*([a-z]+)$/;
const SEPARATORS = /[•·|]/u;

function wordsToNumbers(spellings: string, first: number): Map<string, number> {
  const numbers = new Map<string, number>();

  spellings.split('|').forEach((words, index) => {
    for (const word of words.split(' ')) numbers.set(word, first + index);
  });
  return numbers;
}

function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function present(text: string | null | undefined): string | null {
  const value = clean(text ?? '');
  return value === '' ? null : value;
}

function frameOf(options: LinkedInTimeOptions): Frame {
  const now = options.now.getTime();
  return { now, timeZone: options.timeZone, wall: wallTimeAt(now, options.timeZone) };
}

function localDateAt(instant: number, timeZone: string): string {
  return formatDay(wallTimeAt(instant, timeZone));
}

/** An exact instant: a `<time datetime>` value or a label with a day and a clock. */
function exact(instant: number, localDate: string, ambiguous: boolean): ResolvedTime {
  const resolved: ResolvedTime = {
    at: formatInstant(instant),
    approx: false,
    precision: 'minute',
    localDate,
    toleranceSeconds: 0,
  };

  if (ambiguous) resolved.ambiguousLocalTime = true;
  return resolved;
}

/** A day with no time of day. */
function dayOnly(day: CivilDay): ResolvedTime {
  return {
    at: null,
    approx: false,
    precision: 'day',
    localDate: formatDay(day),
    toleranceSeconds: 0,
  };
}

function fromDatetime(value: string, frame: Frame): ResolvedTime | null {
  const match = DATETIME.exec(value);
  if (!match) return null;

  const [, date = '', time, zone = ''] = match;
  if (time === undefined) return dayFromIso(date);

  const offset = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const instant = Date.parse(`${date}T${time}${offset.toUpperCase()}`);
  if (Number.isNaN(instant)) return null;

  return exact(instant, localDateAt(instant, frame.timeZone), false);
}

function dayFromIso(date: string): ResolvedTime | null {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const civil = { year, month, day };

  return isRealDay(civil) ? dayOnly(civil) : null;
}

/** "11:16 PM" → 23:16, "12:05 AM" → 00:05, "13:14" → 13:14. */
function parseClock(text: string): { hour: number; minute: number } | null {
  const match = CLOCK.exec(clean(text));
  if (!match) return null;

  const [, hours = '', minutes = '', half] = match;
  const hour = Number(hours);
  const minute = Number(minutes);
  if (minute > 59) return null;

  if (half === undefined) return hour <= 23 ? { hour, minute } : null;
  if (hour < 1 || hour > 12) return null;
  return { hour: (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0), minute };
}

/** A weekday heading is the most recent such day before today (1–7 days back, never today). */
function pastWeekday(weekday: number, today: CivilDay): CivilDay {
  const back = (weekdayOf(today) - weekday + 7) % 7 || 7;
  return addDays(today, -back);
}

/** "Jun 12" without a year is the most recent Jun 12 on or before today. */
function pastMonthDay(month: number, day: number, today: CivilDay): CivilDay | null {
  for (let year = today.year; year >= today.year - 8; year -= 1) {
    const candidate = { year, month, day };
    if (isRealDay(candidate) && isOnOrBefore(candidate, today)) return candidate;
  }

  return null;
}

function monthDay(words: string[], today: CivilDay): CivilDay | null {
  const [first = '', second = '', year] = words;
  const monthFirst = MONTHS.get(first) ?? null;
  const month = monthFirst ?? MONTHS.get(second) ?? null;
  const day = Number(monthFirst === null ? first : second);
  if (month === null || !Number.isInteger(day) || (year !== undefined && !/^\d{4}$/.test(year))) {
    return null;
  }

  if (year === undefined) return pastMonthDay(month, day, today);
  const dated = { year: Number(year), month, day };
  return isRealDay(dated) ? dated : null;
}

/** The calendar day a heading names: Today, Yesterday, a weekday, "Jun 12", "Jun 12, 2024". */
function dayOfHeading(heading: string, today: CivilDay): CivilDay | null {
  const words = clean(heading).toLowerCase().replace(/[.,]/g, ' ').split(' ').filter(Boolean);
  // "Monday, Jun 15": the date alone decides; the weekday only repeats it.
  if (words.length > 2 && WEEKDAYS.has(words[0] ?? '')) words.shift();
  const [first = ''] = words;

  if (words.length === 1 && first === 'today') return today;
  if (words.length === 1 && first === 'yesterday') return addDays(today, -1);
  const weekday = words.length === 1 ? WEEKDAYS.get(first) : undefined;
  if (weekday !== undefined) return pastWeekday(weekday, today);

  return words.length === 2 || words.length === 3 ? monthDay(words, today) : null;
}

function atClock(day: CivilDay, clock: string, frame: Frame): ResolvedTime | null {
  const time = parseClock(clock);
  if (!time) return null;

  const wall = { ...day, ...time, second: 0 };
  const { instant, ambiguous } = instantOf(wall, frame.timeZone);
  return exact(instant, formatDay(day), ambiguous);
}

/** A day heading and/or a clock; a clock alone is today. */
function fromDayAndClock(
  heading: string | null,
  clock: string | null,
  frame: Frame,
): ResolvedTime | null {
  const day = heading === null ? frame.wall : dayOfHeading(heading, frame.wall);
  if (!day) return null;

  return clock === null ? dayOnly(day) : atClock(day, clock, frame);
}

/** "5m", "5 minutes ago", "Just now" → a count and a unit. */
function parseAge(text: string): { count: number; unit: AgeUnit } | null {
  const label = clean(text)
    .toLowerCase()
    .replace(/\s+ago$/, '');
  if (label === 'just now' || label === 'now') return { count: 0, unit: 'm' };

  const match = AGE.exec(label);
  const unit = match ? UNIT_WORDS[match[2] ?? ''] : undefined;
  if (!match || unit === undefined) return null;

  const count = /^an?$/.test(match[1] ?? '') ? 1 : Number(match[1]);
  return { count, unit };
}

/** Months and years count back on the calendar, in local time, clamping the day. */
function calendarBack(count: number, unit: 'mo' | 'yr', frame: Frame): ResolvedTime {
  const { wall } = frame;
  const months = wall.year * 12 + (wall.month - 1) - (unit === 'mo' ? count : count * 12);
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const day = Math.min(wall.day, daysInMonth(year, month));

  const { instant, ambiguous } = instantOf({ ...wall, year, month, day }, frame.timeZone);
  const resolved = age(instant, unit, frame);
  if (ambiguous) resolved.ambiguousLocalTime = true;
  return { ...resolved, toleranceSeconds: CALENDAR_TOLERANCE[unit] };
}

/**
 * Ages subtract exactly. Across a DST change "1w" may also mean the same wall time a week
 * ago, an hour away: days and weeks allow that shift as tolerance.
 */
function age(instant: number, unit: AgeUnit, frame: Frame): ResolvedTime {
  const shift = Math.abs(offsetAt(frame.now, frame.timeZone) - offsetAt(instant, frame.timeZone));
  const daily = unit === 'd' || unit === 'w';

  return {
    at: formatInstant(instant),
    approx: unit !== 's' && unit !== 'm',
    precision: PRECISION[unit],
    localDate: localDateAt(instant, frame.timeZone),
    toleranceSeconds: daily ? shift / 1000 : 0,
  };
}

/** The first part that is an age: feed labels add "• Edited" and the like around it. */
function fromAge(text: string, frame: Frame): ResolvedTime | null {
  const ages = text.split(SEPARATORS).map(parseAge);
  const parsed = ages.find((found) => found !== null);
  if (!parsed) return null;

  const { count, unit } = parsed;
  if (unit === 'mo' || unit === 'yr') return calendarBack(count, unit, frame);
  return age(frame.now - count * UNIT_MS[unit], unit, frame);
}

/** Visible text that is not an age: "Yesterday", "11:42 AM", "Jun 12 9:00 AM". */
function fromLabel(text: string, frame: Frame): ResolvedTime | null {
  const split = TRAILING_CLOCK.exec(text);
  if (!split) return fromDayAndClock(text, null, frame);

  return fromDayAndClock(present(split[1]), split[2] ?? null, frame);
}

function isEnglish(locale: string | undefined): boolean {
  return locale === undefined || /^en\b/i.test(locale);
}

/**
 * Resolves a LinkedIn time label to an instant in `timeZone` as of `now`. A `datetime`
 * always wins; then a day heading with a clock; then the visible text. Null when unreadable.
 */
export function resolveLinkedInTime(
  input: string | LinkedInTimeInput,
  options: LinkedInTimeOptions,
): ResolvedTime | null {
  const parts = typeof input === 'string' ? { text: input } : input;
  const frame = frameOf(options);
  const datetime = present(parts.datetime);

  const fromAttribute = datetime === null ? null : fromDatetime(datetime, frame);
  if (fromAttribute || !isEnglish(options.locale)) return fromAttribute;

  const heading = present(parts.heading);
  const clock = present(parts.clock);
  if (heading !== null || clock !== null) return fromDayAndClock(heading, clock, frame);

  const text = present(parts.text);
  return text === null ? null : (fromAge(text, frame) ?? fromLabel(text, frame));
}
