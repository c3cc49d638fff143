import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportContactsCsv, exportTouchesCsv, guardFormula } from '@/lib/exports/csv-export';
import { saveContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { logTouch } from '@/lib/storage/touches';
import type { Touch } from '@/lib/model/touch';
import { NOW, draft, freshDb } from '../storage/fixtures';

/** Paris is UTC+1 in early March. */
const PARIS = { timeZone: 'Europe/Paris' };

const call = { channel: 'call', direction: 'outbound' } as const;

interface Seeded {
  wrong: Touch;
  fix: Touch;
  reply: Touch;
}

/** Two contacts whose fields need quoting, a formula guard, or are not Latin. */
async function seed(db: RapportDB): Promise<Seeded> {
  const ada = await saveContact(
    db,
    draft('ada-lovelace', {
      name: { display: 'Lovelace, "Ada"', given: 'Ada', family: 'Lovelace' },
      headline: '=HYPERLINK("https://evil.example")',
      status: 'lead',
      stage: 'connection',
      segment: 'Fintech',
      relevance: 'A',
      role: 'champion',
      source: 'event',
      sourceDetail: 'Paris Summit',
      tags: ['ops', 'summit 2026'],
      notes: 'Met at the summit.\nLikes tea',
      email: 'ada@analytical.example',
    }),
    { now: NOW },
  );
  await saveContact(
    db,
    draft('ivan-petrov', {
      name: { display: 'Иван Петров', given: 'Иван', family: 'Петров' },
      headline: null,
      company: 'Ромашка',
      title: '-',
      location: null,
    }),
    { now: NOW },
  );

  const id = ada.contact.id;
  const wrong = await logTouch(
    db,
    { ...call, contactId: id, at: '2026-03-08T10:00:00.000Z', summary: '+1 555 0100 called' },
    NOW,
  );
  const fix = await logTouch(
    db,
    {
      ...call,
      contactId: id,
      at: '2026-03-09T08:00:00.000Z',
      summary: 'Call, "rescheduled"\r\nto Friday',
      supersedes: wrong.id,
    },
    NOW,
  );
  const reply = await logTouch(
    db,
    {
      channel: 'email',
      direction: 'inbound',
      contactId: id,
      at: '2026-03-09T17:45:00.000Z',
      summary: '@team see attached',
    },
    NOW,
  );

  return { wrong, fix, reply };
}

/** The file as a spreadsheet reads it: without the byte order mark, one object per row. */
function rowsOf(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true })
    .data;
}

describe('exporting contacts as CSV', () => {
  it('starts with a byte order mark and the column names, lines ending in CRLF', async () => {
    const db = await freshDb();

    const csv = await exportContactsCsv(db, PARIS);

    expect(csv).toBe(
      '\uFEFFName,Profile URL,Email,Headline,Company,Title,Location,Status,Stage,Segment,' +
        'Relevance,Role,Source,Source detail,Tags,Notes,Keep in touch every (days),Last touch,' +
        'Next touch due,Created,Updated\r\n',
    );
  });

  it('quotes commas, quotes and line breaks and disarms formulas', async () => {
    const db = await freshDb();
    await seed(db);

    const csv = await exportContactsCsv(db, PARIS);

    expect(csv.split('\r\n').slice(1)).toEqual([
      '"Lovelace, ""Ada""",https://www.linkedin.com/in/ada-lovelace/,ada@analytical.example,' +
        '"\'=HYPERLINK(""https://evil.example"")",Northwind,Head of Operations,Lyon,lead,' +
        'connection,Fintech,A,champion,event,Paris Summit,ops; summit 2026,' +
        '"Met at the summit.\nLikes tea",7,2026-03-09 18:45,2026-03-16 18:45,' +
        '2026-03-10 10:00,2026-03-10 10:00',
      "Иван Петров,https://www.linkedin.com/in/ivan-petrov/,,,Ромашка,'-,,new,identification," +
        ',,,,,,,,,,2026-03-10 10:00,2026-03-10 10:00',
      '',
    ]);
  });

  it('reads back field by field', async () => {
    const db = await freshDb();
    await seed(db);

    const rows = rowsOf(await exportContactsCsv(db, PARIS));

    expect(rows).toEqual([
      {
        Name: 'Lovelace, "Ada"',
        'Profile URL': 'https://www.linkedin.com/in/ada-lovelace/',
        Email: 'ada@analytical.example',
        Headline: '\'=HYPERLINK("https://evil.example")',
        Company: 'Northwind',
        Title: 'Head of Operations',
        Location: 'Lyon',
        Status: 'lead',
        Stage: 'connection',
        Segment: 'Fintech',
        Relevance: 'A',
        Role: 'champion',
        Source: 'event',
        'Source detail': 'Paris Summit',
        Tags: 'ops; summit 2026',
        Notes: 'Met at the summit.\nLikes tea',
        'Keep in touch every (days)': '7',
        'Last touch': '2026-03-09 18:45',
        'Next touch due': '2026-03-16 18:45',
        Created: '2026-03-10 10:00',
        Updated: '2026-03-10 10:00',
      },
      {
        Name: 'Иван Петров',
        'Profile URL': 'https://www.linkedin.com/in/ivan-petrov/',
        Email: '',
        Headline: '',
        Company: 'Ромашка',
        Title: "'-",
        Location: '',
        Status: 'new',
        Stage: 'identification',
        Segment: '',
        Relevance: '',
        Role: '',
        Source: '',
        'Source detail': '',
        Tags: '',
        Notes: '',
        'Keep in touch every (days)': '',
        'Last touch': '',
        'Next touch due': '',
        Created: '2026-03-10 10:00',
        Updated: '2026-03-10 10:00',
      },
    ]);
  });
});

