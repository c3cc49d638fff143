import { z } from 'zod';

/**
 * Hybrid logical clocks: a timestamp that follows the wall clock when it can and a counter when
 * it cannot (two changes in the same millisecond, or a device whose clock runs behind one it
 * heard from), so that every change made after seeing another sorts after it.
 *
 * A clock value is written as `<ms since epoch, 13 digits>.<counter, 6 digits>.<device id>`:
 * plain string order is clock order, which the server's indexes and the merge rules both use.
 * The device id at the end breaks ties, so two different changes never compare equal.
 */
export const DeviceId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A device id is letters, digits, "-" and "_".');
export type DeviceId = z.infer<typeof DeviceId>;

export const Hlc = z
  .string()
  .regex(
    /^\d{13}\.\d{6}\.[A-Za-z0-9_-]{1,64}$/,
    'A clock value is "<13 digits>.<6 digits>.<device>".',
  );
export type Hlc = z.infer<typeof Hlc>;

/** The state a device keeps between changes: the highest clock value it has made or seen. */
export interface Clock {
  deviceId: DeviceId;
  wall: number;
  counter: number;
}

const MAX_COUNTER = 999_999;

/** How far ahead of this device's own time a remote clock may be before it is refused. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export function newClock(deviceId: DeviceId): Clock {
  return { deviceId, wall: 0, counter: 0 };
}

/** The clock value for a change made now on this device, and the clock that follows it. */
export function tick(current: Clock, nowMs: number): { clock: Clock; hlc: Hlc } {
  const clock = sane(current, nowMs);
  const next =
    nowMs > clock.wall
      ? { ...clock, wall: nowMs, counter: 0 }
      : { ...clock, counter: clock.counter + 1 };

  const clockAfter = carried(next);

  return { clock: clockAfter, hlc: formatHlc(clockAfter) };
}

/**
 * Moves the clock past a value heard from another device, so the next local change sorts after
 * it even when this device's wall clock runs behind.
 */
export function observe(current: Clock, remote: Hlc, nowMs: number): Clock {
  const clock = sane(current, nowMs);
  const { wall, counter } = parseHlc(remote);

  // A clock far in the future would drag every device's clock with it, for good.
  if (wall > nowMs + MAX_DRIFT_MS) return clock;

  const top = Math.max(clock.wall, wall, nowMs);
  let nextCounter = 0;

  if (top === clock.wall && top === wall) nextCounter = Math.max(clock.counter, counter) + 1;
  else if (top === clock.wall) nextCounter = clock.counter + 1;
  else if (top === wall) nextCounter = counter + 1;

  return carried({ ...clock, wall: top, counter: nextCounter });
}

/**
 * The clock, or a fresh one from now when it is further ahead than any clock is let be: only
 * this device's own date, wrong when it made changes and put right since, can have taken it
 * there, and the server refuses changes dated that far ahead, so staying there would stop this
 * device syncing for good.
 */
function sane(clock: Clock, nowMs: number): Clock {
  return clock.wall > nowMs + MAX_DRIFT_MS ? { ...clock, wall: nowMs, counter: 0 } : clock;
}

/** Whether a clock value is further ahead of `nowMs` than the server accepts. */
export function tooFarAhead(hlc: Hlc, nowMs: number): boolean {
  return parseHlc(hlc).wall > nowMs + MAX_DRIFT_MS;
}

/** A counter that overflows moves the clock one millisecond on, which keeps the order. */
function carried(clock: Clock): Clock {
  if (clock.counter <= MAX_COUNTER) return clock;

  return { ...clock, wall: clock.wall + 1, counter: 0 };
}

export function formatHlc(clock: Clock): Hlc {
  const wall = String(clock.wall).padStart(13, '0');
  const counter = String(clock.counter).padStart(6, '0');

  return `${wall}.${counter}.${clock.deviceId}`;
}

export function parseHlc(hlc: Hlc): { wall: number; counter: number; deviceId: DeviceId } {
  const [wall = '', counter = '', ...device] = hlc.split('.');

  return { wall: Number(wall), counter: Number(counter), deviceId: device.join('.') };
}

/** Negative when `a` happened before `b`; never 0 for values from different changes. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a === b) return 0;

  return a < b ? -1 : 1;
}

export function laterHlc(a: Hlc, b: Hlc): Hlc {
  return compareHlc(a, b) >= 0 ? a : b;
}
