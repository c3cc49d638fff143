import { describe, expect, it } from 'vitest';
import type { ContactEdit } from '@/lib/model/contact';
import type { Channel, Direction } from '@/lib/model/touch';
import { getContact, saveContact, updateContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { countRepliesDue, listRepliesDue } from '@/lib/storage/replies';
import { logTouch, logTouches } from '@/lib/storage/touches';
import { LATER, NOW, draft, freshDb } from './fixtures';

/** Logs a touch at `time` on 9 March 2026, UTC, and returns its id. */
async function logAt(
  db: RapportDB,
  contactId: string,
  time: string,
  direction: Direction,
  more: { channel?: Channel; supersedes?: string } = {},
): Promise<string> {
  const touch = await logTouch(
    db,
    {
      contactId,
      at: `2026-03-09T${time}:00.000Z`,
      channel: more.channel ?? 'linkedin-message',
      direction,
      summary: `${direction} at ${time}`,
      supersedes: more.supersedes ?? null,
    },
    NOW,
  );

  return touch.id;
}

async function contactOf(db: RapportDB, slug: string): Promise<string> {
  return (await saveContact(db, draft(slug), { now: NOW })).contact.id;
}

async function waitingSince(db: RapportDB, id: string): Promise<string | undefined> {
  return (await getContact(db, id))?.awaitingReplySince;
}

describe('awaiting a reply', () => {
  it('starts with the oldest message the contact sent after the rep’s last one', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');

    await logAt(db, ada, '10:00', 'inbound');
    await logAt(db, ada, '10:01', 'outbound');
    await logAt(db, ada, '10:05', 'inbound');
    await logAt(db, ada, '10:09', 'inbound');

    expect(await waitingSince(db, ada)).toBe('2026-03-09T10:05:00.000Z');
  });

  it('ends when the rep answers and starts again when the contact writes back', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    await logAt(db, ada, '10:05', 'inbound');

    await logAt(db, ada, '10:10', 'outbound');
    const afterAnswer = await getContact(db, ada);
    await logAt(db, ada, '10:20', 'inbound');

    expect(afterAnswer).not.toHaveProperty('awaitingReplySince');
    expect(await waitingSince(db, ada)).toBe('2026-03-09T10:20:00.000Z');
  });

  it('counts messages on LinkedIn, InMail and email, but not calls or meetings', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    const grace = await contactOf(db, 'grace-hopper');
    await logAt(db, ada, '10:00', 'inbound', { channel: 'call' });
    await logAt(db, ada, '10:01', 'inbound', { channel: 'meeting' });
    await logAt(db, grace, '10:00', 'inbound', { channel: 'inmail' });
    await logAt(db, grace, '10:01', 'inbound', { channel: 'email' });

    await logAt(db, grace, '10:30', 'outbound', { channel: 'call' });

    expect(await waitingSince(db, ada)).toBeUndefined();
    expect(await waitingSince(db, grace)).toBe('2026-03-09T10:00:00.000Z');
  });

  it('goes by when the messages were sent, not when they were logged', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    await logAt(db, ada, '10:10', 'outbound');

    await logAt(db, ada, '10:05', 'inbound');

    expect(await waitingSince(db, ada)).toBeUndefined();
  });

  it('takes the rep’s message as the answer when both were sent in the same minute', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    await logAt(db, ada, '10:05', 'outbound');

    await logAt(db, ada, '10:05', 'inbound');

    expect(await waitingSince(db, ada)).toBeUndefined();
  });

  it('ends when the contact’s message is corrected into the rep’s own', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    const wrong = await logAt(db, ada, '10:05', 'inbound');

    await logAt(db, ada, '10:05', 'outbound', { supersedes: wrong });

    expect(await waitingSince(db, ada)).toBeUndefined();
  });

  it('starts again when the rep’s answer is corrected to an earlier time', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    await logAt(db, ada, '10:05', 'inbound');
    const answer = await logAt(db, ada, '10:10', 'outbound');

    await logAt(db, ada, '10:00', 'outbound', { supersedes: answer });

    expect(await waitingSince(db, ada)).toBe('2026-03-09T10:05:00.000Z');
  });

  it('is worked out for every contact of a batch', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    const grace = await contactOf(db, 'grace-hopper');
    const message = (contactId: string, at: string, direction: Direction) => ({
      contactId,
      at,
      channel: 'linkedin-message' as const,
      direction,
      summary: '',
    });

    await logTouches(db, [
      message(ada, '2026-03-09T10:01:00.000Z', 'inbound'),
      message(grace, '2026-03-09T10:01:00.000Z', 'inbound'),
      message(ada, '2026-03-09T10:02:00.000Z', 'outbound'),
      message(ada, '2026-03-09T10:03:00.000Z', 'inbound'),
    ]);

    expect(await waitingSince(db, ada)).toBe('2026-03-09T10:03:00.000Z');
    expect(await waitingSince(db, grace)).toBe('2026-03-09T10:01:00.000Z');
  });

  it('does not count as the rep updating the contact', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    const at = '2026-03-09T10:05:00.000Z';
    const touch = {
      contactId: ada,
      at,
      channel: 'email',
      direction: 'inbound',
      summary: '',
    } as const;

    await logTouch(db, touch, LATER);

    expect(await getContact(db, ada)).toMatchObject({
      awaitingReplySince: '2026-03-09T10:05:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
    });
  });

  it('cannot be set by the rep’s edits, and survives them', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    await logAt(db, ada, '10:05', 'inbound');
    const forged = { notes: 'Met at the fair', awaitingReplySince: NOW.toISOString() };

    const edited = await updateContact(db, ada, forged as ContactEdit, LATER);

    expect(edited).toMatchObject({
      notes: 'Met at the fair',
      awaitingReplySince: '2026-03-09T10:05:00.000Z',
      updatedAt: '2026-03-11T15:30:00.000Z',
    });
    expect((await getContact(db, ada))?.awaitingReplySince).toBe('2026-03-09T10:05:00.000Z');
  });

  it('reads only the contact’s own touches, through their index', async () => {
    const db = await freshDb();
    const ada = await contactOf(db, 'ada-lovelace');
    await logAt(db, ada, '10:05', 'inbound');
    const storeGetAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const storeCursor = vi.spyOn(IDBObjectStore.prototype, 'openCursor');
    const indexCursor = vi.spyOn(IDBIndex.prototype, 'openCursor');
    const indexGetAll = vi.spyOn(IDBIndex.prototype, 'getAll');

    await logAt(db, ada, '10:10', 'outbound');

    expect(storeGetAll).not.toHaveBeenCalled();
    expect(storeCursor).not.toHaveBeenCalled();
    expect(indexCursor).not.toHaveBeenCalled();
    const [index] = indexGetAll.mock.contexts as IDBIndex[];
    const [range] = indexGetAll.mock.calls[0] ?? [];
    expect(index?.name).toBe('by-contact-at');
    expect(range).toMatchObject({ lower: [ada], upper: [ada, []] });
  });
});

