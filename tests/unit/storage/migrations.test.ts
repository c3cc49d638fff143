import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { getCadence } from '@/lib/storage/cadence';
import { getContact, getContactByKey, listRecentContacts } from '@/lib/storage/contacts';
import { DB_VERSION, openRapportDB } from '@/lib/storage/db';
import { DatabaseClosedError, UpgradeBlockedError } from '@/lib/storage/errors';
import { listDueFollowUps } from '@/lib/storage/due';
import { countKeepInTouch, listKeepInTouch } from '@/lib/storage/keep-in-touch';
import { getOpenNextStep } from '@/lib/storage/next-steps';
import { countRepliesDue, listRepliesDue } from '@/lib/storage/replies';
import { listTemplates, saveTemplate } from '@/lib/storage/templates';
import { listTouches, logTouch, logTouches } from '@/lib/storage/touches';
import { listStale } from '@/lib/storage/stale';
import { readConnections } from '@/lib/imports/linkedin-connections';
import { planConnectionsImport } from '@/lib/storage/connections-import';
import { DEFAULT_CADENCE } from '@/lib/model/cadence';
import { NOW, uniqueName } from './fixtures';

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

/**
 * The v1 contact after every upgrade: warm is the development stage, every 14 days; never
 * checked against their profile, it counts as checked when it was saved.
 */
