import { describe, expect, it } from 'vitest';
import type { ContactEdit } from '@/lib/model/contact';
import {
  deleteAllData,
  deleteContact,
  getContact,
  getContactByKey,
  listContactsByStatus,
  listRecentContacts,
  saveContact,
  updateContact,
} from '@/lib/storage/contacts';
import {
  DuplicateContactError,
  InvalidRecordError,
  NotFoundError,
  StorageFullError,
} from '@/lib/storage/errors';
import { getOpenNextStep, listNextSteps } from '@/lib/storage/next-steps';
import { listTouches, logTouch } from '@/lib/storage/touches';
import { LATER, NOW, draft, failNthWrite, freshDb } from './fixtures';

describe('saving a contact', () => {
  it('stores the draft with a new id, empty rep fields and both timestamps', async () => {
    const db = await freshDb();

    const { contact, nextStep } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    expect(await getContact(db, contact.id)).toEqual({
      id: contact.id,
      key: 'ada-lovelace',
      profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
      memberUrn: null,
      name: { display: 'Ada Lovelace', given: null, family: null },
      headline: 'Head of Operations',
      company: 'Northwind',
      title: 'Head of Operations',
      location: 'Lyon',
      avatarUrl: null,
      openToWork: false,
      segment: '',
      relevance: null,
      role: null,
      source: null,
      sourceDetail: '',
      status: 'new',
      tags: [],
      notes: '',
      stage: 'identification',
      stageHistory: [{ stage: 'identification', since: '2026-03-10T09:00:00.000Z' }],
      keepInTouchDays: null,
      lastVerifiedAt: '2026-03-10T09:00:00.000Z',
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
    });
    expect(contact.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(nextStep).toBeNull();
  });

  it('finds the saved contact by its profile key', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const found = await getContactByKey(db, 'ada-lovelace');

    expect(found?.id).toBe(contact.id);
    expect(await getContactByKey(db, 'grace-hopper')).toBeUndefined();
  });

  it('saves the first next step together with the contact', async () => {
    const db = await freshDb();

    const { contact } = await saveContact(db, draft('ada-lovelace'), {
      now: NOW,
      nextStep: { action: 'Send the case study', due: '2026-03-12' },
    });

    const step = await getOpenNextStep(db, contact.id);
    expect(step).toMatchObject({
      contactId: contact.id,
      action: 'Send the case study',
      due: '2026-03-12',
      state: 'open',
      openDue: '2026-03-12',
    });
  });

  it('rejects a second contact with the same profile key and keeps the first', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const saving = saveContact(db, draft('ada-lovelace', { notes: 'second try' }));

    await expect(saving).rejects.toThrow(DuplicateContactError);
    await expect(saving).rejects.toMatchObject({
      code: 'duplicate',
      message: 'Ada Lovelace is already saved.',
      existingId: contact.id,
    });
    expect((await getContactByKey(db, 'ada-lovelace'))?.notes).toBe('');
  });

  it('names the faulty field of an invalid draft and saves nothing', async () => {
    const db = await freshDb();

    const saving = saveContact(db, draft('ada-lovelace', { profileUrl: 'not a url' }));

    await expect(saving).rejects.toThrow(InvalidRecordError);
    await expect(saving).rejects.toMatchObject({
      message: "Can't save the contact: profileUrl: Invalid URL",
      issues: [{ path: 'profileUrl', message: 'Invalid URL' }],
    });
    expect(await getContactByKey(db, 'ada-lovelace')).toBeUndefined();
  });

  it('saves neither the contact nor its step when the step hits a full disk', async () => {
    const db = await freshDb();
    failNthWrite('add', 2);

    const saving = saveContact(db, draft('ada-lovelace'), {
      nextStep: { action: 'Call back', due: '2026-03-12' },
    });

    await expect(saving).rejects.toThrow(StorageFullError);
    await expect(saving).rejects.toThrow(/^Storage is full\./);
    expect(await getContactByKey(db, 'ada-lovelace')).toBeUndefined();
  });
});

