import type { IDBPCursorWithValue, IDBPIndex, IDBPObjectStore } from 'idb';
import type { Contact } from '../model/contact';
import { INDEX } from './db';
import type { RapportDB, RapportSchema } from './db';
import { ListLimit } from './due';
import { DAY_MS } from './touch-due';
import { inReadTx, validated } from './tx';

export interface KeepInTouchItem {
  contact: Contact;
  /** When the contact became due for a touch. */
  dueAt: string;
  cadenceDays: number;
  /** The latest touch that still stands, null when the contact was never touched. */
  lastTouchAt: string | null;
  /**
   * How far past its cadence the contact is: 1 when it just became due, 2 when twice the
   * cadence has gone by without a touch. After a snooze it counts from the snooze's end.
   */
  overdueRatio: number;
}

export interface KeepInTouchList {
  /** Contacts due for a touch, the most overdue for their cadence first. */
  items: KeepInTouchItem[];
  /** Contacts due too, left out by the limit: the least overdue ones. */
  more: number;
}

export interface KeepInTouchOptions {
  /** At most this many contacts; `Infinity` for all of them. */
  limit?: number;
}

export const KEEP_IN_TOUCH_LIMIT = 50;

type ContactStore = IDBPObjectStore<RapportSchema, ['contacts'], 'contacts', 'readonly'>;
type DueIndex = IDBPIndex<RapportSchema, ['contacts'], 'contacts', 'by-touch-due', 'readonly'>;
type DueCursor = IDBPCursorWithValue<
  RapportSchema,
  ['contacts'],
  'contacts',
  'by-touch-due',
  'readonly'
>;

/**
 * Contacts due for a touch at `now`, the most overdue first, measured against their own
 * cadence: three weeks without a touch weighs more on a weekly contact than on a monthly one.
 * `more` counts the due contacts left out, which walks the index's whole due stretch; to show
 * the list before that count, use `listMostOverdue` and then `countKeepInTouch`.
 *
 * Example: `const { items, more } = await listKeepInTouch(db, new Date(), { limit: 20 })`.
 */
export async function listKeepInTouch(
  db: RapportDB,
  now: Date,
  options: KeepInTouchOptions = {},
): Promise<KeepInTouchList> {
  const limit = checkedLimit(options);

  return inReadTx(db, ['contacts'], async (tx) => {
    const { byDue, ranges } = await dueStretches(tx.objectStore('contacts'), now);
    const [items, total] = await Promise.all([
      mostOverdue(byDue, ranges, limit, now),
      countIn(byDue, ranges),
    ]);

    return { items, more: Math.max(0, total - items.length) };
  });
}

/**
 * The first `limit` contacts of `listKeepInTouch`, without counting the others. Within one
 * cadence the earliest due is the most overdue, so the `[cadenceDays, touchDueAt]` index holds
 * each cadence's contacts in order: one cursor per cadence in use walks its due stretch and the
 * cursors are merged, reading about `limit` contacts however many are stored or due.
 */
export async function listMostOverdue(
  db: RapportDB,
  now: Date,
  options: KeepInTouchOptions = {},
): Promise<KeepInTouchItem[]> {
  const limit = checkedLimit(options);

  return inReadTx(db, ['contacts'], async (tx) => {
    const { byDue, ranges } = await dueStretches(tx.objectStore('contacts'), now);

    return mostOverdue(byDue, ranges, limit, now);
  });
}

/** How many contacts are due for a touch at `now`, counted by the index without reading them. */
export async function countKeepInTouch(db: RapportDB, now: Date): Promise<number> {
  return inReadTx(db, ['contacts'], async (tx) => {
    const { byDue, ranges } = await dueStretches(tx.objectStore('contacts'), now);

    return countIn(byDue, ranges);
  });
}

function checkedLimit(options: KeepInTouchOptions): number {
  return validated(ListLimit, options.limit ?? KEEP_IN_TOUCH_LIMIT, 'keep-in-touch list');
}

