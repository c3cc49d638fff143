import { describe, expect, it } from 'vitest';
import { Hlc, MAX_DRIFT_MS, compareHlc, newClock, observe, parseHlc, tick } from '@/lib/sync/hlc';

const T = Date.UTC(2026, 11, 4, 9, 0, 0);

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves on', () => {
    const first = tick(newClock('laptop'), T);
    const second = tick(first.clock, T + 5);

    expect(first.hlc).toBe(`${T}.000000.laptop`);
    expect(second.hlc).toBe(`${T + 5}.000000.laptop`);
  });

  it('counts changes made in the same millisecond, or while the wall clock goes back', () => {
    const first = tick(newClock('laptop'), T);
    const same = tick(first.clock, T);
    const back = tick(same.clock, T - 1_000);

    expect(compareHlc(first.hlc, same.hlc)).toBeLessThan(0);
    expect(compareHlc(same.hlc, back.hlc)).toBeLessThan(0);
    expect(parseHlc(back.hlc)).toEqual({ wall: T, counter: 2, deviceId: 'laptop' });
  });

  it('starts again from now once a date set days ahead on this device is put right', () => {
    const wrong = tick(newClock('laptop'), T + 3 * MAX_DRIFT_MS);
    const righted = tick(wrong.clock, T);
    const heard = observe(wrong.clock, `${T}.000000.desktop`, T);

    expect(parseHlc(righted.hlc).wall).toBe(T);
    expect(heard.wall).toBe(T);
  });

  it('keeps a clock at most a day ahead, as a slow wall clock would need', () => {
    const ahead = tick(newClock('laptop'), T + MAX_DRIFT_MS);
    const next = tick(ahead.clock, T);

    expect(parseHlc(next.hlc).wall).toBe(T + MAX_DRIFT_MS);
  });

  it('orders a change after one it heard of from a device whose clock runs ahead', () => {
    const ahead = tick(newClock('desktop'), T + 60_000).hlc;
    const heard = observe(newClock('laptop'), ahead, T);
    const reply = tick(heard, T + 1);

    expect(compareHlc(ahead, reply.hlc)).toBeLessThan(0);
  });

  it('ignores a clock value too far in the future, so it cannot drag every device along', () => {
    const far = tick(newClock('broken'), T + MAX_DRIFT_MS + 1).hlc;
    const clock = newClock('laptop');

    expect(observe(clock, far, T)).toEqual(clock);
  });

  it('moves to the next millisecond when the counter would overflow', () => {
    const full = { deviceId: 'laptop', wall: T, counter: 999_999 };

    expect(parseHlc(tick(full, T).hlc)).toEqual({ wall: T + 1, counter: 0, deviceId: 'laptop' });
  });

  it('breaks ties between devices by device id, so two changes never compare equal', () => {
    const a = tick(newClock('a'), T).hlc;
    const b = tick(newClock('b'), T).hlc;

    expect(compareHlc(a, b)).toBeLessThan(0);
    expect(compareHlc(b, a)).toBeGreaterThan(0);
  });

  it('accepts only well-formed clock values', () => {
    expect(Hlc.safeParse(`${T}.000001.laptop-2`).success).toBe(true);
    expect(Hlc.safeParse(`${T}.1.laptop`).success).toBe(false);
    expect(Hlc.safeParse(`${T}.000001.`).success).toBe(false);
    expect(Hlc.safeParse('yesterday').success).toBe(false);
  });
});
