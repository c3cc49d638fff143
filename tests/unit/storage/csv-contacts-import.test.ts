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
  const { segment, relevance, status, tags, notes, sourceDetail } = contact;

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
  it('brings back the contacts of Rapport’s own export into an empty database', async () => {
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

  it('makes a new contact with the email in its notes and unknown columns left out', async () => {
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
      notes: 'Email: maren@fjord.no',
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
      notes: 'Email: maren@fjord.no',
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