const V1_STAGED = {
  ...V1_CONTACT,
  stage: 'development',
  stageHistory: [{ stage: 'development', since: '2025-11-02T10:00:00.000Z' }],
  keepInTouchDays: null,
  lastTouchAt: '2025-11-03T09:00:00.000Z',
  cadenceDays: 14,
  touchDueAt: '2025-11-17T09:00:00.000Z',
  lastVerifiedAt: '2025-11-02T10:00:00.000Z',
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
async function createV1(
  name: string,
  steps: object[] = V1_STEPS,
  touches: object[] = [V1_TOUCH],
): Promise<void> {
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
    ...touches.map((touch) => tx.objectStore('touches').put(touch)),
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

    expect(db.version).toBe(DB_VERSION);
    expect(await getContact(db, 'c-ada')).toEqual(V1_STAGED);
    expect(await getContactByKey(db, 'ada-lovelace')).toEqual(V1_STAGED);
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

  it('runs every later step: open steps due, unanswered messages listed, stages given', async () => {
    const name = uniqueName();
    const inbound = {
      ...V1_TOUCH,
      id: 't-2',
      at: '2025-11-04T17:00:00.000Z',
      channel: 'linkedin-message',
      direction: 'inbound',
      summary: 'Can you send the deck?',
    };
    await createV1(name, V1_STEPS, [V1_TOUCH, inbound]);

    const db = await openRapportDB(name);

    expect((await listDueFollowUps(db, '2025-12-02')).overdue.map(({ step }) => step.id)).toEqual([
      's-open',
    ]);
    expect(await getContact(db, 'c-ada')).toEqual({
      ...V1_STAGED,
      awaitingReplySince: '2025-11-04T17:00:00.000Z',
      lastTouchAt: '2025-11-04T17:00:00.000Z',
      touchDueAt: '2025-11-18T17:00:00.000Z',
    });
    expect(await countRepliesDue(db)).toBe(1);
    db.close();
  });

  it('creates the current schema on a fresh install', async () => {
    const name = uniqueName();

    const db = await openRapportDB(name);

    expect(db.version).toBe(DB_VERSION);
    expect(Array.from(db.objectStoreNames)).toEqual([
      'contacts',
      'fieldChanges',
      'merges',
      'meta',
      'nextSteps',
      'outbox',
      'syncShadow',
      'templates',
      'touches',
    ]);
    expect(Array.from(db.transaction('contacts').store.indexNames)).toEqual([
      'by-awaiting-reply',
      'by-email',
      'by-key',
      'by-last-verified',
      'by-sales-lead',
      'by-status',
      'by-touch-due',
      'by-updated',
    ]);
    expect(Array.from(db.transaction('touches').store.indexNames)).toEqual([
      'by-contact-at',
      'by-ref',
    ]);
    expect(Array.from(db.transaction('templates').store.indexNames)).toEqual(['by-name']);
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
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('closes its own connection so that a newer version can upgrade', async () => {
    const name = uniqueName();
    const db = await openRapportDB(name);

    const newer = await openDB(name, DB_VERSION + 1);

    expect(newer.version).toBe(DB_VERSION + 1);
    await expect(getContact(db, 'c-ada')).rejects.toThrow(DatabaseClosedError);
    await expect(getContact(db, 'c-ada')).rejects.toThrow(
      'Rapport was updated in another tab. Reload this page to keep working.',
    );
    newer.close();
  });
});

/** A v2 contact: the v1 fields, nothing else. */
function v2Contact(id: string, key: string, display: string): object {
  const name = { display, given: null, family: null };

  return { ...V1_CONTACT, id, key, profileUrl: `https://www.linkedin.com/in/${key}/`, name };
}

const V2_CONTACTS = [
  v2Contact('c-ada', 'ada-lovelace', 'Ada Lovelace'),
  v2Contact('c-grace', 'grace-hopper', 'Grace Hopper'),
  v2Contact('c-alan', 'alan-turing', 'Alan Turing'),
  v2Contact('c-kath', 'katherine-johnson', 'Katherine Johnson'),
  v2Contact('c-quiet', 'quiet-person', 'Quiet Person'),
];

function v2Touch(
  id: string,
  contactId: string,
  at: string,
  channel: string,
  direction: string,
  supersedes: string | null = null,
): object {
  return { id, contactId, at, channel, direction, summary: id, supersedes, createdAt: at };
}

/**
 * Ada and Alan wrote last; Grace got an answer; Katherine's message turned out to be the
 * rep's own, corrected as outbound; the quiet person has no touches.
 */
const V2_TOUCHES = [
  v2Touch('t-ada-1', 'c-ada', '2025-11-03T09:00:00.000Z', 'linkedin-message', 'outbound'),
  v2Touch('t-ada-2', 'c-ada', '2025-11-04T10:00:00.000Z', 'linkedin-message', 'inbound'),
  v2Touch('t-ada-3', 'c-ada', '2025-11-05T08:00:00.000Z', 'email', 'inbound'),
  v2Touch('t-grace-1', 'c-grace', '2025-11-01T09:00:00.000Z', 'inmail', 'inbound'),
  v2Touch('t-grace-2', 'c-grace', '2025-11-02T09:00:00.000Z', 'email', 'outbound'),
  v2Touch('t-alan-1', 'c-alan', '2025-11-06T12:00:00.000Z', 'linkedin-message', 'inbound'),
  v2Touch('t-alan-2', 'c-alan', '2025-11-07T12:00:00.000Z', 'call', 'outbound'),
  v2Touch('t-kath-1', 'c-kath', '2025-11-02T09:00:00.000Z', 'linkedin-message', 'inbound'),
  v2Touch(
    't-kath-2',
    'c-kath',
    '2025-11-02T09:00:00.000Z',
    'linkedin-message',
    'outbound',
    't-kath-1',
  ),
];

/** Version 2 exactly as it shipped, written with plain idb rather than the current code. */
async function createV2(name: string, contacts: object[] = V2_CONTACTS): Promise<void> {
  const db = await openDB(name, 2, {
    upgrade(v2) {
      const contacts = v2.createObjectStore('contacts', { keyPath: 'id' });
      contacts.createIndex('by-key', 'key', { unique: true });
      contacts.createIndex('by-status', 'status');
      contacts.createIndex('by-updated', 'updatedAt');
      const touches = v2.createObjectStore('touches', { keyPath: 'id' });
      touches.createIndex('by-contact-at', ['contactId', 'at']);
      const nextSteps = v2.createObjectStore('nextSteps', { keyPath: 'id' });
      nextSteps.createIndex('by-contact', 'contactId');
      nextSteps.createIndex('by-open-due', 'openDue');
    },
  });
  const tx = db.transaction(['contacts', 'touches', 'nextSteps'], 'readwrite');
  await Promise.all([
    ...contacts.map((contact) => tx.objectStore('contacts').put(contact)),
    ...V2_TOUCHES.map((touch) => tx.objectStore('touches').put(touch)),
    tx.objectStore('nextSteps').put({ ...V1_STEPS[0], openDue: '2025-12-01' }),
    tx.done,
  ]);
  db.close();
}

/** A v2 contact, warm, after every upgrade: in the development stage, every 14 days. */
function developing(contact: object | undefined, derived: object): object {
  return {
    ...contact,
    stage: 'development',
    stageHistory: [{ stage: 'development', since: '2025-11-02T10:00:00.000Z' }],
    keepInTouchDays: null,
    cadenceDays: 14,
    lastVerifiedAt: '2025-11-02T10:00:00.000Z',
    ...derived,
  };
}

describe('upgrading from version 2', () => {
  it('keeps every record and marks the contacts who wrote last as awaiting a reply', async () => {
    const name = uniqueName();
    await createV2(name);

    const db = await openRapportDB(name);

    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('contacts')).toEqual([
      developing(V2_CONTACTS[0], {
        awaitingReplySince: '2025-11-04T10:00:00.000Z',
        lastTouchAt: '2025-11-05T08:00:00.000Z',
        touchDueAt: '2025-11-19T08:00:00.000Z',
      }),
      developing(V2_CONTACTS[2], {
        awaitingReplySince: '2025-11-06T12:00:00.000Z',
        lastTouchAt: '2025-11-07T12:00:00.000Z',
        touchDueAt: '2025-11-21T12:00:00.000Z',
      }),
      developing(V2_CONTACTS[1], {
        lastTouchAt: '2025-11-02T09:00:00.000Z',
        touchDueAt: '2025-11-16T09:00:00.000Z',
      }),
      developing(V2_CONTACTS[3], {
        lastTouchAt: '2025-11-02T09:00:00.000Z',
        touchDueAt: '2025-11-16T09:00:00.000Z',
      }),
      developing(V2_CONTACTS[4], { touchDueAt: '2025-11-16T10:00:00.000Z' }),
    ]);
    const touches = await db.getAll('touches');
    expect(touches).toHaveLength(9);
    expect(touches).toEqual(expect.arrayContaining(V2_TOUCHES));
    expect((await db.getAll('nextSteps')).map((s) => [s.id, s.openDue])).toEqual([
      ['s-open', '2025-12-01'],
    ]);
    db.close();
  });

  it('serves replies due, touch refs and templates right after the upgrade', async () => {
    const name = uniqueName();
    await createV2(name);
    const db = await openRapportDB(name);
    const message = {
      contactId: 'c-grace',
      at: '2025-11-08T09:00:00.000Z',
      channel: 'linkedin-message',
      direction: 'inbound',
      summary: 'One more question',
      ref: 'li:thread-grace:inbound:0123456789abcdef:1',
    } as const;

    const first = await logTouch(db, message, NOW);
    const again = await logTouches(db, [message, message], NOW);
    await saveTemplate(db, { name: 'Thanks', body: 'Thank you, {firstName}!' }, NOW);

    expect(again).toEqual({ added: [], skipped: 2 });
    expect((await listTouches(db, 'c-grace')).map((t) => t.id)).toEqual([
      first.id,
      't-grace-2',
      't-grace-1',
    ]);
    const due = await listRepliesDue(db);
    expect(due.contacts.map((c) => [c.id, c.awaitingReplySince])).toEqual([
      ['c-ada', '2025-11-04T10:00:00.000Z'],
      ['c-alan', '2025-11-06T12:00:00.000Z'],
      ['c-grace', '2025-11-08T09:00:00.000Z'],
    ]);
    expect(due.more).toBe(0);
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['Thanks']);
    db.close();
  });

  it('keeps version 2 and its data when a contact cannot be migrated', async () => {
    const name = uniqueName();
    const broken = { ...V2_CONTACTS[0], name: { display: '', given: null, family: null } };
    await createV2(name, [broken, ...V2_CONTACTS.slice(1)]);

    const opening = openRapportDB(name);

    await expect(opening).rejects.toThrow(
      'Upgrading the data failed: contacts[c-ada].name.display: ' +
        'Too small: expected string to have >=1 characters',
    );
    const v2 = await openDB(name);
    expect(v2.version).toBe(2);
    expect(await v2.get('contacts', 'c-ada')).toEqual(broken);
    expect(Array.from(v2.objectStoreNames)).toEqual(['contacts', 'nextSteps', 'touches']);
    v2.close();
  });
});