describe('exporting touches as CSV', () => {
  it('starts with a byte order mark and the column names', async () => {
    const db = await freshDb();

    const csv = await exportTouchesCsv(db, PARIS);

    expect(csv).toBe(
      '\uFEFFContact name,Profile URL,Time,Channel,Direction,Summary,Corrects,Id\r\n',
    );
  });

  it('writes one row per touch, corrected ones too, and reads back field by field', async () => {
    const db = await freshDb();
    const { wrong, fix, reply } = await seed(db);

    const rows = rowsOf(await exportTouchesCsv(db, PARIS));

    const ada = {
      'Contact name': 'Lovelace, "Ada"',
      'Profile URL': 'https://www.linkedin.com/in/ada-lovelace/',
    };
    expect(rows).toEqual([
      {
        ...ada,
        Time: '2026-03-08 11:00',
        Channel: 'call',
        Direction: 'outbound',
        Summary: "'+1 555 0100 called",
        Corrects: '',
        Id: wrong.id,
      },
      {
        ...ada,
        Time: '2026-03-09 09:00',
        Channel: 'call',
        Direction: 'outbound',
        Summary: 'Call, "rescheduled"\r\nto Friday',
        Corrects: wrong.id,
        Id: fix.id,
      },
      {
        ...ada,
        Time: '2026-03-09 18:45',
        Channel: 'email',
        Direction: 'inbound',
        Summary: "'@team see attached",
        Corrects: '',
        Id: reply.id,
      },
    ]);
  });

  it('quotes a summary with a line break as one field', async () => {
    const db = await freshDb();
    const { wrong, fix } = await seed(db);

    const csv = await exportTouchesCsv(db, PARIS);

    expect(csv).toContain(
      'Lovelace, ""Ada""",https://www.linkedin.com/in/ada-lovelace/,2026-03-09 09:00,call,' +
        `outbound,"Call, ""rescheduled""\r\nto Friday",${wrong.id},${fix.id}\r\n`,
    );
  });
});

describe('guarding cells against spreadsheet formulas', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+33 1 23 45 67 89', "'+33 1 23 45 67 89"],
    ['-5%', "'-5%"],
    ['@here', "'@here"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['=1+1\nsecond line', "'=1+1\nsecond line"],
    ['Plain text', 'Plain text'],
    ['1+1=2', '1+1=2'],
    [' =1', ' =1'],
    ['', ''],
  ])('writes %j as %j', (cell, expected) => {
    const guarded = guardFormula(cell);

    expect(guarded).toBe(expected);
  });
});
