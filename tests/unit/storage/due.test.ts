import { describe, expect, it } from 'vitest';
import { saveContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { countDueWithin, countOverdue, listDueFollowUps } from '@/lib/storage/due';
import { completeNextStep, setNextStep } from '@/lib/storage/next-steps';
import { NOW, draft, freshDb } from './fixtures';

const TODAY = '2026-03-10';

async function contactDueOn(db: RapportDB, slug: string, due: string): Promise<string> {
  const { contact } = await saveContact(db, draft(slug), { now: NOW });
  const step = await setNextStep(db, contact.id, `Follow up with ${slug}`, due, NOW);

  return step.id;
}

describe('the due follow-ups', () => {
  it('groups open steps into overdue, today and upcoming, each by due date', async () => {
    const db = await freshDb();
    await contactDueOn(db, 'upcoming-last', '2026-03-17');
    await contactDueOn(db, 'overdue-recent', '2026-03-08');
    await contactDueOn(db, 'due-today', '2026-03-10');
    await contactDueOn(db, 'beyond-horizon', '2026-03-18');
    await contactDueOn(db, 'overdue-old', '2026-02-01');
    await contactDueOn(db, 'upcoming-soon', '2026-03-11');
    const done = await contactDueOn(db, 'already-done', '2026-03-09');
    await completeNextStep(db, done, NOW);

    const due = await listDueFollowUps(db, TODAY);

    const names = (items: typeof due.overdue) =>
      items.map(({ step, contact }) => [step.due, contact.name.display]);
    expect(names(due.overdue)).toEqual([
      ['2026-02-01', 'Overdue Old'],
      ['2026-03-08', 'Overdue Recent'],
    ]);
    expect(names(due.today)).toEqual([['2026-03-10', 'Due Today']]);
    expect(names(due.upcoming)).toEqual([
      ['2026-03-11', 'Upcoming Soon'],
      ['2026-03-17', 'Upcoming Last'],
    ]);
  });

  it('looks as far ahead as the horizon asks', async () => {
    const db = await freshDb();
    await contactDueOn(db, 'in-two-days', '2026-03-12');
    await contactDueOn(db, 'in-five-days', '2026-03-15');

    const due = await listDueFollowUps(db, TODAY, 2);

    expect(due.upcoming.map(({ step }) => step.due)).toEqual(['2026-03-12']);
  });

  it('reads a bounded stretch of the open-due index, not the whole store', async () => {
    const db = await freshDb();
    await contactDueOn(db, 'due-today', '2026-03-10');
    const storeGetAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const storeCursor = vi.spyOn(IDBObjectStore.prototype, 'openCursor');
    const indexGetAll = vi.spyOn(IDBIndex.prototype, 'getAll');

    await listDueFollowUps(db, TODAY);

    expect(storeGetAll).not.toHaveBeenCalled();
    expect(storeCursor).not.toHaveBeenCalled();
    const [index] = indexGetAll.mock.contexts as IDBIndex[];
    const [range] = indexGetAll.mock.calls[0] ?? [];
    expect(index?.name).toBe('by-open-due');
    expect(range).toMatchObject({ upper: '2026-03-17', upperOpen: false });
  });

  it('lists the earliest due steps up to the limit and counts the rest', async () => {
    const db = await freshDb();
    await contactDueOn(db, 'due-today', '2026-03-10');
    await contactDueOn(db, 'overdue-old', '2026-02-01');
    await contactDueOn(db, 'upcoming-soon', '2026-03-11');
    await contactDueOn(db, 'overdue-recent', '2026-03-08');

    const due = await listDueFollowUps(db, TODAY, 7, { limit: 3 });

    expect(due.overdue.map(({ step }) => step.due)).toEqual(['2026-02-01', '2026-03-08']);
    expect(due.today.map(({ step }) => step.due)).toEqual(['2026-03-10']);
    expect(due.upcoming).toEqual([]);
    expect(due.more).toBe(1);
  });

  it('leaves the rest uncounted when asked to, for the page to count after showing the list', async () => {
    const db = await freshDb();
    await contactDueOn(db, 'due-today', '2026-03-10');
    await contactDueOn(db, 'overdue-old', '2026-02-01');
    await contactDueOn(db, 'upcoming-soon', '2026-03-11');
    await contactDueOn(db, 'beyond-horizon', '2026-03-18');

    const due = await listDueFollowUps(db, TODAY, 7, { limit: 2, countMore: false });
    const total = await countDueWithin(db, TODAY, 7);

    expect(due.more).toBeNull();
    expect(due.overdue.length + due.today.length).toBe(2);
    expect(total).toBe(3);
  });

  it('refuses a limit of zero, which IndexedDB would read as no limit', async () => {
    const db = await freshDb();

    const listing = listDueFollowUps(db, TODAY, 7, { limit: 0 });

    await expect(listing).rejects.toMatchObject({ code: 'invalid-record' });
  });

  it('is empty when nothing is due', async () => {
    const db = await freshDb();

    const due = await listDueFollowUps(db, TODAY);

    expect(due).toEqual({ overdue: [], today: [], upcoming: [], more: 0 });
  });

  it('counts the overdue steps only', async () => {
    const db = await freshDb();
    await contactDueOn(db, 'overdue-old', '2026-02-01');
    await contactDueOn(db, 'overdue-recent', '2026-03-09');
    await contactDueOn(db, 'due-today', '2026-03-10');
    const done = await contactDueOn(db, 'already-done', '2026-03-01');
    await completeNextStep(db, done, NOW);

    const overdue = await countOverdue(db, TODAY);

    expect(overdue).toBe(2);
  });
});