/** A v3 contact as the v3 code saved it: UTC times, no stage. */
function v3Contact(id: string, status: string, createdAt: string, more: object = {}): object {
  const key = id.replace('c-', '');
  const name = { display: key.charAt(0).toUpperCase() + key.slice(1), given: null, family: null };

  return {
    ...V1_CONTACT,
    id,
    key,
    profileUrl: `https://www.linkedin.com/in/${key}/`,
    name,
    status,
    createdAt,
    updatedAt: createdAt,
    ...more,
  };
}

/** One contact of each status; Omar wrote last and awaits an answer. */
const V3_CONTACTS = [
  v3Contact('c-nora', 'new', '2026-01-05T10:00:00.000Z'),
  v3Contact('c-omar', 'warm', '2026-01-06T10:00:00.000Z', {
    awaitingReplySince: '2026-02-01T08:30:00.000Z',
  }),
  v3Contact('c-lena', 'lead', '2026-01-07T10:00:00.000Z'),
  v3Contact('c-ivan', 'client', '2025-09-01T10:00:00.000Z'),
  v3Contact('c-mia', 'partner', '2025-10-01T12:00:00.000Z'),
  v3Contact('c-paul', 'dormant', '2025-05-01T10:00:00.000Z'),
  v3Contact('c-zoe', 'not-a-fit', '2026-01-08T10:00:00.000Z'),
];

