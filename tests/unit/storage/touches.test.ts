import { describe, expect, it } from 'vitest';
import { messageRef } from '@/lib/model/touch';
import type { NewTouch } from '@/lib/model/touch';
import { getContact, saveContact } from '@/lib/storage/contacts';
import { InvalidRecordError, NotFoundError, StorageFullError } from '@/lib/storage/errors';
import { lastTouch, listTouches, logTouch, logTouches } from '@/lib/storage/touches';
import { LATER, NOW, draft, failNthWrite, freshDb } from './fixtures';

const call = { channel: 'call', direction: 'outbound' } as const;

describe('logging touches', () => {
  it('lists a contact’s touches newest first, stored in UTC', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const other = (await saveContact(db, draft('grace-hopper'), { now: NOW })).contact;
    const log = (at: string, summary: string, contactId = contact.id) =>
      logTouch(db, { ...call, contactId, at, summary }, NOW);
    await log('2026-03-02T10:00:00.000Z', 'first call');
    await log('2026-03-05T11:00:00+02:00', 'third call');
    await log('2026-03-05T08:30:00.000Z', 'second call');
    await log('2026-03-09T10:00:00.000Z', 'someone else', other.id);

    const touches = await listTouches(db, contact.id);

    expect(touches.map((t) => [t.at, t.summary, t.supersededBy])).toEqual([
      ['2026-03-05T09:00:00.000Z', 'third call', null],
      ['2026-03-05T08:30:00.000Z', 'second call', null],
      ['2026-03-02T10:00:00.000Z', 'first call', null],
    ]);
  });

  it('keeps a corrected touch in the history, marked with its correction', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const wrong = await logTouch(db, {
      ...call,
      contactId: contact.id,
      at: '2026-03-09T10:00:00.000Z',
      summary: 'Called about pricing',
    });

    const fix = await logTouch(db, {
      ...call,
      contactId: contact.id,
      at: '2026-03-08T10:00:00.000Z',
      summary: 'Called about pricing (it was Sunday)',
      supersedes: wrong.id,
    });

    const touches = await listTouches(db, contact.id);
    expect(touches.map((t) => [t.id, t.supersededBy])).toEqual([
      [wrong.id, fix.id],
      [fix.id, null],
    ]);
    expect((await lastTouch(db, contact.id))?.id).toBe(fix.id);
  });

  it('has no last touch for a contact without touches', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const last = await lastTouch(db, contact.id);

    expect(last).toBeUndefined();
  });

  it('refuses a touch for a contact that is not saved', async () => {
    const db = await freshDb();

    const logging = logTouch(db, {
      ...call,
      contactId: 'missing-id',
      at: '2026-03-09T10:00:00.000Z',
      summary: 'Call',
    });

    await expect(logging).rejects.toThrow(NotFoundError);
  });

  it('refuses a correction of another contact’s touch', async () => {
    const db = await freshDb();
    const ada = (await saveContact(db, draft('ada-lovelace'), { now: NOW })).contact;
    const grace = (await saveContact(db, draft('grace-hopper'), { now: NOW })).contact;
    const at = '2026-03-09T10:00:00.000Z';
    const adas = await logTouch(db, { ...call, contactId: ada.id, at, summary: 'Call' });

    const logging = logTouch(db, {
      ...call,
      contactId: grace.id,
      at,
      summary: 'Call',
      supersedes: adas.id,
    });

    await expect(logging).rejects.toThrow(InvalidRecordError);
    await expect(logging).rejects.toThrow(
      "Can't save the touch: supersedes: The touch it corrects is not in this contact’s history",
    );
    expect(await listTouches(db, grace.id)).toEqual([]);
  });

  it('names the faulty field of an invalid touch', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const logging = logTouch(db, {
      contactId: contact.id,
      channel: 'pigeon' as 'call',
      direction: 'outbound',
      at: '2026-03-09T10:00:00.000Z',
      summary: 'Coo',
    });

    await expect(logging).rejects.toMatchObject({
      code: 'invalid-record',
      issues: [{ path: 'channel' }],
    });
  });
});

/** The n-th message of a LinkedIn thread, a minute after the one before, with its ref. */
function message(contactId: string, n: number, direction: 'inbound' | 'outbound'): NewTouch {
  const text = `Message ${n}`;

  return {
    contactId,
    at: new Date(Date.UTC(2026, 2, 9, 10, n)).toISOString(),
    channel: 'linkedin-message',
    direction,
    summary: text,
    ref: messageRef('2-thread', direction, text, 1),
  };
}

