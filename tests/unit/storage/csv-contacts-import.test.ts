import { describe, expect, it } from 'vitest';
import { exportContactsCsv } from '@/lib/exports/csv-export';
import { guessMapping, readContactsTable } from '@/lib/imports/contact-columns';
import type { Contact } from '@/lib/model/contact';
import { getContactByKey, saveContact } from '@/lib/storage/contacts';
import { applyCsvContactsImport, planCsvContactsImport } from '@/lib/storage/csv-contacts-import';
import { INDEX } from '@/lib/storage/db';
import type { RapportDB } from '@/lib/storage/db';
import { LATER, NOW, draft, freshDb } from './fixtures';

function tableOf(lines: readonly string[]): ReturnType<typeof readContactsTable> {
  return readContactsTable(new TextEncoder().encode(`${lines.join('\r\n')}\r\n`));
}

/** Every contact in profile-key order, as the export writes them. */
async function allContacts(db: RapportDB): Promise<Contact[]> {
  return db.getAllFromIndex('contacts', INDEX.contactByKey);
}

/** The fields a spreadsheet column can carry. */
function mappedFields(contact: Contact): Partial<Contact> {
  const { key, profileUrl, name, headline, company, title, location } = contact;
  const { segment, relevance, status, tags, notes, sourceDetail, email } = contact;

  return {
    key,
    profileUrl,
    name,
    headline,
    company,
    title,
    location,
    segment,
    relevance,
    status,
    tags,
    notes,
    sourceDetail,
    email,
  };
}

const FILE = [
  'Full name,Компания,Job title,LinkedIn,Email,Birthday',
  'Maren Solheim,Fjord AS,CTO,https://www.linkedin.com/in/maren-solheim-0d4/,maren@fjord.no,1990-01-01',
  ',,,,,',
  'Nobody Linked,Acme,CEO,,,',
  'Wrong Link,Acme,CEO,https://example.com/in/wrong,,',
  ',Acme,CEO,https://www.linkedin.com/in/no-name-here/,,',
  'Maren Solheim,Fjord AS,CTO,linkedin.com/in/maren-solheim-0d4,,',
];