/** Lena's meeting was logged on the wrong day and corrected; Mia was never touched. */
const V3_TOUCHES = [
  v2Touch('t-nora', 'c-nora', '2026-03-01T10:00:00.000Z', 'comment', 'outbound'),
  v2Touch('t-omar-1', 'c-omar', '2026-01-10T10:00:00.000Z', 'call', 'outbound'),
  v2Touch('t-omar-2', 'c-omar', '2026-02-01T08:30:00.000Z', 'linkedin-message', 'inbound'),
  v2Touch('t-lena-1', 'c-lena', '2026-02-20T14:00:00.000Z', 'meeting', 'outbound'),
  v2Touch('t-lena-2', 'c-lena', '2026-02-19T14:00:00.000Z', 'meeting', 'outbound', 't-lena-1'),
  v2Touch('t-ivan', 'c-ivan', '2025-12-01T09:00:00.000Z', 'email', 'outbound'),
  v2Touch('t-paul', 'c-paul', '2025-06-01T10:00:00.000Z', 'call', 'outbound'),
  v2Touch('t-zoe', 'c-zoe', '2026-01-09T10:00:00.000Z', 'event', 'inbound'),
];

/** Version 3 exactly as it shipped, written with plain idb rather than the current code. */
async function createV3(name: string, contacts: object[] = V3_CONTACTS): Promise<void> {
  const db = await openDB(name, 3, {
    upgrade(v3) {
      const contacts = v3.createObjectStore('contacts', { keyPath: 'id' });
      contacts.createIndex('by-key', 'key', { unique: true });
      contacts.createIndex('by-status', 'status');
      contacts.createIndex('by-updated', 'updatedAt');
      contacts.createIndex('by-awaiting-reply', 'awaitingReplySince');
      const touches = v3.createObjectStore('touches', { keyPath: 'id' });
      touches.createIndex('by-contact-at', ['contactId', 'at']);
      touches.createIndex('by-ref', 'ref', { unique: true });
      const nextSteps = v3.createObjectStore('nextSteps', { keyPath: 'id' });
      nextSteps.createIndex('by-contact', 'contactId');
      nextSteps.createIndex('by-open-due', 'openDue');
      const templates = v3.createObjectStore('templates', { keyPath: 'id' });
      templates.createIndex('by-name', 'name');
    },
  });
  const tx = db.transaction(['contacts', 'touches', 'nextSteps', 'templates'], 'readwrite');
  await Promise.all([
    ...contacts.map((contact) => tx.objectStore('contacts').put(contact)),
    ...V3_TOUCHES.map((touch) => tx.objectStore('touches').put(touch)),
    tx.objectStore('nextSteps').put({ ...V1_STEPS[0], contactId: 'c-omar', openDue: '2025-12-01' }),
    tx.objectStore('templates').put({
      id: 'tpl-1',
      name: 'Check in',
      body: 'Hi {firstName}, how is it going?',
      statuses: ['client'],
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
    }),
    tx.done,
  ]);
  db.close();
}