describe('touches identified by their source', () => {
  it('stores a message once, however often it is logged', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const first = await logTouch(db, message(contact.id, 1, 'inbound'), NOW);
    const again = await logTouch(db, message(contact.id, 1, 'inbound'), LATER);

    expect(again).toEqual(first);
    expect(again.createdAt).toBe('2026-03-10T09:00:00.000Z');
    expect(await listTouches(db, contact.id)).toHaveLength(1);
  });

  it('adds only the new messages when a conversation is logged again', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const thread = [
      message(contact.id, 1, 'outbound'),
      message(contact.id, 2, 'inbound'),
      message(contact.id, 3, 'outbound'),
    ];

    const logged = await logTouches(db, thread, NOW);
    const again = await logTouches(db, thread, NOW);
    const withNew = await logTouches(db, [...thread, message(contact.id, 4, 'inbound')], NOW);

    expect([logged.added.length, logged.skipped]).toEqual([3, 0]);
    expect([again.added.length, again.skipped]).toEqual([0, 3]);
    expect([withNew.added.map((t) => t.summary), withNew.skipped]).toEqual([['Message 4'], 3]);
    expect(await listTouches(db, contact.id)).toHaveLength(4);
  });

  it('skips a message repeated within one batch', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const hello = message(contact.id, 1, 'inbound');

    const logged = await logTouches(db, [hello, message(contact.id, 2, 'outbound'), hello], NOW);

    expect(logged.added.map((t) => t.summary)).toEqual(['Message 1', 'Message 2']);
    expect(logged.skipped).toBe(1);
  });

  it('keeps alike touches without a ref apart', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const at = '2026-03-09T10:00:00.000Z';
    const touch = { ...call, contactId: contact.id, at, summary: 'Call' };

    const logged = await logTouches(db, [touch, touch], NOW);

    expect([logged.added.length, logged.skipped]).toEqual([2, 0]);
    expect(logged.added[0]).not.toHaveProperty('ref');
  });

  it('stores nothing of a batch with an invalid touch, naming its place', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const bad = { ...message(contact.id, 2, 'inbound'), channel: 'pigeon' as 'call' };

    const logging = logTouches(db, [message(contact.id, 1, 'outbound'), bad], NOW);

    await expect(logging).rejects.toThrow(InvalidRecordError);
    await expect(logging).rejects.toMatchObject({ issues: [{ path: 'touches[1].channel' }] });
    expect(await listTouches(db, contact.id)).toEqual([]);
  });

  it('stores nothing of a batch with a touch of a contact that is not saved', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const logging = logTouches(
      db,
      [message(contact.id, 1, 'inbound'), message('missing-id', 2, 'inbound')],
      NOW,
    );

    await expect(logging).rejects.toThrow(NotFoundError);
    await expect(logging).rejects.toThrow(
      'The contact was not found (it may have been deleted). Id: missing-id',
    );
    expect(await listTouches(db, contact.id)).toEqual([]);
  });

  it('stores nothing of a batch with a correction of another contact’s touch', async () => {
    const db = await freshDb();
    const ada = (await saveContact(db, draft('ada-lovelace'), { now: NOW })).contact;
    const grace = (await saveContact(db, draft('grace-hopper'), { now: NOW })).contact;
    const adas = await logTouch(db, message(ada.id, 1, 'inbound'), NOW);
    const fix = { ...message(grace.id, 2, 'outbound'), supersedes: adas.id };

    const logging = logTouches(db, [message(grace.id, 1, 'inbound'), fix], NOW);

    await expect(logging).rejects.toThrow(
      "Can't save the touches: touches[1].supersedes: " +
        'The touch it corrects is not in this contact’s history',
    );
    expect(await listTouches(db, grace.id)).toEqual([]);
  });

  it('stores nothing, not even the reply state, when a write fails halfway', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    failNthWrite('add', 2);

    const logging = logTouches(
      db,
      [message(contact.id, 1, 'inbound'), message(contact.id, 2, 'inbound')],
      NOW,
    );

    await expect(logging).rejects.toThrow(StorageFullError);
    vi.restoreAllMocks();
    expect(await listTouches(db, contact.id)).toEqual([]);
    expect(await getContact(db, contact.id)).not.toHaveProperty('awaitingReplySince');
  });

  it('writes nothing for an empty batch', async () => {
    const db = await freshDb();

    const logged = await logTouches(db, [], NOW);

    expect(logged).toEqual({ added: [], skipped: 0 });
  });
});

describe('the ref of a LinkedIn message', () => {
  it('is the same for the same text however its lines and spaces are laid out', () => {
    const fromPage = messageRef('2-ZmU4YjE0', 'inbound', 'Hello there,\n\n  see you\tMonday ', 1);

    const fromExport = messageRef('2-ZmU4YjE0', 'inbound', 'Hello there, see you Monday', 1);

    expect(fromPage).toBe('li:2-ZmU4YjE0:inbound:f63349028785240d:1');
    expect(fromExport).toBe('li:2-ZmU4YjE0:inbound:f63349028785240d:1');
  });

  it('is the same for accented letters written in either Unicode form', () => {
    const composed = messageRef('2-abc', 'outbound', 'Caf\u00e9 at noon?', 1);

    const decomposed = messageRef('2-abc', 'outbound', 'Cafe\u0301 at noon?', 1);

    expect(decomposed).toBe(composed);
  });

  it('differs by thread, direction, text and occurrence', () => {
    const refs = [
      messageRef('2-abc', 'inbound', 'Thanks!', 1),
      messageRef('2-xyz', 'inbound', 'Thanks!', 1),
      messageRef('2-abc', 'outbound', 'Thanks!', 1),
      messageRef('2-abc', 'inbound', 'Thanks', 1),
      messageRef('2-abc', 'inbound', 'Thanks!', 2),
    ];

    const distinct = new Set(refs);

    expect(distinct.size).toBe(5);
  });

  it('hashes with 64-bit FNV-1a, so that any tool can build the same ref', () => {
    const refs = ['', 'a', 'foobar'].map((text) => messageRef('t', 'inbound', text, 1));

    expect(refs).toEqual([
      'li:t:inbound:cbf29ce484222325:1',
      'li:t:inbound:af63dc4c8601ec8c:1',
      'li:t:inbound:85944171f73967e8:1',
    ]);
  });

  it('refuses an occurrence that does not count from 1, or a missing thread', () => {
    expect(() => messageRef('2-abc', 'inbound', 'Hi', 0)).toThrow(
      'A message occurrence counts from 1, not 0.',
    );
    expect(() => messageRef('', 'inbound', 'Hi', 1)).toThrow('A message ref needs the thread id.');
  });
});
