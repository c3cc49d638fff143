import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, todayIn } from '@/lib/dates';

describe('calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds whole days over a daylight-saving change', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('rejects a date that is not YYYY-MM-DD and a fractional count', () => {
    expect(() => addDays('10/03/2026', 1)).toThrow();
    expect(() => addDays('2026-03-10', 0.5)).toThrow(RangeError);
  });

  it('tells today’s date in a given time zone', () => {
    const now = new Date('2026-03-10T23:30:00.000Z');

    expect(todayIn('Asia/Tokyo', now)).toBe('2026-03-11');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-03-10');
    expect(todayIn('UTC', now)).toBe('2026-03-10');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2026-03-10', '2026-03-17')).toBe(7);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });
});