/**
 * The fields a v3 contact gets, written out: `since` is when it was saved, which is also when
 * it counts as last checked against the profile.
 */
function inStage(stage: string, since: string): object {
  return { stage, stageHistory: [{ stage, since }], keepInTouchDays: null, lastVerifiedAt: since };
}

describe('upgrading from version 3', () => {
  it('puts each contact in the stage its status suggests, due by the default cadence', async () => {
    const name = uniqueName();
    await createV3(name);

    const db = await openRapportDB(name);

    expect(db.version).toBe(DB_VERSION);
    const [nora, omar, lena, ivan, mia, paul, zoe] = V3_CONTACTS;
    expect(await db.getAll('contacts')).toEqual([
      {
        ...ivan,
        ...inStage('retention', '2025-09-01T10:00:00.000Z'),
        lastTouchAt: '2025-12-01T09:00:00.000Z',
        cadenceDays: 45,
        touchDueAt: '2026-01-15T09:00:00.000Z',
      },
      {
        ...lena,
        ...inStage('commercial', '2026-01-07T10:00:00.000Z'),
        lastTouchAt: '2026-02-19T14:00:00.000Z',
        cadenceDays: 7,
        touchDueAt: '2026-02-26T14:00:00.000Z',
      },
      {
        ...mia,
        ...inStage('retention', '2025-10-01T12:00:00.000Z'),
        cadenceDays: 45,
        touchDueAt: '2025-11-15T12:00:00.000Z',
      },
      {
        ...nora,
        ...inStage('identification', '2026-01-05T10:00:00.000Z'),
        lastTouchAt: '2026-03-01T10:00:00.000Z',
      },
      {
        ...omar,
        ...inStage('development', '2026-01-06T10:00:00.000Z'),
        lastTouchAt: '2026-02-01T08:30:00.000Z',
        cadenceDays: 14,
        touchDueAt: '2026-02-15T08:30:00.000Z',
      },
      {
        ...paul,
        ...inStage('connection', '2025-05-01T10:00:00.000Z'),
        lastTouchAt: '2025-06-01T10:00:00.000Z',
        cadenceDays: 7,
        touchDueAt: '2025-06-08T10:00:00.000Z',
      },
      {
        ...zoe,
        ...inStage('identification', '2026-01-08T10:00:00.000Z'),
        lastTouchAt: '2026-01-09T10:00:00.000Z',
      },
    ]);
    expect(await db.count('touches')).toBe(8);
    expect(await db.count('nextSteps')).toBe(1);
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['Check in']);
    expect(await getCadence(db)).toEqual({
      identification: null,
      connection: 7,
      development: 14,
      commercial: 7,
      retention: 45,
    });
    db.close();
  });

  it('lists the contacts due for a touch right after the upgrade, most overdue first', async () => {
    const name = uniqueName();
    await createV3(name);

    const db = await openRapportDB(name);
    const due = await listKeepInTouch(db, NOW);

    expect(due.items.map((item) => item.contact.id)).toEqual([
      'c-paul',
      'c-mia',
      'c-lena',
      'c-omar',
      'c-ivan',
    ]);
    expect(due.more).toBe(0);
    expect(await countKeepInTouch(db, NOW)).toBe(5);
    expect(await countRepliesDue(db)).toBe(1);
    db.close();
  });

  it('keeps version 3 and its data when a contact cannot be migrated', async () => {
    const name = uniqueName();
    const odd = v3Contact('c-odd', 'prospect', '2026-01-05T10:00:00.000Z');
    await createV3(name, [...V3_CONTACTS, odd]);

    const opening = openRapportDB(name);

    await expect(opening).rejects.toThrow(
      'Upgrading the data failed: contacts[c-odd].status: Invalid option: expected one of ' +
        '"new"|"warm"|"lead"|"client"|"partner"|"dormant"|"not-a-fit"',
    );
    const v3 = await openDB(name);
    expect(v3.version).toBe(3);
    expect(await v3.get('contacts', 'c-odd')).toEqual(odd);
    expect(await v3.get('contacts', 'c-omar')).toEqual(V3_CONTACTS[1]);
    expect(Array.from(v3.objectStoreNames)).toEqual([
      'contacts',
      'nextSteps',
      'templates',
      'touches',
    ]);
    v3.close();
  });
});

