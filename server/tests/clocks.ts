/**
 * The time the tests are set at, and clock values around it, written the way devices write
 * them: `<ms, 13 digits>.<counter, 6 digits>.<device>`.
 */
export const T = Date.UTC(2026, 11, 4, 9, 0, 0);

/** The clock value of a change made `seconds` after T (or before, when negative). */
export function at(seconds: number, device = 'laptop', counter = 0): string {
  return `${T + seconds * 1000}.${String(counter).padStart(6, '0')}.${device}`;
}