interface DueStretches {
  byDue: DueIndex;
  /** For each cadence in use, the stretch of its contacts due up to `now`. */
  ranges: IDBKeyRange[];
}

async function dueStretches(store: ContactStore, now: Date): Promise<DueStretches> {
  const byDue = store.index(INDEX.contactByTouchDue);
  const until = now.toISOString();

  const cadences = await cadencesInUse(byDue);

  // `[days]` sorts before every `[days, time]`, so the stretch starts at the cadence's first.
  const ranges = cadences.map((days) => IDBKeyRange.bound([days], [days, until]));

  return { byDue, ranges };
}

async function countIn(index: DueIndex, ranges: IDBKeyRange[]): Promise<number> {
  const counts = await Promise.all(ranges.map((range) => index.count(range)));

  return counts.reduce((sum, count) => sum + count, 0);
}

/**
 * The distinct cadences in the due index, one seek each: `[days, []]` sorts after every
 * `[days, time]`, as arrays sort after strings, so the first key above it has the next cadence.
 * (A `nextunique` cursor would do the same, but some IndexedDB implementations walk every
 * duplicate to find the next unique key.)
 */
async function cadencesInUse(index: DueIndex): Promise<number[]> {
  const days: number[] = [];
  let cursor = await index.openKeyCursor();

  while (cursor) {
    const [current] = cursor.key;
    days.push(current);
    cursor = await index.openKeyCursor(IDBKeyRange.lowerBound([current, []], true));
  }

  return days;
}

interface Head {
  cursor: DueCursor;
  item: KeepInTouchItem;
}

/** Merges the cadences' cursors, taking the most overdue head each time, up to `limit`. */
async function mostOverdue(
  index: DueIndex,
  ranges: IDBKeyRange[],
  limit: number,
  now: Date,
): Promise<KeepInTouchItem[]> {
  const cursors = await Promise.all(ranges.map((range) => index.openCursor(range)));
  const heads = cursors.flatMap((cursor) => headOf(cursor, now));
  const items: KeepInTouchItem[] = [];

  while (items.length < limit) {
    const head = heads.sort(mostOverdueFirst).shift();

    if (!head) break;

    items.push(head.item);

    // The last item needs no look ahead: leave the cursor where it is.
    if (items.length < limit) heads.push(...headOf(await head.cursor.continue(), now));
  }

  return items;
}

function headOf(cursor: DueCursor | null, now: Date): Head[] {
  const item = cursor && itemOf(cursor.value, now);

  return cursor && item ? [{ cursor, item }] : [];
}

function itemOf(contact: Contact, now: Date): KeepInTouchItem | null {
  const { cadenceDays, touchDueAt } = contact;

  // The index holds only contacts with both fields.
  if (cadenceDays === undefined || touchDueAt === undefined) return null;

  return {
    contact,
    dueAt: touchDueAt,
    cadenceDays,
    lastTouchAt: contact.lastTouchAt ?? null,
    overdueRatio: overdueRatio(touchDueAt, cadenceDays, now),
  };
}

/**
 * Time since the due date, in cadences, plus the one cadence it took to become due. Without a
 * snooze this is the time since the last touch divided by the cadence.
 */
function overdueRatio(dueAt: string, cadenceDays: number, now: Date): number {
  return (now.getTime() - Date.parse(dueAt)) / (cadenceDays * DAY_MS) + 1;
}

/** Most overdue first; equally overdue, the earlier due, then by id so the order is stable. */
function mostOverdueFirst(a: Head, b: Head): number {
  const x = a.item;
  const y = b.item;

  if (x.overdueRatio !== y.overdueRatio) return y.overdueRatio - x.overdueRatio;

  if (x.dueAt !== y.dueAt) return x.dueAt < y.dueAt ? -1 : 1;

  return x.contact.id < y.contact.id ? -1 : 1;
}
