import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Contact } from '@/lib/model/contact';
import type { FieldChangeRecord } from '@/lib/model/field-change';
import type { NextStep } from '@/lib/model/next-step';
import type { Touch } from '@/lib/model/touch';
import { getContact, saveContact } from '@/lib/storage/contacts';
import type { ContactDraft } from '@/lib/storage/contacts';
import { DB_VERSION, openRapportDB } from '@/lib/storage/db';
import type { RapportDB } from '@/lib/storage/db';
import {
  findLikelyDuplicates,
  listMerges,
  mergeContacts,
  normalised,
  undoMerge,
} from '@/lib/storage/duplicates';
import { listNextSteps, setNextStep } from '@/lib/storage/next-steps';
import { logTouch } from '@/lib/storage/touches';
import { LATER, NOW, draft, freshDb, uniqueName } from './fixtures';

async function save(
  db: RapportDB,
  slug: string,
  overrides: Partial<ContactDraft> = {},
  now: Date = NOW,
): Promise<Contact> {
  return (await saveContact(db, draft(slug, overrides), { now })).contact;
}

function named(display: string): ContactDraft['name'] {
  return { display, given: null, family: null };
}

async function pairsOf(db: RapportDB): Promise<[string, string, string][]> {
  const pairs = await findLikelyDuplicates(db, { limit: 10 });

  return pairs.map((p) => [p.first.key, p.second.key, p.reason]);
}

describe('finding likely duplicates', () => {
  it('pairs two cards with the same member URN', async () => {
    const db = await freshDb();
    await save(db, 'lea-roux', { memberUrn: 'urn:li:member:42' });
    await save(db, 'lea-roux-1', { memberUrn: 'urn:li:member:42', company: 'Contoso' }, LATER);

    const pairs = await pairsOf(db);

    expect(pairs).toEqual([['lea-roux', 'lea-roux-1', 'same-member']]);
  });

  it('pairs the same name at the same company, ignoring accents, case and spacing', async () => {
    const db = await freshDb();
    await save(db, 'zoe-muller', { name: named('Zoë Müller'), company: 'Northwind' });
    await save(
      db,
      'zoe-mueller-hr',
      { name: named('  ZOE   muller'), company: 'northwind ' },
      LATER,
    );

    const pairs = await pairsOf(db);

    expect(pairs).toEqual([['zoe-muller', 'zoe-mueller-hr', 'same-name-and-company']]);
  });

  it('pairs a member-id key with a vanity slug of the same name', async () => {
    const db = await freshDb();
    await save(db, 'ACoAAB1234567', { name: named('Ana Silva'), company: null });
    await save(db, 'ana-silva', { name: named('Ana Silva'), company: 'Fabrikam' }, LATER);

    const pairs = await pairsOf(db);

    expect(pairs).toEqual([['ACoAAB1234567', 'ana-silva', 'member-id-and-slug']]);
  });

  it('does not suggest another person of the same name at another company', async () => {
    const db = await freshDb();
    await save(db, 'john-smith', { name: named('John Smith'), company: 'Northwind' });
    await save(db, 'john-smith-2', { name: named('John Smith'), company: 'Contoso' });

    const pairs = await pairsOf(db);

    expect(pairs).toEqual([]);
  });

  it('pairs two cards with the same email first, whatever else they share', async () => {
    const db = await freshDb();
    const same = { memberUrn: 'urn:li:member:7', name: named('Lea Roux'), company: 'Northwind' };
    await save(db, 'lea-roux', { ...same, email: 'lea@northwind.example' });
    await save(db, 'lea-roux-1', { ...same, email: 'Lea@Northwind.example ' }, LATER);

    const pairs = await pairsOf(db);

    expect(pairs).toEqual([['lea-roux', 'lea-roux-1', 'same-email']]);
  });

  it('pairs two cards that share a Sales Navigator lead id', async () => {
    const db = await freshDb();
    await save(db, 'lea-roux', { name: named('Lea Roux'), salesNavLeadIds: ['ACwAA1', 'ACwAA2'] });
    await save(db, 'l-roux', { name: named('L. Roux'), salesNavLeadIds: ['ACwAA2'] }, LATER);
    await save(db, 'leo-roux', { name: named('Leo Roux'), salesNavLeadIds: ['ACwAA3'] }, LATER);

    const pairs = await pairsOf(db);

    expect(pairs).toEqual([['lea-roux', 'l-roux', 'same-sales-lead']]);
  });

  it('compares names without accents or case', () => {
    expect(normalised('  Zoë   MÜLLER ')).toBe('zoe muller');
  });
});

