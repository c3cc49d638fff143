import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readConnections } from '@/lib/imports/linkedin-connections';
import { applyConnectionsImport, planConnectionsImport } from '@/lib/storage/connections-import';
import { getContactByKey, saveContact } from '@/lib/storage/contacts';
import { StorageFullError } from '@/lib/storage/errors';
import { LATER, NOW, draft, failNthWrite, freshDb } from './fixtures';

const CONNECTIONS = readConnections(readFileSync('tests/fixtures/csv/Connections.csv'));
const NO_URL = readConnections(readFileSync('tests/fixtures/csv/Connections-no-url.csv'));
const WINDOWS = readConnections(readFileSync('tests/fixtures/csv/Connections-windows-1252.csv'));

const ANNA = 'анна-смирнова-7b';
const MAREN = 'maren-solheim-0d4';
const WILLIAM = 'william-okafor-22';
const KWAME = 'kwame-asante-boateng';
const SOFIA = 'sofia-ramirez-ortega-4a7b2';

/** The fields every contact made from a row has, whatever the row says. */
const NEW_CONNECTION = {
  id: expect.any(String),
  memberUrn: null,
  headline: null,
  location: null,
  avatarUrl: null,
  openToWork: false,
  segment: '',
  relevance: null,
  role: null,
  source: 'linkedin-connection',
  status: 'new',
  tags: [],
  stage: 'identification',
  keepInTouchDays: null,
  createdAt: '2026-03-10T09:00:00.000Z',
  updatedAt: '2026-03-10T09:00:00.000Z',
};