describe('importing contacts from a spreadsheet', () => {
  it('brings back the contacts of Rapport’s own export, emails too', async () => {
    const source = await freshDb();
    const target = await freshDb();
    await saveContact(source, draft('anna-kim'), { now: NOW });
    await saveContact(
      source,
      draft('william-okafor-22', {
        company: null,
        location: null,
        segment: 'Logistics',
        relevance: 'A',
        status: 'lead',
        tags: ['fleet', 'q3'],
        notes: '- met at the Lyon fair\nasked for pricing',
        sourceDetail: 'Lyon fair 2026',
        email: 'w.okafor@quartzline.example',
      }),
      { now: NOW },
    );
    const table = tableOf([(await exportContactsCsv(source)).trimEnd()]);

    const plan = await planCsvContactsImport(target, table, guessMapping(table.header), LATER);
    await applyCsvContactsImport(target, plan, { now: LATER });

    const imported = (await allContacts(target)).map(mappedFields);
    const exported = (await allContacts(source)).map(mappedFields);
    expect(imported).toEqual(exported);
    expect(imported).toEqual([
      {
        key: 'anna-kim',
        profileUrl: 'https://www.linkedin.com/in/anna-kim/',
        name: { display: 'Anna Kim', given: null, family: null },
        headline: 'Head of Operations',
        company: 'Northwind',
        title: 'Head of Operations',
        location: 'Lyon',
        segment: '',
        relevance: null,
        status: 'new',
        tags: [],
        notes: '',
        sourceDetail: '',
        email: undefined,
      },
      {
        key: 'william-okafor-22',
        profileUrl: 'https://www.linkedin.com/in/william-okafor-22/',
        name: { display: 'William Okafor 22', given: null, family: null },
        headline: 'Head of Operations',
        company: null,
        title: 'Head of Operations',
        location: null,
        segment: 'Logistics',
        relevance: 'A',
        status: 'lead',
        tags: ['fleet', 'q3'],
        notes: '- met at the Lyon fair\nasked for pricing',
        sourceDetail: 'Lyon fair 2026',
        email: 'w.okafor@quartzline.example',
      },
    ]);
  });

  it('skips rows without a profile link or a name and says why', async () => {
    const db = await freshDb();
    const table = tableOf(FILE);

    const plan = await planCsvContactsImport(db, table, guessMapping(table.header), NOW);

    expect(plan.counts).toEqual({ add: 1, update: 0, unchanged: 0, merged: 1, skipped: 4 });
    expect(plan.skippedFor).toEqual({
      'blank-row': 1,
      'no-profile-url': 1,
      'not-a-profile-url': 1,
      'no-name': 1,
    });
    expect(plan.rows.map((row) => [row.sourceRow, row.action])).toEqual([
      [1, 'add'],
      [2, 'skipped'],
      [3, 'skipped'],
      [4, 'skipped'],
      [5, 'skipped'],
      [6, 'merged'],
    ]);
  });

  it('makes a new contact with its email and unknown columns left out', async () => {
    const db = await freshDb();
    const table = tableOf(FILE);
    const plan = await planCsvContactsImport(db, table, guessMapping(table.header), NOW);

    const result = await applyCsvContactsImport(db, plan, { now: NOW });

    expect(result).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await getContactByKey(db, 'maren-solheim-0d4')).toMatchObject({
      profileUrl: 'https://www.linkedin.com/in/maren-solheim-0d4/',
      name: { display: 'Maren Solheim', given: null, family: null },
      company: 'Fjord AS',
      title: 'CTO',
      email: 'maren@fjord.no',
      notes: '',
      stage: 'identification',
      createdAt: '2026-03-10T09:00:00.000Z',
    });
  });

  it('fills only the empty fields of a saved contact', async () => {
    const db = await freshDb();
    await saveContact(db, draft('maren-solheim-0d4', { company: null, title: 'Founder' }), {
      now: NOW,
    });
    const table = tableOf(FILE);

    const plan = await planCsvContactsImport(db, table, guessMapping(table.header), LATER);
    const result = await applyCsvContactsImport(db, plan, { now: LATER });

    expect(result).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(await getContactByKey(db, 'maren-solheim-0d4')).toMatchObject({
      name: { display: 'Maren Solheim 0d4', given: null, family: null },
      company: 'Fjord AS',
      title: 'Founder',
      email: 'maren@fjord.no',
      notes: '',
      updatedAt: '2026-03-11T15:30:00.000Z',
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const db = await freshDb();
    const table = tableOf(FILE);
    const mapping = guessMapping(table.header);
    await applyCsvContactsImport(db, await planCsvContactsImport(db, table, mapping, NOW));
    const before = await allContacts(db);

    const again = await planCsvContactsImport(db, table, mapping, LATER);
    const result = await applyCsvContactsImport(db, again, { now: LATER });

    expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 1, merged: 1, skipped: 4 });
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 0 });
    expect(await allContacts(db)).toEqual(before);
  });
});

const MAREN = 'https://www.linkedin.com/in/maren-solheim-0d4/';
const LEAD = 'ACwAAB4x9Kq2RtUvWyZ1';
const LEAD_URL = `https://www.linkedin.com/sales/lead/${LEAD},NAME_SEARCH,Xy1z`;

/** Plans a file as its headers suggest, at LATER. */
async function planOf(db: RapportDB, lines: readonly string[]) {
  const table = tableOf(lines);

  return planCsvContactsImport(db, table, guessMapping(table.header), LATER);
}