describe('the replies due', () => {
  /** Ada waits since 08:00, Grace since 09:00, Alan since 10:00; Katherine was answered. */
  async function seed(db: RapportDB): Promise<void> {
    await logAt(db, await contactOf(db, 'alan-turing'), '10:00', 'inbound');
    await logAt(db, await contactOf(db, 'ada-lovelace'), '08:00', 'inbound');
    const katherine = await contactOf(db, 'katherine-johnson');
    await logAt(db, katherine, '07:00', 'inbound');
    await logAt(db, katherine, '07:30', 'outbound');
    await logAt(db, await contactOf(db, 'grace-hopper'), '09:00', 'inbound');
  }

  it('lists the contacts awaiting a reply, the longest waiting first', async () => {
    const db = await freshDb();
    await seed(db);

    const due = await listRepliesDue(db);

    expect(due.contacts.map((c) => [c.name.display, c.awaitingReplySince])).toEqual([
      ['Ada Lovelace', '2026-03-09T08:00:00.000Z'],
      ['Grace Hopper', '2026-03-09T09:00:00.000Z'],
      ['Alan Turing', '2026-03-09T10:00:00.000Z'],
    ]);
    expect(due.more).toBe(0);
  });

  it('lists up to the limit and counts the rest', async () => {
    const db = await freshDb();
    await seed(db);

    const due = await listRepliesDue(db, { limit: 2 });

    expect(due.contacts.map((c) => c.name.display)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(due.more).toBe(1);
  });

  it('counts the contacts awaiting a reply', async () => {
    const db = await freshDb();
    await seed(db);

    const count = await countRepliesDue(db);

    expect(count).toBe(3);
  });

  it('is empty when nobody waits', async () => {
    const db = await freshDb();
    await contactOf(db, 'ada-lovelace');

    const due = await listRepliesDue(db);

    expect(due).toEqual({ contacts: [], more: 0 });
    expect(await countRepliesDue(db)).toBe(0);
  });

  it('refuses a limit of zero, which IndexedDB would read as no limit', async () => {
    const db = await freshDb();

    const listing = listRepliesDue(db, { limit: 0 });

    await expect(listing).rejects.toMatchObject({ code: 'invalid-record' });
  });
});