/** Two cards of Léa: the old one with a call and an open step, the new one with more. */
async function twoCardsOfLea(db: RapportDB): Promise<{ kept: Contact; dropped: Contact }> {
  const kept = await save(db, 'lea-roux', {
    name: named('Léa Roux'),
    company: 'Northwind',
    tags: ['logistics'],
    notes: 'Met at the fair.',
  });
  const dropped = await save(db, 'ACoAAlea', {
    name: named('Lea Roux'),
    company: 'Northwind Group',
    title: 'COO',
    tags: ['logistics', 'board'],
    notes: 'Prefers email.',
    status: 'lead',
  });
  const call = { channel: 'call', direction: 'outbound', summary: 'Intro' } as const;
  await logTouch(db, { ...call, contactId: kept.id, at: '2026-03-01T10:00:00.000Z' }, NOW);
  await logTouch(db, { ...call, contactId: dropped.id, at: '2026-03-05T10:00:00.000Z' }, NOW);
  await setNextStep(db, kept.id, 'Send the deck', '2026-03-20', NOW);
  await setNextStep(db, dropped.id, 'Call back', '2026-03-15', NOW);
  await db.put('fieldChanges', {
    id: 'fc-1',
    contactId: dropped.id,
    field: 'title',
    from: 'VP Operations',
    to: 'COO',
    at: '2026-02-01T09:00:00.000Z',
    seenAt: 'https://www.linkedin.com/in/ACoAAlea/',
  });

  return { kept: (await getContact(db, kept.id))!, dropped: (await getContact(db, dropped.id))! };
}

interface Stored {
  contacts: Contact[];
  touches: Touch[];
  nextSteps: NextStep[];
  fieldChanges: FieldChangeRecord[];
}

async function everything(db: RapportDB): Promise<Stored> {
  const [contacts, touches, nextSteps, fieldChanges] = await Promise.all([
    db.getAll('contacts'),
    db.getAll('touches'),
    db.getAll('nextSteps'),
    db.getAll('fieldChanges'),
  ]);

  return { contacts, touches, nextSteps, fieldChanges };
}

describe('merging two cards', () => {
  it('keeps every touch, step and tag of both and takes the chosen fields', async () => {
    const db = await freshDb();
    const { kept, dropped } = await twoCardsOfLea(db);

    await mergeContacts(db, kept.id, dropped.id, { title: 'drop', notes: 'both' }, LATER);

    const merged = await getContact(db, kept.id);
    expect(await getContact(db, dropped.id)).toBeUndefined();
    expect(merged?.name.display).toBe('Léa Roux');
    expect(merged?.company).toBe('Northwind');
    expect(merged?.title).toBe('COO');
    expect(merged?.status).toBe('new');
    expect(merged?.tags).toEqual(['logistics', 'board']);
    expect(merged?.notes).toBe('Met at the fair.\n\nPrefers email.');
    expect(merged?.lastTouchAt).toBe('2026-03-05T10:00:00.000Z');
    const { touches, fieldChanges } = await everything(db);
    const byTime = touches.sort((a, b) => a.at.localeCompare(b.at));
    expect(byTime.map((t) => [t.at, t.contactId])).toEqual([
      ['2026-03-01T10:00:00.000Z', kept.id],
      ['2026-03-05T10:00:00.000Z', kept.id],
    ]);
    expect(fieldChanges.map((c) => [c.id, c.contactId])).toEqual([['fc-1', kept.id]]);
  });

  it('keeps the only email of the two and every lead id of both', async () => {
    const db = await freshDb();
    const kept = await save(db, 'lea-roux', { salesNavLeadIds: ['ACwAA1'] });
    const dropped = await save(db, 'ACoAAlea', {
      email: 'lea@northwind.example',
      salesNavLeadIds: ['ACwAA2', 'ACwAA1'],
    });

    await mergeContacts(db, kept.id, dropped.id, { email: 'keep' }, LATER);

    expect(await getContact(db, kept.id)).toMatchObject({
      email: 'lea@northwind.example',
      salesNavLeadIds: ['ACwAA1', 'ACwAA2'],
    });
  });

  it('takes the email the rep picks when both cards have one', async () => {
    const db = await freshDb();
    const kept = await save(db, 'lea-roux', { email: 'lea.roux@gmail.example' });
    const dropped = await save(db, 'ACoAAlea', { email: 'lea@northwind.example' });

    await mergeContacts(db, kept.id, dropped.id, { email: 'drop' }, LATER);

    expect((await getContact(db, kept.id))?.email).toBe('lea@northwind.example');
  });

  it('leaves the step due first open and marks the other done', async () => {
    const db = await freshDb();
    const { kept, dropped } = await twoCardsOfLea(db);

    const record = await mergeContacts(db, kept.id, dropped.id, {}, LATER);

    const steps = await listNextSteps(db, kept.id);
    expect(steps.map((s) => [s.action, s.state, s.openDue])).toEqual([
      ['Send the deck', 'done', undefined],
      ['Call back', 'open', '2026-03-15'],
    ]);
    expect(record.closedStepId).toBe(steps[0]?.id);
  });

  it('lists the merges newest first', async () => {
    const db = await freshDb();
    const { kept, dropped } = await twoCardsOfLea(db);
    const third = await save(db, 'lea-roux-2', { name: named('Léa Roux') });
    await mergeContacts(db, kept.id, dropped.id, {}, NOW);
    await mergeContacts(db, kept.id, third.id, {}, LATER);

    const merges = await listMerges(db);

    expect(merges.map((m) => [m.at, m.dropped.key])).toEqual([
      ['2026-03-11T15:30:00.000Z', 'lea-roux-2'],
      ['2026-03-10T09:00:00.000Z', 'ACoAAlea'],
    ]);
  });
});