/** A v4 contact as the v4 code saved it: staged, with its derived fields, never verified. */
function v4Contact(id: string, createdAt: string, more: object = {}): object {
  return {
    ...v3Contact(id, 'lead', createdAt),
    ...inStageV4('commercial', createdAt),
    cadenceDays: 7,
    touchDueAt: addWeek(createdAt),
    ...more,
  };
}

function inStageV4(stage: string, since: string): object {
  return { stage, stageHistory: [{ stage, since }], keepInTouchDays: null };
}

function addWeek(time: string): string {
  return new Date(Date.parse(time) + 7 * 86_400_000).toISOString();
}

/** Sofía was saved in 2024 and touched since; Tomás last autumn; Wen this year, not a fit. */
const V4_CONTACTS = [
  v4Contact('c-sofia', '2024-07-10T09:00:00.000Z', {
    company: 'Harbor & Finch Logistics',
    title: 'Senior Account Executive',
    role: 'decision-maker',
    lastTouchAt: '2026-02-02T10:00:00.000Z',
    touchDueAt: '2026-02-09T10:00:00.000Z',
  }),
  v4Contact('c-tomas', '2025-10-01T12:00:00.000Z', {
    keepInTouchSnoozedUntil: '2025-10-20T12:00:00.000Z',
    touchDueAt: '2025-10-20T12:00:00.000Z',
  }),
  {
    ...v3Contact('c-wen', 'not-a-fit', '2026-01-08T10:00:00.000Z'),
    ...inStageV4('identification', '2026-01-08T10:00:00.000Z'),
  },
];

const V4_TOUCH = v2Touch('t-sofia', 'c-sofia', '2026-02-02T10:00:00.000Z', 'meeting', 'outbound');

/** Version 4 exactly as it shipped, written with plain idb rather than the current code. */
async function createV4(name: string, contacts: object[] = V4_CONTACTS): Promise<void> {
  const db = await openDB(name, 4, {
    upgrade(v4) {
      const contacts = v4.createObjectStore('contacts', { keyPath: 'id' });
      contacts.createIndex('by-key', 'key', { unique: true });
      contacts.createIndex('by-status', 'status');
      contacts.createIndex('by-updated', 'updatedAt');
      contacts.createIndex('by-awaiting-reply', 'awaitingReplySince');
      contacts.createIndex('by-touch-due', ['cadenceDays', 'touchDueAt']);
      const touches = v4.createObjectStore('touches', { keyPath: 'id' });
      touches.createIndex('by-contact-at', ['contactId', 'at']);
      touches.createIndex('by-ref', 'ref', { unique: true });
      const nextSteps = v4.createObjectStore('nextSteps', { keyPath: 'id' });
      nextSteps.createIndex('by-contact', 'contactId');
      nextSteps.createIndex('by-open-due', 'openDue');
      const templates = v4.createObjectStore('templates', { keyPath: 'id' });
      templates.createIndex('by-name', 'name');
      v4.createObjectStore('meta');
    },
  });
  const stores = ['contacts', 'touches', 'nextSteps', 'templates', 'meta'];
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([
    ...contacts.map((contact) => tx.objectStore('contacts').put(contact)),
    tx.objectStore('touches').put(V4_TOUCH),
    tx
      .objectStore('nextSteps')
      .put({ ...V1_STEPS[0], contactId: 'c-sofia', openDue: '2025-12-01' }),
    tx.objectStore('meta').put({ ...DEFAULT_CADENCE, retention: 60 }, 'cadence'),
    tx.done,
  ]);
  db.close();
}

