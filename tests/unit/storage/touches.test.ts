import { describe, expect, it } from 'vitest';
import { saveContact } from '@/lib/storage/contacts';
import { InvalidRecordError, NotFoundError } from '@/lib/storage/errors';
import { lastTouch, listTouches, logTouch } from '@/lib/storage/touches';
import { NOW, draft, freshDb } from './fixtures';

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
