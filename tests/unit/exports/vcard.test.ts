import { describe, expect, it } from 'vitest';
import type { Contact } from '@/lib/model/contact';
import { contactVcard, escapeText, exportContactsVcard, foldLine } from '@/lib/exports/vcard';
import { saveContact } from '@/lib/storage/contacts';
import { draft, freshDb, NOW } from '../storage/fixtures';

const ADA: Contact = {
  id: 'c-1',
  key: 'ada-lovelace',
  profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  memberUrn: null,
  name: { display: 'Ada Lovelace', given: 'Ada', family: 'Lovelace' },
  headline: 'Head of Operations',
  company: 'Northwind; Trading, Ltd',
  title: 'Head of Operations',
  location: 'Lyon',
  avatarUrl: null,
  openToWork: false,
  segment: '',
  relevance: null,
  role: null,
  source: null,
  sourceDetail: '',
  status: 'lead',
  tags: ['ops', 'summit, 2026'],
  notes: 'Met at the summit.\nAsk about C:\\reports',
  stage: 'commercial',
  stageHistory: [{ stage: 'commercial', since: '2026-03-10T09:00:00.000Z' }],
  keepInTouchDays: null,
  createdAt: '2026-03-10T09:00:00.000Z',
  updatedAt: '2026-03-11T15:30:45.123Z',
};

/** Each line of a vCard as UTF-8 octets, without its CRLF. */
function octetsPerLine(text: string): number[] {
  const encoder = new TextEncoder();

  return text.split('\r\n').map((line) => encoder.encode(line).length);
}

/** RFC 6350 §3.2: a CRLF followed by one space is removed when reading. */
function unfolded(text: string): string {
  return text.replace(/\r\n /g, '');
}

describe('escaping vCard text', () => {
  it.each([
    ['Smith, Jr', 'Smith\\, Jr'],
    ['CEO; founder', 'CEO\\; founder'],
    ['C:\\reports', 'C:\\\\reports'],
    ['first\nsecond', 'first\\nsecond'],
    ['first\r\nsecond\rthird', 'first\\nsecond\\nthird'],
    ['a\\,b', 'a\\\\\\,b'],
    ['Привет, мир; 👋', 'Привет\\, мир\\; 👋'],
  ])('writes %j as %j', (value, expected) => {
    const escaped = escapeText(value);

    expect(escaped).toBe(expected);
  });
});

describe('folding vCard lines', () => {
  it('leaves a line of 75 octets whole', () => {
    const line = `NOTE:${'a'.repeat(70)}`;

    const folded = foldLine(line);

    expect(folded).toBe(line);
  });

  it('folds ASCII after 75 octets, the continuation starting with a space', () => {
    const line = `NOTE:${'a'.repeat(80)}`;

    const folded = foldLine(line);

    expect(folded).toBe(`NOTE:${'a'.repeat(70)}\r\n ${'a'.repeat(10)}`);
  });

  it('folds Cyrillic between letters, a line short rather than a letter split', () => {
    const line = `N:${'Ж'.repeat(40)}`;

    const folded = foldLine(line);

    expect(folded).toBe(`N:${'Ж'.repeat(36)}\r\n ${'Ж'.repeat(4)}`);
    expect(octetsPerLine(folded)).toEqual([74, 9]);
  });

  it('folds emoji between characters, never inside their four octets', () => {
    const line = `NOTE:${'😀'.repeat(20)}`;

    const folded = foldLine(line);

    expect(folded).toBe(`NOTE:${'😀'.repeat(17)}\r\n ${'😀'.repeat(3)}`);
    expect(octetsPerLine(folded)).toEqual([73, 13]);
  });

  it('folds a long mixed line into several, each of at most 75 octets', () => {
    const line = `NOTE:${'Встреча 🤝 on Friday, '.repeat(8)}`;

    const folded = foldLine(line);

    expect(folded.split('\r\n')).toEqual([
      'NOTE:Встреча 🤝 on Friday, Встреча 🤝 on Friday, Встр',
      ' еча 🤝 on Friday, Встреча 🤝 on Friday, Встреча 🤝 ',
      ' on Friday, Встреча 🤝 on Friday, Встреча 🤝 on Friday, ',
      ' Встреча 🤝 on Friday, ',
    ]);
    expect(octetsPerLine(folded)).toEqual([75, 75, 74, 32]);
    expect(unfolded(folded)).toBe(line);
  });
});

describe('writing a contact as a vCard', () => {
  it('writes the contact’s fields, escaped, with CRLF line endings', () => {
    const card = contactVcard(ADA);

    expect(card).toBe(
      'BEGIN:VCARD\r\n' +
        'VERSION:4.0\r\n' +
        'FN:Ada Lovelace\r\n' +
        'N:Lovelace;Ada;;;\r\n' +
        'ORG:Northwind\\; Trading\\, Ltd\r\n' +
        'TITLE:Head of Operations\r\n' +
        'URL:https://www.linkedin.com/in/ada-lovelace/\r\n' +
        'NOTE:Met at the summit.\\nAsk about C:\\\\reports\r\n' +
        'CATEGORIES:ops,summit\\, 2026\r\n' +
        'REV:20260311T153045Z\r\n' +
        'END:VCARD\r\n',
    );
  });

  it('writes the email as EMAIL after the profile URL', () => {
    const card = contactVcard({ ...ADA, email: 'ada.lovelace+crm@northwind.example' });

    expect(card.split('\r\n').slice(6, 8)).toEqual([
      'URL:https://www.linkedin.com/in/ada-lovelace/',
      'EMAIL:ada.lovelace+crm@northwind.example',
    ]);
  });

  it('escapes the email like any text value', () => {
    const card = contactVcard({ ...ADA, email: 'ops\\emea@northwind.example' });

    expect(card).toContain('\r\nEMAIL:ops\\\\emea@northwind.example\r\n');
  });

  it('leaves out what is not known and folds a long Cyrillic name', () => {
    const name = 'Александра Константиновна Преображенская-Ростовцева';
    const contact: Contact = {
      ...ADA,
      name: { display: name, given: null, family: null },
      company: null,
      title: null,
      tags: [],
      notes: '',
    };

    const card = contactVcard(contact);

    expect(card).toBe(
      'BEGIN:VCARD\r\n' +
        'VERSION:4.0\r\n' +
        'FN:Александра Константиновна Преображенс\r\n' +
        ' кая-Ростовцева\r\n' +
        'URL:https://www.linkedin.com/in/ada-lovelace/\r\n' +
        'REV:20260311T153045Z\r\n' +
        'END:VCARD\r\n',
    );
  });
});

describe('exporting contacts as vCards', () => {
  it('writes one card per saved contact, in profile key order', async () => {
    const db = await freshDb();
    await saveContact(db, draft('grace-hopper'), { now: NOW });
    await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const text = await exportContactsVcard(db);

    const lines = text.split('\r\n');
    expect(lines.filter((line) => line.startsWith('FN:'))).toEqual([
      'FN:Ada Lovelace',
      'FN:Grace Hopper',
    ]);
    expect(lines.filter((line) => line === 'BEGIN:VCARD')).toHaveLength(2);
  });

  it('writes nothing when no contact is saved', async () => {
    const db = await freshDb();

    const text = await exportContactsVcard(db);

    expect(text).toBe('');
  });
});