describe('knowing a person by their email or Sales Navigator lead', () => {
  it('takes a row whose profile matches nobody for the contact with its email', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(
      db,
      draft('maren-solheim-0d4', { company: null, email: 'maren@fjord.no' }),
      { now: NOW },
    );
    const file = [
      'Name,LinkedIn,Company,E-mail',
      'Maren S,linkedin.com/in/maren-s,Fjord AS,Maren@Fjord.NO',
    ];

    const plan = await planOf(db, file);
    await applyCsvContactsImport(db, plan, { now: LATER });

    expect(plan.rows).toEqual([
      { sourceRow: 1, action: 'update', contactId: contact.id, fill: expect.anything() },
    ]);
    expect(await allContacts(db)).toMatchObject([
      { key: 'maren-solheim-0d4', company: 'Fjord AS', email: 'maren@fjord.no' },
    ]);
  });

  it('takes a row without a profile link for the contact its email names', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(
      db,
      draft('maren-solheim-0d4', { email: 'maren@fjord.no' }),
      {
        now: NOW,
      },
    );
    const file = [
      'Name,LinkedIn,Email,Notes',
      'Maren Solheim,,maren@fjord.no,Asked for a demo',
      'Per Hansen,,per@fjord.no,',
    ];

    const plan = await planOf(db, file);

    expect(plan.rows).toEqual([
      { sourceRow: 1, action: 'update', contactId: contact.id, fill: expect.anything() },
      { sourceRow: 2, action: 'skipped', reason: 'no-profile-url' },
    ]);
  });

  it('records the lead id of a row with a profile link and a Sales Navigator link', async () => {
    const db = await freshDb();
    const file = ['Name,LinkedIn,Sales Navigator URL', `Maren Solheim,${MAREN},${LEAD_URL}`];

    await applyCsvContactsImport(db, await planOf(db, file), { now: LATER });

    expect(await getContactByKey(db, 'maren-solheim-0d4')).toMatchObject({
      salesNavLeadIds: ['ACwAAB4x9Kq2RtUvWyZ1'],
    });
  });

  it('adds the lead id to the saved contact the profile link names', async () => {
    const db = await freshDb();
    await saveContact(db, draft('maren-solheim-0d4', { salesNavLeadIds: ['ACwAAOld'] }), {
      now: NOW,
    });
    const file = ['Name,LinkedIn,Lead URL', `Maren Solheim,${MAREN},${LEAD_URL}`];

    const plan = await planOf(db, file);
    await applyCsvContactsImport(db, plan, { now: LATER });

    expect(plan.counts).toMatchObject({ add: 0, update: 1 });
    expect((await getContactByKey(db, 'maren-solheim-0d4'))?.salesNavLeadIds).toEqual([
      'ACwAAOld',
      'ACwAAB4x9Kq2RtUvWyZ1',
    ]);
  });

  it('takes a row with only a Sales Navigator link for the contact with that lead id', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(
      db,
      draft('maren-solheim-0d4', { title: null, salesNavLeadIds: [LEAD] }),
      { now: NOW },
    );
    const file = ['Name,Title,Sales Navigator', `Maren Solheim,CTO,${LEAD_URL}`];

    const plan = await planOf(db, file);
    await applyCsvContactsImport(db, plan, { now: LATER });

    expect(plan.rows).toEqual([
      { sourceRow: 1, action: 'update', contactId: contact.id, fill: expect.anything() },
    ]);
    expect((await getContactByKey(db, 'maren-solheim-0d4'))?.title).toBe('CTO');
  });

  it('reads a Sales Navigator link in the profile column as a lead, not a profile', async () => {
    const db = await freshDb();
    const file = ['Name,LinkedIn', `Maren Solheim,${LEAD_URL}`];

    const plan = await planOf(db, file);

    expect(plan.rows).toEqual([{ sourceRow: 1, action: 'skipped', reason: 'no-profile-url' }]);
  });

  it('merges the rows of one person that give two profile links and one email', async () => {
    const db = await freshDb();
    const file = [
      'Name,LinkedIn,Email,Company',
      `Maren Solheim,${MAREN},maren@fjord.no,`,
      'Maren S.,https://www.linkedin.com/in/maren-s/,MAREN@fjord.no,Fjord AS',
    ];

    const plan = await planOf(db, file);
    await applyCsvContactsImport(db, plan, { now: LATER });

    expect(plan.rows.map((row) => [row.sourceRow, row.action])).toEqual([
      [1, 'add'],
      [2, 'merged'],
    ]);
    expect(await allContacts(db)).toMatchObject([
      { key: 'maren-solheim-0d4', company: 'Fjord AS', email: 'maren@fjord.no' },
    ]);
  });

  it('leaves out an email cell that holds no address', async () => {
    const db = await freshDb();
    const file = ['Name,LinkedIn,Email', `Maren Solheim,${MAREN},n/a`];

    await applyCsvContactsImport(db, await planOf(db, file), { now: LATER });

    expect((await getContactByKey(db, 'maren-solheim-0d4'))?.email).toBeUndefined();
  });

  it('changes nothing when a file of emails and leads is imported again', async () => {
    const db = await freshDb();
    const file = [
      'Name,LinkedIn,Email,Sales Navigator URL',
      `Maren Solheim,${MAREN},maren@fjord.no,${LEAD_URL}`,
      `Maren Solheim,,maren@fjord.no,`,
      `Maren Solheim,,,${LEAD_URL}`,
    ];
    await applyCsvContactsImport(db, await planOf(db, file), { now: NOW });
    const before = await allContacts(db);

    const again = await planOf(db, file);
    const result = await applyCsvContactsImport(db, again, { now: LATER });

    expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 1, merged: 2, skipped: 0 });
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 0 });
    expect(await allContacts(db)).toEqual(before);
  });
});
