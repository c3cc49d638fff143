import { z } from 'zod';
import { addDays } from '../dates';
import type { Contact } from '../model/contact';
import { LocalDate } from '../model/next-step';
import type { NextStep } from '../model/next-step';
import type { RapportDB } from './db';
import { INDEX } from './db';
import { inReadTx, validated } from './tx';

export interface DueItem {
  step: NextStep;
  contact: Contact;
}

export interface DueFollowUps {
  overdue: DueItem[];
  today: DueItem[];
  upcoming: DueItem[];
  /**
   * Steps due within the horizon that were left out by the limit: the latest due ones. Null
   * when the caller chose not to count them (see `countMore`).
   */
  more: number | null;
}

/** More than a popup can show, few enough to read at once even for a rep with a backlog. */
export const DUE_LIST_LIMIT = 200;

// IndexedDB reads a count of 0 as "no limit", so a limit must be at least 1.
export const ListLimit = z.union([z.number().int().min(1), z.literal(Infinity)]);

export interface DueListOptions {
  /** At most this many steps, the earliest due first; `Infinity` for all of them. */
  limit?: number;
  /**
   * Whether to count the steps left out (default true). Counting walks the whole stretch of
   * the index, so a page that shows the list first may count afterwards with `countDueWithin`.
   */
  countMore?: boolean;
}

/**
 * Open next steps due up to `horizonDays` after `today`, split into overdue, due today and
 * upcoming, each ordered by due date. Reads only that stretch of the `openDue` index, which
 * holds no done steps, and then each listed step's contact by id.
 */
export async function listDueFollowUps(
  db: RapportDB,
  today: LocalDate,
  horizonDays = 7,
  options: DueListOptions = {},
): Promise<DueFollowUps> {
  const day = validated(LocalDate, today, 'due list');
  const until = IDBKeyRange.upperBound(addDays(day, horizonDays));
  const limit = validated(ListLimit, options.limit ?? DUE_LIST_LIMIT, 'due list');

  const counting = options.countMore !== false;

  const { items, total } = await inReadTx(db, ['nextSteps', 'contacts'], async (tx) => {
    const index = tx.objectStore('nextSteps').index(INDEX.stepByOpenDue);
    const [steps, count] = await Promise.all([
      index.getAll(until, Number.isFinite(limit) ? limit : undefined),
      counting ? index.count(until) : null,
    ]);
    const contacts = tx.objectStore('contacts');
    const owners = await Promise.all(steps.map((step) => contacts.get(step.contactId)));

    return { items: withContacts(steps, owners), total: count };
  });

  const more = total === null ? null : Math.max(0, total - items.length);

  return { ...groupByDay(items, day), more };
}

/** How many open steps are due up to `horizonDays` after `today`, counted by the index. */
export async function countDueWithin(
  db: RapportDB,
  today: LocalDate,
  horizonDays = 7,
): Promise<number> {
  const day = validated(LocalDate, today, 'due list');
  const until = IDBKeyRange.upperBound(addDays(day, horizonDays));

  return inReadTx(db, ['nextSteps'], (tx) =>
    tx.objectStore('nextSteps').index(INDEX.stepByOpenDue).count(until),
  );
}

/**
 * Deleting a contact deletes its steps in the same transaction, so an orphan step can only
 * come from damaged data; it is left out rather than failing the whole list.
 */
function withContacts(steps: NextStep[], owners: (Contact | undefined)[]): DueItem[] {
  return steps.flatMap((step, i) => {
    const contact = owners[i];

    return contact ? [{ step, contact }] : [];
  });
}

type Groups = Omit<DueFollowUps, 'more'>;

function groupByDay(items: DueItem[], today: LocalDate): Groups {
  const groups: Groups = { overdue: [], today: [], upcoming: [] };

  for (const item of items) {
    const due = item.step.due;
    const group = due < today ? groups.overdue : due === today ? groups.today : groups.upcoming;
    group.push(item);
  }

  return groups;
}

/** How many open steps are due before `today`, counted by the index without reading them. */
export async function countOverdue(db: RapportDB, today: LocalDate): Promise<number> {
  const day = validated(LocalDate, today, 'due list');

  const beforeToday = IDBKeyRange.upperBound(day, true);

  return inReadTx(db, ['nextSteps'], (tx) =>
    tx.objectStore('nextSteps').index(INDEX.stepByOpenDue).count(beforeToday),
  );
}