describe('upgrading from version 4', () => {
  it('keeps every record and counts each contact as last verified when it was saved', async () => {
    const name = uniqueName();
    await createV4(name);

    const db = await openRapportDB(name);

    expect(db.version).toBe(DB_VERSION);
    const [sofia, tomas, wen] = V4_CONTACTS;
    expect(await db.getAll('contacts')).toEqual([
      { ...sofia, lastVerifiedAt: '2024-07-10T09:00:00.000Z' },
      { ...tomas, lastVerifiedAt: '2025-10-01T12:00:00.000Z' },
      { ...wen, lastVerifiedAt: '2026-01-08T10:00:00.000Z' },
    ]);
    expect(await db.getAll('touches')).toEqual([V4_TOUCH]);
    expect((await db.getAll('nextSteps')).map((s) => [s.id, s.contactId, s.openDue])).toEqual([
      ['s-open', 'c-sofia', '2025-12-01'],
    ]);
    expect((await getCadence(db)).retention).toBe(60);
    expect(await db.count('fieldChanges')).toBe(0);
    db.close();
  });

  it('lists the contacts saved long ago as stale right after the upgrade', async () => {
    const name = uniqueName();
    await createV4(name);

    const db = await openRapportDB(name);
    const stale = await listStale(db, NOW);

    expect(stale.map((c) => [c.id, c.lastVerifiedAt])).toEqual([
      ['c-sofia', '2024-07-10T09:00:00.000Z'],
    ]);
    expect(Array.from(db.transaction('fieldChanges').store.indexNames)).toEqual(['by-contact-at']);
    db.close();
  });

  it('keeps version 4 and its data when a contact cannot be migrated', async () => {
    const name = uniqueName();
    const odd = { ...V4_CONTACTS[1], id: 'c-odd', key: 'odd', stage: 'courting' };
    await createV4(name, [...V4_CONTACTS, odd]);

    const opening = openRapportDB(name);

    await expect(opening).rejects.toThrow('Upgrading the data failed: contacts[c-odd].stage');
    const v4 = await openDB(name);
    expect(v4.version).toBe(4);
    expect(await v4.get('contacts', 'c-odd')).toEqual(odd);
    expect(await v4.get('contacts', 'c-sofia')).toEqual(V4_CONTACTS[0]);
    expect(Array.from(v4.objectStoreNames)).toEqual([
      'contacts',
      'meta',
      'nextSteps',
      'templates',
      'touches',
    ]);
    v4.close();
  });
});

/** A v6 contact in the identification stage: the fields every version 6 contact has. */
function v6Contact(id: string, key: string, display: string, more: object): object {
  return {
    id,
    key,
    profileUrl: `https://www.linkedin.com/in/${key}/`,
    memberUrn: null,
    name: { display, given: null, family: null },
    headline: null,
    company: null,
    title: null,
    location: null,
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
    stageHistory: [{ stage: 'identification', since: '2026-02-01T09:00:00.000Z' }],
    keepInTouchDays: null,
    lastVerifiedAt: '2026-02-01T09:00:00.000Z',
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    ...more,
  };
}

/**
 * Kwame came from Connections.csv and Maren from a spreadsheet, each with the email in the
 * notes as version 6 imports wrote it; Lea was saved from her profile, and Olu's notes name an
 * address that is not one.
 */
const V6_CONTACTS = [
  v6Contact('c-kwame', 'kwame-asante-boateng', 'Kwame Asante-Boateng', {
    name: { display: 'Kwame Asante-Boateng', given: 'Kwame', family: 'Asante-Boateng' },
    company: 'Example Dynamics',
    title: 'Head of Revenue Operations, EMEA',
    source: 'linkedin-connection',
    sourceDetail: 'Connected on 2023-09-03',
    notes: 'Email: kwame.ab@example.test',
    stageHistory: [{ stage: 'identification', since: '2023-09-03T00:00:00.000Z' }],
  }),
  v6Contact('c-lea', 'lea-roux', 'Léa Roux', {
    company: 'Northwind',
    status: 'lead',
    notes: 'Prefers a call on Fridays.',
  }),
  v6Contact('c-maren', 'maren-solheim-0d4', 'Maren Solheim', {
    company: 'Fjord AS',
    notes: 'Met at the Oslo meetup\n\nEmail: Maren.Solheim@Fjord.NO',
  }),
  v6Contact('c-olu', 'olu-adeyemi', 'Olu Adeyemi', { notes: 'Email: ask at the next event' }),
];

