import { describe, expect, it } from 'vitest';
import type { Stage } from '@/lib/model/cadence';
import { snoozeKeepInTouch } from '@/lib/storage/cadence';
import { saveContact, updateContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { InvalidRecordError } from '@/lib/storage/errors';
import { countKeepInTouch, listKeepInTouch, listMostOverdue } from '@/lib/storage/keep-in-touch';
import type { KeepInTouchItem } from '@/lib/storage/keep-in-touch';
import { logTouch } from '@/lib/storage/touches';
import { NOW, draft, freshDb } from './fixtures';

/** Long before any touch below, so that every contact counts from its last touch. */
const SAVED_AT = new Date('2025-06-01T09:00:00.000Z');

interface Someone {
  slug: string;
  stage: Stage;
  lastTouch: string | null;
  keepInTouchDays?: number;
}

async function save(db: RapportDB, someone: Someone): Promise<string> {
  const { slug, stage, lastTouch, keepInTouchDays = null } = someone;
  const { contact } = await saveContact(db, draft(slug, { stage, keepInTouchDays }), {
    now: SAVED_AT,
  });

  if (lastTouch !== null) {
    const touch = { at: lastTouch, channel: 'meeting', direction: 'outbound' } as const;
    await logTouch(db, { ...touch, contactId: contact.id, summary: 'Met' }, SAVED_AT);
  }

  return contact.id;
}

/**
 * At NOW (2026-03-10 09:00 UTC). Longest untouched first: Carl (90 days), Gita (35), Olga (33),
 * Wendy (10.5); but measured in their own cadences Gita is the furthest behind.
 */
const PEOPLE: Someone[] = [
  { slug: 'weekly-wendy', stage: 'connection', lastTouch: '2026-02-27T21:00:00.000Z' },
  { slug: 'client-carl', stage: 'retention', lastTouch: '2025-12-10T09:00:00.000Z' },
  { slug: 'growing-gita', stage: 'development', lastTouch: '2026-02-03T09:00:00.000Z' },
  {
    slug: 'own-olga',
    stage: 'commercial',
    lastTouch: '2026-02-05T09:00:00.000Z',
    keepInTouchDays: 30,
  },
  { slug: 'recent-rita', stage: 'connection', lastTouch: '2026-03-07T09:00:00.000Z' },
  { slug: 'spotted-sam', stage: 'identification', lastTouch: null },
];

async function seed(db: RapportDB): Promise<Map<string, string>> {
  const ids = new Map<string, string>();

  for (const someone of PEOPLE) ids.set(someone.slug, await save(db, someone));

  return ids;
}

function ranked(items: KeepInTouchItem[]): [string, number][] {
  return items.map((item) => [item.contact.name.display, item.overdueRatio]);
}

describe('the contacts to keep in touch with', () => {
  it('puts the most overdue for its cadence first, not the longest untouched', async () => {
    const db = await freshDb();
    await seed(db);

    const due = await listKeepInTouch(db, NOW);

    expect(ranked(due.items)).toEqual([
      ['Growing Gita', 2.5],
      ['Client Carl', 2],
      ['Weekly Wendy', 1.5],
      ['Own Olga', 1.1],
    ]);
    expect(due.more).toBe(0);
  });

  it('tells when each became due, its cadence and its last touch', async () => {
    const db = await freshDb();
    await seed(db);

    const due = await listKeepInTouch(db, NOW);

    const olga = due.items.find((item) => item.contact.key === 'own-olga');
    expect(olga).toMatchObject({
      dueAt: '2026-03-07T09:00:00.000Z',
      cadenceDays: 30,
      lastTouchAt: '2026-02-05T09:00:00.000Z',
      overdueRatio: 1.1,
    });
  });

  it('counts a contact never touched from when it entered its stage', async () => {
    const db = await freshDb();
    await save(db, { slug: 'mia-partner', stage: 'retention', lastTouch: null });

    const due = await listKeepInTouch(db, new Date('2025-10-14T09:00:00.000Z'));

    expect(due.items).toHaveLength(1);
    expect(due.items[0]).toMatchObject({
      dueAt: '2025-07-16T09:00:00.000Z',
      cadenceDays: 45,
      lastTouchAt: null,
      overdueRatio: 3,
    });
  });

  it('lists the most overdue up to the limit and counts the rest', async () => {
    const db = await freshDb();
    await seed(db);

    const due = await listKeepInTouch(db, NOW, { limit: 2 });
    const all = await listKeepInTouch(db, NOW, { limit: Infinity });

    expect(ranked(due.items)).toEqual([
      ['Growing Gita', 2.5],
      ['Client Carl', 2],
    ]);
    expect(due.more).toBe(2);
    expect([all.items.length, all.more]).toEqual([4, 0]);
    expect(await countKeepInTouch(db, NOW)).toBe(4);
  });

  it('gives the same first contacts without counting the others', async () => {
    const db = await freshDb();
    await seed(db);

    const first = await listMostOverdue(db, NOW, { limit: 3 });

    expect(ranked(first)).toEqual([
      ['Growing Gita', 2.5],
      ['Client Carl', 2],
      ['Weekly Wendy', 1.5],
    ]);
  });

  it('refuses a limit of zero, which IndexedDB would read as no limit', async () => {
    const db = await freshDb();

    const listing = listKeepInTouch(db, NOW, { limit: 0 });

    await expect(listing).rejects.toThrow(InvalidRecordError);
  });

  it('is empty when nobody is due', async () => {
    const db = await freshDb();
    await save(db, { slug: 'recent-rita', stage: 'connection', lastTouch: '2026-03-07T09:00:00Z' });

    const due = await listKeepInTouch(db, NOW);

    expect(due).toEqual({ items: [], more: 0 });
    expect(await countKeepInTouch(db, NOW)).toBe(0);
  });

  it('leaves out a contact that is not a fit', async () => {
    const db = await freshDb();
    const ids = await seed(db);

    await updateContact(db, ids.get('growing-gita') ?? '', { status: 'not-a-fit' }, NOW);

    const due = await listKeepInTouch(db, NOW);
    expect(due.items.map((item) => item.contact.key)).toEqual([
      'client-carl',
      'weekly-wendy',
      'own-olga',
    ]);
  });

  it('leaves out a snoozed contact until the snooze ends, then counts from its end', async () => {
    const db = await freshDb();
    const ids = await seed(db);
    const gita = ids.get('growing-gita') ?? '';

    await snoozeKeepInTouch(db, ids.get('client-carl') ?? '', 7, NOW);
    await snoozeKeepInTouch(db, gita, 14, new Date('2026-02-17T09:00:00.000Z'));

    const due = await listKeepInTouch(db, NOW);
    // Gita and Wendy are equally overdue; Gita became due first.
    expect(ranked(due.items)).toEqual([
      ['Growing Gita', 1.5],
      ['Weekly Wendy', 1.5],
      ['Own Olga', 1.1],
    ]);
    expect(due.items[0]?.dueAt).toBe('2026-03-03T09:00:00.000Z');
  });
});

describe('reading the contacts to keep in touch with', () => {
  it('uses the due index, one stretch per cadence, and never the whole store', async () => {
    const db = await freshDb();
    await seed(db);
    const storeGetAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const storeCursor = vi.spyOn(IDBObjectStore.prototype, 'openCursor');
    const indexCursor = vi.spyOn(IDBIndex.prototype, 'openCursor');
    const keyCursor = vi.spyOn(IDBIndex.prototype, 'openKeyCursor');

    await listKeepInTouch(db, NOW);

    expect(storeGetAll).not.toHaveBeenCalled();
    expect(storeCursor).not.toHaveBeenCalled();
    // One seek for each cadence in use, and one that finds no more.
    expect(
      keyCursor.mock.calls.map(([range]) => (range as IDBKeyRange | undefined)?.lower),
    ).toEqual([undefined, [7, []], [14, []], [30, []], [45, []]]);
    expect(indexCursor.mock.contexts.map((index) => (index as IDBIndex).name)).toEqual([
      'by-touch-due',
      'by-touch-due',
      'by-touch-due',
      'by-touch-due',
    ]);
    expect(indexCursor.mock.calls.map(([range]) => (range as IDBKeyRange).lower)).toEqual([
      [7],
      [14],
      [30],
      [45],
    ]);
  });

  it('walks a cadence’s contacts in order with a cursor, neither reading all nor counting', async () => {
    const db = await freshDb();
    const weekly = Array.from({ length: 10 }, (_, i) => ({
      slug: `weekly-${i}`,
      stage: 'connection' as const,
      lastTouch: `2026-02-${String(19 - i).padStart(2, '0')}T09:00:00.000Z`,
    }));
    for (const someone of weekly) await save(db, someone);
    const indexGetAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const indexCount = vi.spyOn(IDBIndex.prototype, 'count');

    const due = await listMostOverdue(db, NOW, { limit: 3 });

    expect(due.map((item) => item.contact.key)).toEqual(['weekly-9', 'weekly-8', 'weekly-7']);
    expect(indexGetAll).not.toHaveBeenCalled();
    expect(indexCount).not.toHaveBeenCalled();
  });
});