describe('updating a contact', () => {
  it('applies the edit and bumps updatedAt only', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const edit: ContactEdit = { status: 'warm', tags: ['fintech'] };

    const updated = await updateContact(db, contact.id, edit, LATER);

    expect(updated).toMatchObject({
      status: 'warm',
      tags: ['fintech'],
      company: 'Northwind',
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-11T15:30:00.000Z',
    });
    expect(await getContact(db, contact.id)).toEqual(updated);
  });

  it('treats a field set to undefined as left unchanged', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const updated = await updateContact(db, contact.id, { company: undefined, notes: 'Met' });

    expect(updated.company).toBe('Northwind');
    expect(updated.notes).toBe('Met');
  });

  it('rejects an invalid edit naming the field and keeps the stored contact', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const updating = updateContact(db, contact.id, { tags: [''] });

    await expect(updating).rejects.toMatchObject({
      code: 'invalid-record',
      issues: [{ path: 'tags[0]', message: 'Too small: expected string to have >=1 characters' }],
    });
    expect(await getContact(db, contact.id)).toEqual(contact);
  });

  it('says so when the contact does not exist', async () => {
    const db = await freshDb();

    const updating = updateContact(db, 'missing-id', { notes: 'x' });

    await expect(updating).rejects.toThrow(NotFoundError);
    await expect(updating).rejects.toThrow(
      'The contact was not found (it may have been deleted). Id: missing-id',
    );
  });
});

describe('listing contacts', () => {
  it('lists one status, most recently updated first, from the status index', async () => {
    const db = await freshDb();
    const ada = (await saveContact(db, draft('ada-lovelace'), { now: NOW })).contact;
    const grace = (await saveContact(db, draft('grace-hopper'), { now: NOW })).contact;
    await saveContact(db, draft('alan-turing'), { now: NOW });
    await updateContact(db, ada.id, { status: 'lead' }, new Date('2026-03-11T08:00:00.000Z'));
    await updateContact(db, grace.id, { status: 'lead' }, new Date('2026-03-12T08:00:00.000Z'));

    const leads = await listContactsByStatus(db, 'lead');

    expect(leads.map((c) => c.key)).toEqual(['grace-hopper', 'ada-lovelace']);
    expect((await listContactsByStatus(db, 'new')).map((c) => c.key)).toEqual(['alan-turing']);
  });

  it('lists the most recently updated contacts first, up to the limit', async () => {
    const db = await freshDb();
    await saveContact(db, draft('ada-lovelace'), { now: new Date('2026-03-01T08:00:00.000Z') });
    await saveContact(db, draft('grace-hopper'), { now: new Date('2026-03-03T08:00:00.000Z') });
    await saveContact(db, draft('alan-turing'), { now: new Date('2026-03-02T08:00:00.000Z') });

    const recent = await listRecentContacts(db, 2);

    expect(recent.map((c) => c.key)).toEqual(['grace-hopper', 'alan-turing']);
  });
});

describe('deleting', () => {
  it('deletes a contact with all its touches and next steps, and nothing else', async () => {
    const db = await freshDb();
    const options = { now: NOW, nextStep: { action: 'Follow up', due: '2026-03-12' } };
    const ada = (await saveContact(db, draft('ada-lovelace'), options)).contact;
    const grace = (await saveContact(db, draft('grace-hopper'), options)).contact;
    const touch = { at: NOW.toISOString(), channel: 'call', direction: 'outbound' } as const;
    await logTouch(db, { ...touch, contactId: ada.id, summary: 'Intro call' });
    await logTouch(db, { ...touch, contactId: grace.id, summary: 'Intro call' });

    await deleteContact(db, ada.id);

    expect(await getContact(db, ada.id)).toBeUndefined();
    expect(await listTouches(db, ada.id)).toEqual([]);
    expect(await listNextSteps(db, ada.id)).toEqual([]);
    expect(await getContact(db, grace.id)).toBeDefined();
    expect(await listTouches(db, grace.id)).toHaveLength(1);
    expect(await listNextSteps(db, grace.id)).toHaveLength(1);
  });

  it('deletes nothing when one of the deletes fails', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), {
      now: NOW,
      nextStep: { action: 'Follow up', due: '2026-03-12' },
    });
    const original = IDBObjectStore.prototype.delete;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (
      this: IDBObjectStore,
      key: IDBValidKey | IDBKeyRange,
    ) {
      calls += 1;
      if (calls === 2) throw new DOMException('Disk I/O failed.', 'UnknownError');
      return original.call(this, key);
    });

    await expect(deleteContact(db, contact.id)).rejects.toMatchObject({ code: 'failed' });

    vi.restoreAllMocks();
    expect(await getContact(db, contact.id)).toEqual(contact);
    expect(await getOpenNextStep(db, contact.id)).toBeDefined();
  });

  it('says so when deleting a contact that does not exist', async () => {
    const db = await freshDb();

    await expect(deleteContact(db, 'missing-id')).rejects.toThrow(NotFoundError);
  });

  it('deletes all data at once', async () => {
    const db = await freshDb();
    await saveContact(db, draft('ada-lovelace'), {
      nextStep: { action: 'Follow up', due: '2026-03-12' },
    });

    await deleteAllData(db);

    expect(await db.count('contacts')).toBe(0);
    expect(await db.count('touches')).toBe(0);
    expect(await db.count('nextSteps')).toBe(0);
  });
});
