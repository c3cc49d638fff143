import { describe, expect, it } from 'vitest';
import {
  resolveLinkedInTime,
  type LinkedInTimeContext,
  type LinkedInTimeInput,
  type ResolvedTime,
} from '@/lib/sites/linkedin';
import { readJson } from './fixtures';

interface DateCase {
  id: string;
  now: string;
  timeZone: string;
  context: LinkedInTimeContext;
  locale: string;
  input: LinkedInTimeInput;
  expected: ResolvedTime;
  note?: string;
}

const table = readJson<{ caseCount: number; cases: DateCase[] }>('tables/dates.json');

function secondsApart(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : Number.POSITIVE_INFINITY;
  return Math.abs(Date.parse(a) - Date.parse(b)) / 1000;
}

function nameOf(entry: DateCase): string {
  const label = Object.values(entry.input).join(' + ');
  const why = entry.note ?? entry.context;
  return `${entry.id}: "${label}" in ${entry.timeZone} resolves as the table says (${why})`;
}

describe('resolving LinkedIn times from the dates table', () => {
  it('covers every case the table counts', () => {
    expect(table.cases).toHaveLength(table.caseCount);
  });

  it.each(table.cases.map((entry) => [nameOf(entry), entry] as const))('%s', (_name, entry) => {
    const options = { now: new Date(entry.now), timeZone: entry.timeZone, locale: entry.locale };

    const resolved = resolveLinkedInTime(entry.input, { ...options, context: entry.context });

    const { expected } = entry;
    expect(resolved).not.toBeNull();
    expect(secondsApart(resolved?.at ?? null, expected.at)).toBeLessThanOrEqual(
      expected.toleranceSeconds,
    );
    expect(resolved?.approx).toBe(expected.approx);
    expect(resolved?.precision).toBe(expected.precision);
    expect(resolved?.localDate).toBe(expected.localDate);
    expect(resolved?.toleranceSeconds).toBe(expected.toleranceSeconds);
    expect(resolved?.ambiguousLocalTime).toBe(expected.ambiguousLocalTime);
  });
});

describe('resolving labels outside the table', () => {
  const options = { now: new Date('2026-03-09T23:30:00Z'), timeZone: 'Europe/Berlin' };

  it.each(['Promoted', '5x', '', 'Jun 32', 'Smarch 3', 'Funday'])(
    'resolves nothing from the text "%s"',
    (text) => {
      expect(resolveLinkedInTime({ text }, options)).toBeNull();
    },
  );

  it.each(['25:00', '13:00 PM', '0:30 AM', '9:75'])(
    'resolves nothing from the clock "%s"',
    (clock) => {
      expect(resolveLinkedInTime({ heading: 'Today', clock }, options)).toBeNull();
    },
  );

  it('resolves "Feb 29" without a year to the last leap year', () => {
    const resolved = resolveLinkedInTime({ heading: 'Feb 29' }, options);

    expect(resolved?.localDate).toBe('2024-02-29');
  });

  it('resolves a heading with a year to that year, even in the past', () => {
    const resolved = resolveLinkedInTime({ heading: 'Jun 12, 2024', clock: '11:16 AM' }, options);

    expect(resolved?.at).toBe('2024-06-12T09:16:00Z');
  });

  it('resolves a weekday written before a date by the date', () => {
    const resolved = resolveLinkedInTime({ heading: 'Monday, Mar 2' }, options);

    expect(resolved?.localDate).toBe('2026-03-02');
  });

  it('resolves a date-only datetime attribute to that day', () => {
    const resolved = resolveLinkedInTime({ datetime: '2026-02-01', text: '3w' }, options);

    expect(resolved).toMatchObject({ at: null, precision: 'day', localDate: '2026-02-01' });
  });

  it('reads a plain string as the visible text', () => {
    const resolved = resolveLinkedInTime('2 hours ago', options);

    expect(resolved?.at).toBe('2026-03-09T21:30:00Z');
  });

  it('resolves nothing from English-looking labels in another locale rather than guess', () => {
    const resolved = resolveLinkedInTime(
      { heading: 'Today', clock: '9:00' },
      { ...options, locale: 'de' },
    );

    expect(resolved).toBeNull();
  });
});