describe('undoing a merge', () => {
  it('restores both cards and every record exactly as they were', async () => {
    const db = await freshDb();
    const { kept, dropped } = await twoCardsOfLea(db);
    const before = await everything(db);
    const record = await mergeContacts(db, kept.id, dropped.id, { name: 'drop' }, LATER);

    await undoMerge(db, record.id);

    expect(await everything(db)).toEqual(before);
    expect(await listMerges(db)).toEqual([]);
  });
});

const V5_CONTACT = {
  id: 'c-lea',
  key: 'lea-roux',
  profileUrl: 'https://www.linkedin.com/in/lea-roux/',
  memberUrn: null,
  name: { display: 'Léa Roux', given: null, family: null },
  headline: null,
  company: 'Northwind',
  title: 'COO',
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
  stageHistory: [{ stage: 'identification', since: '2026-01-05T09:00:00.000Z' }],
  keepInTouchDays: null,
  lastVerifiedAt: '2026-01-05T09:00:00.000Z',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

/** Version 5 exactly as it shipped, written with plain idb rather than the current code. */
async function createV5(name: string): Promise<void> {
  const db = await openDB(name, 5, {
    upgrade(v5) {
      const contacts = v5.createObjectStore('contacts', { keyPath: 'id' });
      contacts.createIndex('by-key', 'key', { unique: true });
      contacts.createIndex('by-status', 'status');
      contacts.createIndex('by-updated', 'updatedAt');
      contacts.createIndex('by-awaiting-reply', 'awaitingReplySince');
      contacts.createIndex('by-touch-due', ['cadenceDays', 'touchDueAt']);
      contacts.createIndex('by-last-verified', 'lastVerifiedAt');
      const touches = v5.createObjectStore('touches', { keyPath: 'id' });
      touches.createIndex('by-contact-at', ['contactId', 'at']);
      touches.createIndex('by-ref', 'ref', { unique: true });
      const nextSteps = v5.createObjectStore('nextSteps', { keyPath: 'id' });
      nextSteps.createIndex('by-contact', 'contactId');
      nextSteps.createIndex('by-open-due', 'openDue');
      v5.createObjectStore('templates', { keyPath: 'id' }).createIndex('by-name', 'name');
      v5.createObjectStore('meta');
      const changes = v5.createObjectStore('fieldChanges', { keyPath: 'id' });
      changes.createIndex('by-contact-at', ['contactId', 'at']);
    },
  });
  await db.put('contacts', V5_CONTACT);
  db.close();
}

describe('upgrading from version 5', () => {
  it('keeps every contact and adds an empty store of merges', async () => {
    const name = uniqueName();
    await createV5(name);

    const db = await openRapportDB(name);

    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('contacts')).toEqual([V5_CONTACT]);
    expect(await listMerges(db)).toEqual([]);
    db.close();
  });
});