describe('importing LinkedIn’s Connections.csv', () => {
  it('previews what each row of the file will do', async () => {
    const db = await freshDb();

    const plan = await planConnectionsImport(db, CONNECTIONS, NOW);

    expect(plan.counts).toEqual({ add: 23, update: 0, unchanged: 0, merged: 1, skipped: 4 });
    expect(plan.skippedFor).toEqual({ 'blank-row': 3, 'no-name-or-url': 1 });
    expect(plan.rows.filter((row) => row.action === 'skipped' || row.action === 'merged')).toEqual([
      { sourceRow: 14, action: 'skipped', reason: 'blank-row' },
      { sourceRow: 17, action: 'merged', intoRow: 13 },
      { sourceRow: 18, action: 'skipped', reason: 'blank-row' },
      { sourceRow: 19, action: 'skipped', reason: 'no-name-or-url' },
      { sourceRow: 28, action: 'skipped', reason: 'blank-row' },
    ]);
  });

  it('writes nothing while previewing', async () => {
    const db = await freshDb();

    await planConnectionsImport(db, CONNECTIONS, NOW);

    expect(await db.count('contacts')).toBe(0);
  });

  it('stores a new contact in the identification stage since the day of the connection, with no touch due', async () => {
    const db = await freshDb();

    await applyConnectionsImport(db, await planConnectionsImport(db, CONNECTIONS, NOW));

    expect(await getContactByKey(db, ANNA)).toEqual({
      ...NEW_CONNECTION,
      key: 'анна-смирнова-7b',
      profileUrl: 'https://www.linkedin.com/in/анна-смирнова-7b/',
      name: { display: 'Анна Смирнова-Лебедева', given: 'Анна', family: 'Смирнова-Лебедева' },
      company: 'Saltmarsh Robotics',
      title: 'Key Account Manager',
      sourceDetail: 'Connected on 2025-01-09',
      notes: '',
      stageHistory: [{ stage: 'identification', since: '2025-01-09T00:00:00.000Z' }],
    });
  });

  it('stores the name without the credentials written after it', async () => {
    const db = await freshDb();

    await applyConnectionsImport(db, await planConnectionsImport(db, CONNECTIONS, NOW));

    expect(await getContactByKey(db, MAREN)).toEqual({
      ...NEW_CONNECTION,
      key: 'maren-solheim-0d4',
      profileUrl: 'https://www.linkedin.com/in/maren-solheim-0d4/',
      name: { display: 'Maren Solheim', given: 'Maren', family: 'Solheim' },
      company: 'Brightwater Example Labs, Inc.',
      title: 'VP, Sales',
      sourceDetail: 'Connected on 2024-03-05',
      notes: '',
      stageHistory: [{ stage: 'identification', since: '2024-03-05T00:00:00.000Z' }],
    });
  });

  it('counts a connection dated after today as made today', async () => {
    const db = await freshDb();

    await applyConnectionsImport(db, await planConnectionsImport(db, CONNECTIONS, NOW));

    const ngozi = await getContactByKey(db, 'ngozi-adeyemi-clarke-7f3');
    expect(ngozi?.sourceDetail).toBe('Connected on 2026-06-04');
    expect(ngozi?.stageHistory).toEqual([
      { stage: 'identification', since: '2026-03-10T09:00:00.000Z' },
    ]);
  });

  it('fills the first row of a person with the email of their second row', async () => {
    const db = await freshDb();

    await applyConnectionsImport(db, await planConnectionsImport(db, CONNECTIONS, NOW));

    const william = await getContactByKey(db, WILLIAM);
    expect(william?.name).toEqual({
      display: 'William Okafor',
      given: 'William',
      family: 'Okafor',
    });
    expect(william?.email).toBe('bill.okafor@example.test');
    expect(william?.notes).toBe('');
  });

  it('changes nothing when the same file is imported again', async () => {
    const db = await freshDb();
    await applyConnectionsImport(db, await planConnectionsImport(db, CONNECTIONS, NOW));
    const before = await getContactByKey(db, ANNA);

    const again = await planConnectionsImport(db, CONNECTIONS, LATER);
    const result = await applyConnectionsImport(db, again, { now: LATER });

    expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 23, merged: 1, skipped: 4 });
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 0 });
    expect(await getContactByKey(db, ANNA)).toEqual(before);
    expect(await db.count('contacts')).toBe(23);
  });

  it('fills a saved contact’s empty company and title but keeps what is there', async () => {
    const db = await freshDb();
    const empty = { company: null, title: null, source: null };
    await saveContact(db, draft(KWAME, empty), { now: NOW });
    await saveContact(db, draft(SOFIA, { source: 'event', sourceDetail: 'Paris Summit' }), {
      now: NOW,
    });

    const plan = await planConnectionsImport(db, CONNECTIONS, NOW);
    const result = await applyConnectionsImport(db, plan, { now: LATER });

    const kwame = await getContactByKey(db, KWAME);
    const sofia = await getContactByKey(db, SOFIA);
    expect(plan.counts).toEqual({ add: 21, update: 1, unchanged: 1, merged: 1, skipped: 4 });
    expect(result).toEqual({ added: 21, updated: 1, unchanged: 0 });
    expect(kwame).toMatchObject({
      company: 'Example Dynamics',
      title: 'Head of Revenue Operations, EMEA',
      source: 'linkedin-connection',
      sourceDetail: 'Connected on 2023-09-03',
      notes: '',
      stage: 'identification',
      updatedAt: '2026-03-11T15:30:00.000Z',
    });
    expect(sofia).toMatchObject({
      company: 'Northwind',
      title: 'Head of Operations',
      source: 'event',
      sourceDetail: 'Paris Summit',
      updatedAt: '2026-03-10T09:00:00.000Z',
    });
  });

  it('skips the rows of an export without URLs, which match no profile', async () => {
    const db = await freshDb();

    const plan = await planConnectionsImport(db, NO_URL, NOW);
    const result = await applyConnectionsImport(db, plan);

    expect(plan.counts).toEqual({ add: 0, update: 0, unchanged: 0, merged: 0, skipped: 9 });
    expect(plan.skippedFor).toEqual({ 'blank-row': 1, 'no-profile-url': 8 });
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 0 });
    expect(await db.count('contacts')).toBe(0);
  });

  it('imports a file saved as windows-1252 with its names intact', async () => {
    const db = await freshDb();

    const plan = await planConnectionsImport(db, WINDOWS, NOW);
    await applyConnectionsImport(db, plan);

    const names = await Promise.all(
      ['juergen-weiss', 'siobhan-oneill-2c', 'cedric-nunez'].map(async (key) => {
        return (await getContactByKey(db, key))?.name;
      }),
    );
    expect(plan.counts).toEqual({ add: 8, update: 0, unchanged: 0, merged: 0, skipped: 1 });
    expect(names).toEqual([
      { display: 'Jürgen Weiß', given: 'Jürgen', family: 'Weiß' },
      { display: 'Siobhán O’Neill', given: 'Siobhán', family: 'O’Neill' },
      { display: 'Cédric Nüñez-Ærø', given: 'Cédric', family: 'Nüñez-Ærø' },
    ]);
    expect((await getContactByKey(db, 'juergen-weiss'))?.email).toBe('j.weiss@example.test');
  });

  it('reports the rows written as it goes', async () => {
    const db = await freshDb();
    const onProgress = vi.fn();

    await applyConnectionsImport(db, await planConnectionsImport(db, CONNECTIONS, NOW), {
      onProgress,
    });

    expect(onProgress.mock.calls).toEqual([[23, 23]]);
  });

  it('stores nothing when one of the contacts cannot be written', async () => {
    const db = await freshDb();
    await saveContact(db, draft(KWAME, { company: null }), { now: NOW });
    const plan = await planConnectionsImport(db, CONNECTIONS, NOW);
    failNthWrite('add', 5);

    const importing = applyConnectionsImport(db, plan);

    await expect(importing).rejects.toThrow(StorageFullError);
    expect(await db.count('contacts')).toBe(1);
    expect((await getContactByKey(db, KWAME))?.company).toBeNull();
  });
});

