import type { Contact } from '../model/contact';
import { INDEX } from '../storage/db';
import type { RapportDB } from '../storage/db';
import { inReadTx } from '../storage/tx';

const CRLF = '\r\n';

/** RFC 6350 §3.2: a line should not be longer than 75 octets, not counting its line break. */
const MAX_OCTETS = 75;

/** Every contact as vCard 4.0, ordered by profile key, read in one transaction. */
export async function exportContactsVcard(db: RapportDB): Promise<string> {
  const contacts = await inReadTx(db, ['contacts'], (tx) =>
    tx.objectStore('contacts').index(INDEX.contactByKey).getAll(),
  );

  return contactsVcard(contacts);
}

/** The contacts as one vCard file: the cards one after the other. */
export function contactsVcard(contacts: readonly Contact[]): string {
  return contacts.map(contactVcard).join('');
}

/**
 * One contact as a vCard 4.0, each line folded and ended with CRLF. Fields the contact has no
 * value for are left out.
 */
export function contactVcard(contact: Contact): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${escapeText(contact.name.display)}`,
    ...nameLine(contact),
    ...optional('ORG', contact.company),
    ...optional('TITLE', contact.title),
    // A URI, not text: backslash escapes do not apply to it.
    `URL:${contact.profileUrl}`,
    // Text, not a URI (RFC 6350 §6.4.2), so it is escaped like the others.
    ...optional('EMAIL', contact.email ?? null),
    ...optional('NOTE', contact.notes),
    ...categoriesLine(contact.tags),
    `REV:${timestamp(contact.updatedAt)}`,
    'END:VCARD',
  ];

  return lines.map((line) => foldLine(line) + CRLF).join('');
}

/** `N` is family;given;additional;prefixes;suffixes, written only when a part is known. */
function nameLine({ name }: Contact): string[] {
  if (name.given === null && name.family === null) return [];

  return [`N:${escapeText(name.family ?? '')};${escapeText(name.given ?? '')};;;`];
}

function optional(property: string, value: string | null): string[] {
  return value === null || value === '' ? [] : [`${property}:${escapeText(value)}`];
}

/** Tags are a comma-separated list, so a comma inside one tag is escaped. */
function categoriesLine(tags: readonly string[]): string[] {
  return tags.length === 0 ? [] : [`CATEGORIES:${tags.map(escapeText).join(',')}`];
}

/** `2026-03-10T09:00:00.000Z` becomes `20260310T090000Z`, the form RFC 6350 gives for REV. */
function timestamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}

/**
 * A text value as RFC 6350 §3.4 writes it: backslash, comma and semicolon are escaped and every
 * line break becomes `\n`. `escapeText('Smith, Jr; CEO')` is `Smith\, Jr\; CEO`.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 UTF-8 octets, each continuation starting with
 * one space (RFC 6350 §3.2). Breaks only between characters, so a Cyrillic letter or an emoji
 * is never cut in half. The result has no final line break.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;

  for (const char of line) {
    const size = utf8Length(char);

    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }

    current += char;
    octets += size;
  }

  lines.push(current);

  return lines.join(CRLF);
}

/** Octets of one code point in UTF-8. */
function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;

  if (code < 0x80) return 1;

  if (code < 0x800) return 2;

  return code < 0x10000 ? 3 : 4;
}
