import { todayIn } from './dates';
import type { RapportDB } from './storage/db';
import { countDueWithin, countOverdue } from './storage/due';
import { countKeepInTouch } from './storage/keep-in-touch';
import { countRepliesDue } from './storage/replies';

/**
 * How much is waiting for the rep, one count per kind of work. A new kind is one more field
 * here and one more line in the reminder, which its type then asks for.
 */
export interface DueSummary {
  /** Contacts whose latest message the rep has not answered, as in the popup's list. */
  repliesDue: number;
  /** Open next steps due before today. */
  overdue: number;
  /** Open next steps due today. */
  dueToday: number;
  /** Contacts past their cadence: due for a touch with no step needed. */
  keepInTouch: number;
}

/**
 * Counts what is due at `now`, by the indexes, without reading the records. Days are the
 * browser's, as in the popup, so the counts match what it lists.
 *
 * @example await dueSummary(db, new Date()) // { repliesDue: 2, overdue: 1, dueToday: 3 }
 */
export async function dueSummary(db: RapportDB, now: Date): Promise<DueSummary> {
  const today = todayIn(undefined, now);

  const [repliesDue, overdue, dueByToday, keepInTouch] = await Promise.all([
    countRepliesDue(db),
    countOverdue(db, today),
    countDueWithin(db, today, 0),
    countKeepInTouch(db, now),
  ]);

  // Two counts from separate reads: a step done in between must not make this negative.
  return { repliesDue, overdue, dueToday: Math.max(0, dueByToday - overdue), keepInTouch };
}

export function nothingDue(summary: DueSummary): boolean {
  return Object.values(summary).every((count) => count === 0);
}