describe('knowing a connection by their email', () => {
  it('keeps the email of a connection as their email, not in the notes', async () => {
    const db = await freshDb();

    await applyConnectionsImport(db, await planConnectionsImport(db, CONNECTIONS, NOW));

    expect(await getContactByKey(db, KWAME)).toMatchObject({
      email: 'kwame.ab@example.test',
      notes: '',
    });
  });

  it('fills the empty email of a saved contact', async () => {
    const db = await freshDb();
    await saveContact(db, draft(KWAME), { now: NOW });

    const plan = await planConnectionsImport(db, CONNECTIONS, NOW);
    await applyConnectionsImport(db, plan, { now: LATER });

    expect(plan.counts).toMatchObject({ add: 22, update: 1, unchanged: 0 });
    expect((await getContactByKey(db, KWAME))?.email).toBe('kwame.ab@example.test');
  });

  it('takes a row whose profile matches nobody for the contact with its email', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(
      db,
      draft('kwame-ab', { company: null, email: 'Kwame.AB@example.test' }),
      { now: NOW },
    );

    const plan = await planConnectionsImport(db, CONNECTIONS, NOW);
    await applyConnectionsImport(db, plan, { now: LATER });

    expect(plan.rows.find((row) => row.sourceRow === 2)).toMatchObject({
      action: 'update',
      contactId: contact.id,
    });
    expect(plan.counts).toMatchObject({ add: 22, update: 1 });
    expect(await getContactByKey(db, 'kwame-ab')).toMatchObject({ company: 'Example Dynamics' });
    expect(await getContactByKey(db, KWAME)).toBeUndefined();
  });

  it('takes a row of an export without URLs for the saved contact with its email', async () => {
    const db = await freshDb();
    await applyConnectionsImport(db, await planConnectionsImport(db, CONNECTIONS, NOW));
    const kwame = await getContactByKey(db, KWAME);

    const plan = await planConnectionsImport(db, NO_URL, LATER);

    expect(plan.counts).toEqual({ add: 0, update: 0, unchanged: 1, merged: 0, skipped: 8 });
    expect(plan.skippedFor).toEqual({ 'blank-row': 1, 'no-profile-url': 7 });
    expect(plan.rows.find((row) => row.sourceRow === 2)).toEqual({
      sourceRow: 2,
      action: 'unchanged',
      contactId: kwame?.id,
    });
  });
});
