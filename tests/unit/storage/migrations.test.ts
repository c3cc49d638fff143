import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { getContact, getContactByKey, listRecentContacts } from '@/lib/storage/contacts';
import { DB_VERSION, openRapportDB } from '@/lib/storage/db';
import { DatabaseClosedError, UpgradeBlockedError } from '@/lib/storage/errors';
import { listDueFollowUps } from '@/lib/storage/due';
import { getOpenNextStep } from '@/lib/storage/next-steps';
import { listTouches } from '@/lib/storage/touches';
import { uniqueName } from './fixtures';

const V1_CONTACT = {
  id: 'c-ada',
  key: 'ada-lovelace',
  profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  memberUrn: null,
  name: { display: 'Ada Lovelace', given: 'Ada', family: 'Lovelace' },
  headline: 'Analyst',
  company: 'Engines Ltd',
  title: 'Analyst',
  location: 'London',
  avatarUrl: null,
  openToWork: false,
  segment: 'engineering',
  relevance: 'A',
  role: 'champion',
  source: 'event',
  sourceDetail: 'Meetup',
  status: 'warm',
  tags: ['math'],
  notes: '',
  createdAt: '2025-11-02T10:00:00.000Z',
  updatedAt: '2025-11-20T10:00:00.000Z',
};

const V1_TOUCH = {
  id: 't-1',
  contactId: 'c-ada',
  at: '2025-11-03T09:00:00.000Z',
  channel: 'meeting',
  direction: 'outbound',
  summary: 'Coffee',
  supersedes: null,
  createdAt: '2025-11-03T09:05:00.000Z',
};

/** Next steps as v1 stored them: no `openDue`. */
const V1_STEPS = [
  { id: 's-open', state: 'open', due: '2025-12-01' },
  { id: 's-snoozed', state: 'snoozed', due: '2025-12-03' },
  { id: 's-done', state: 'done', due: '2025-11-10' },
].map((step) => ({
  ...step,
  contactId: 'c-ada',
  action: `Step ${step.id}`,
  createdAt: '2025-11-03T09:05:00.000Z',
  updatedAt: '2025-11-03T09:05:00.000Z',
}));

/** Version 1 exactly as it shipped, written with plain idb rather than the current code. */
async function createV1(name: string, steps: object[] = V1_STEPS): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(v1) {
      const contacts = v1.createObjectStore('contacts', { keyPath: 'id' });
      contacts.createIndex('by-key', 'key', { unique: true });
      contacts.createIndex('by-status', 'status');
      const touches = v1.createObjectStore('touches', { keyPath: 'id' });
      touches.createIndex('by-contact-at', ['contactId', 'at']);
      const nextSteps = v1.createObjectStore('nextSteps', { keyPath: 'id' });
      nextSteps.createIndex('by-contact', 'contactId');
    },
  });
  const tx = db.transaction(['contacts', 'touches', 'nextSteps'], 'readwrite');
  await Promise.all([
    tx.objectStore('contacts').put(V1_CONTACT),
    tx.objectStore('touches').put(V1_TOUCH),
    ...steps.map((step) => tx.objectStore('nextSteps').put(step)),
    tx.done,
  ]);
  db.close();
}

describe('upgrading from version 1', () => {
  it('keeps every record and gives open steps their openDue', async () => {
    const name = uniqueName();
    await createV1(name);

    const db = await openRapportDB(name);

    expect(db.version).toBe(2);
    expect(await getContact(db, 'c-ada')).toEqual(V1_CONTACT);
    expect(await getContactByKey(db, 'ada-lovelace')).toEqual(V1_CONTACT);
    expect(await listTouches(db, 'c-ada')).toEqual([{ ...V1_TOUCH, supersededBy: null }]);
    const steps = await db.getAll('nextSteps');
    expect(steps.map((s) => [s.id, s.state, s.openDue])).toEqual([
      ['s-done', 'done', undefined],
      ['s-open', 'open', '2025-12-01'],
      ['s-snoozed', 'snoozed', '2025-12-03'],
    ]);
    db.close();
  });

  it('serves the new indexes right after the upgrade', async () => {
    const name = uniqueName();
    await createV1(name);

    const db = await openRapportDB(name);

    const due = await listDueFollowUps(db, '2025-12-02');
    expect(due.overdue.map(({ step }) => step.id)).toEqual(['s-open']);
    expect(due.upcoming.map(({ step }) => step.id)).toEqual(['s-snoozed']);
    expect((await listRecentContacts(db, 5)).map((c) => c.id)).toEqual(['c-ada']);
    expect(Array.from(db.transaction('nextSteps').store.indexNames)).toEqual([
      'by-contact',
      'by-open-due',
    ]);
    expect((await getOpenNextStep(db, 'c-ada'))?.id).toBe('s-open');
    db.close();
  });

  it('keeps version 1 and its data when a record cannot be migrated', async () => {
    const name = uniqueName();
    const broken = { ...V1_STEPS[0], id: 's-broken', action: '' };
    await createV1(name, [...V1_STEPS, broken]);

    const opening = openRapportDB(name);

    await expect(opening).rejects.toThrow(
      'Upgrading the data failed: nextSteps[s-broken].action: ' +
        'Too small: expected string to have >=1 characters',
    );
    const v1 = await openDB(name);
    expect(v1.version).toBe(1);
    expect(await v1.count('nextSteps')).toBe(4);
    expect(v1.objectStoreNames.contains('nextSteps')).toBe(true);
    v1.close();
  });

  it('creates the current schema on a fresh install', async () => {
    const name = uniqueName();

    const db = await openRapportDB(name);

    expect(db.version).toBe(DB_VERSION);
    expect(Array.from(db.objectStoreNames)).toEqual(['contacts', 'nextSteps', 'touches']);
    expect(Array.from(db.transaction('contacts').store.indexNames)).toEqual([
      'by-key',
      'by-status',
      'by-updated',
    ]);
    db.close();
  });
});

describe('two versions open at once', () => {
  it('fails with a clear error when an old connection blocks the upgrade', async () => {
    const name = uniqueName();
    await createV1(name);
    const old = await openDB(name, 1);

    const opening = openRapportDB(name);

    await expect(opening).rejects.toThrow(UpgradeBlockedError);
    await expect(opening).rejects.toThrow(
      'Rapport was updated and needs to upgrade its data, but an older Rapport page is still ' +
        'open. Close or reload the other Rapport tabs and windows, then try again.',
    );
    old.close();
    const db = await openRapportDB(name);
    expect(db.version).toBe(2);
    db.close();
  });

  it('closes its own connection so that a newer version can upgrade', async () => {
    const name = uniqueName();
    const db = await openRapportDB(name);

    const newer = await openDB(name, 3);

    expect(newer.version).toBe(3);
    await expect(getContact(db, 'c-ada')).rejects.toThrow(DatabaseClosedError);
    await expect(getContact(db, 'c-ada')).rejects.toThrow(
      'Rapport was updated in another tab. Reload this page to keep working.',
    );
    newer.close();
  });
});