/** Version 6 exactly as it shipped, written with plain idb rather than the current code. */
async function createV6(name: string, contacts: object[] = V6_CONTACTS): Promise<void> {
  const db = await openDB(name, 6, {
    upgrade(v6) {
      const contacts = v6.createObjectStore('contacts', { keyPath: 'id' });
      contacts.createIndex('by-key', 'key', { unique: true });
      contacts.createIndex('by-status', 'status');
      contacts.createIndex('by-updated', 'updatedAt');
      contacts.createIndex('by-awaiting-reply', 'awaitingReplySince');
      contacts.createIndex('by-touch-due', ['cadenceDays', 'touchDueAt']);
      contacts.createIndex('by-last-verified', 'lastVerifiedAt');
      const touches = v6.createObjectStore('touches', { keyPath: 'id' });
      touches.createIndex('by-contact-at', ['contactId', 'at']);
      touches.createIndex('by-ref', 'ref', { unique: true });
      const nextSteps = v6.createObjectStore('nextSteps', { keyPath: 'id' });
      nextSteps.createIndex('by-contact', 'contactId');
      nextSteps.createIndex('by-open-due', 'openDue');
      v6.createObjectStore('templates', { keyPath: 'id' }).createIndex('by-name', 'name');
      v6.createObjectStore('meta');
      const changes = v6.createObjectStore('fieldChanges', { keyPath: 'id' });
      changes.createIndex('by-contact-at', ['contactId', 'at']);
      v6.createObjectStore('merges', { keyPath: 'id' });
    },
  });
  const tx = db.transaction(['contacts', 'meta'], 'readwrite');
  await Promise.all([
    ...contacts.map((contact) => tx.objectStore('contacts').put(contact)),
    tx.objectStore('meta').put(DEFAULT_CADENCE, 'cadence'),
    tx.done,
  ]);
  db.close();
}

describe('upgrading from version 6', () => {
  it('takes the email an import wrote into the notes as the contact’s email', async () => {
    const name = uniqueName();
    await createV6(name);

    const db = await openRapportDB(name);

    expect(db.version).toBe(DB_VERSION);
    const [kwame, lea, maren, olu] = V6_CONTACTS;
    expect(await db.getAll('contacts')).toEqual([
      { ...kwame, email: 'kwame.ab@example.test' },
      lea,
      { ...maren, email: 'maren.solheim@fjord.no' },
      olu,
    ]);
    db.close();
  });

  it('finds contacts by email and by lead id through the new indexes', async () => {
    const name = uniqueName();
    await createV6(name);

    const db = await openRapportDB(name);
    await db.put('contacts', {
      ...(await db.get('contacts', 'c-lea'))!,
      salesNavLeadIds: ['ACwAA1'],
    });

    expect((await db.getAllFromIndex('contacts', 'by-email')).map((c) => c.id)).toEqual([
      'c-kwame',
      'c-maren',
    ]);
    expect((await db.getFromIndex('contacts', 'by-email', 'kwame.ab@example.test'))?.id).toBe(
      'c-kwame',
    );
    expect((await db.getFromIndex('contacts', 'by-sales-lead', 'ACwAA1'))?.id).toBe('c-lea');
    db.close();
  });

  it('finds nothing to add to a contact from the Connections file imported before', async () => {
    const name = uniqueName();
    await createV6(name);
    const connections = readConnections(readFileSync('tests/fixtures/csv/Connections.csv'));

    const db = await openRapportDB(name);
    const plan = await planConnectionsImport(db, connections, NOW);

    expect(plan.rows.find((row) => row.sourceRow === 2)).toEqual({
      sourceRow: 2,
      action: 'unchanged',
      contactId: 'c-kwame',
    });
    expect((await db.get('contacts', 'c-kwame'))?.notes).toBe('Email: kwame.ab@example.test');
    db.close();
  });

  it('keeps version 6 and its data when a contact cannot be migrated', async () => {
    const name = uniqueName();
    const odd = { ...V6_CONTACTS[0], id: 'c-odd', key: 'odd', stage: 'courting' };
    await createV6(name, [...V6_CONTACTS, odd]);

    const opening = openRapportDB(name);

    await expect(opening).rejects.toThrow('Upgrading the data failed: contacts[c-odd].stage');
    const v6 = await openDB(name);
    expect(v6.version).toBe(6);
    expect(await v6.get('contacts', 'c-odd')).toEqual(odd);
    expect(Array.from(v6.transaction('contacts').store.indexNames)).not.toContain('by-email');
    v6.close();
  });
});
