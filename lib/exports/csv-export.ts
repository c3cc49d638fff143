import Papa from 'papaparse';
import type { Contact } from '../model/contact';
import type { Touch } from '../model/touch';
import { INDEX, touchesOf } from '../storage/db';
import type { RapportDB } from '../storage/db';
import { inReadTx } from '../storage/tx';

export const CONTACT_COLUMNS = [
  'Name',
  'Profile URL',
  'Email',
  'Headline',
  'Company',
  'Title',
  'Location',
  'Status',
  'Stage',
  'Segment',
  'Relevance',
  'Role',
  'Source',
  'Source detail',
  'Tags',
  'Notes',
  'Keep in touch every (days)',
  'Last touch',
  'Next touch due',
  'Created',
  'Updated',
] as const;

export const TOUCH_COLUMNS = [
  'Contact name',
  'Profile URL',
  'Time',
  'Channel',
  'Direction',
  'Summary',
  'Corrects',
  'Id',
] as const;

export interface CsvOptions {
  /** The zone the times are written in; the system's when omitted. */
  timeZone?: string;
}

/** One contact with its touches, oldest first. */
export interface ContactHistory {
  contact: Contact;
  touches: readonly Touch[];
}

/**
 * Every contact as CSV, ordered by profile key, read in one transaction. Open it in a
 * spreadsheet as it is: `exportContactsCsv(db)` starts with `\uFEFF` and the header row.
 */
export async function exportContactsCsv(db: RapportDB, options: CsvOptions = {}): Promise<string> {
  const contacts = await inReadTx(db, ['contacts'], (tx) =>
    tx.objectStore('contacts').index(INDEX.contactByKey).getAll(),
  );

  return contactsCsv(contacts, options);
}

/**
 * Every touch as CSV, contact by contact in profile-key order, each contact's touches oldest
 * first. Corrected touches are kept: the `Corrects` column links a correction to them.
 */
export async function exportTouchesCsv(db: RapportDB, options: CsvOptions = {}): Promise<string> {
  const histories = await inReadTx(db, ['contacts', 'touches'], async (tx) => {
    const contacts = await tx.objectStore('contacts').index(INDEX.contactByKey).getAll();
    const byContact = tx.objectStore('touches').index(INDEX.touchByContactAt);
    const touches = await Promise.all(contacts.map((c) => byContact.getAll(touchesOf(c.id))));

    return contacts.map((contact, i) => ({ contact, touches: touches[i] ?? [] }));
  });

  return touchesCsv(histories, options);
}

/** The contacts as CSV text, one row each, in the order given. */
export function contactsCsv(contacts: readonly Contact[], options: CsvOptions = {}): string {
  const time = timeWriter(options.timeZone);

  return csvText(
    CONTACT_COLUMNS,
    contacts.map((contact) => contactRow(contact, time)),
  );
}

/** The touches as CSV text, one row each, named after their contact. */
export function touchesCsv(histories: readonly ContactHistory[], options: CsvOptions = {}): string {
  const time = timeWriter(options.timeZone);
  const rows = histories.flatMap(({ contact, touches }) =>
    touches.map((touch) => touchRow(contact, touch, time)),
  );

  return csvText(TOUCH_COLUMNS, rows);
}

type TimeWriter = (iso: string | undefined) => string;

function contactRow(contact: Contact, time: TimeWriter): string[] {
  return [
    contact.name.display,
    contact.profileUrl,
    contact.email ?? '',
    contact.headline ?? '',
    contact.company ?? '',
    contact.title ?? '',
    contact.location ?? '',
    contact.status,
    contact.stage,
    contact.segment,
    contact.relevance ?? '',
    contact.role ?? '',
    contact.source ?? '',
    contact.sourceDetail,
    contact.tags.join('; '),
    contact.notes,
    // The cadence that applies (the contact's own, else its stage's), as the due time uses.
    contact.cadenceDays === undefined ? '' : String(contact.cadenceDays),
    time(contact.lastTouchAt),
    time(contact.touchDueAt),
    time(contact.createdAt),
    time(contact.updatedAt),
  ];
}

function touchRow(contact: Contact, touch: Touch, time: TimeWriter): string[] {
  return [
    contact.name.display,
    contact.profileUrl,
    time(touch.at),
    touch.channel,
    touch.direction,
    touch.summary,
    touch.supersedes ?? '',
    touch.id,
  ];
}

/** RFC 4180 with CRLF, after a byte order mark: without it Excel reads UTF-8 as a code page. */
function csvText(columns: readonly string[], rows: string[][]): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => row.map(guardFormula)) },
    { newline: '\r\n' },
  );

  // Every record ends with CRLF; Papa ends only a lone header row with one.
  return `\uFEFF${body.endsWith('\r\n') ? body : `${body}\r\n`}`;
}

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and skips a
 * leading tab or CR to find one), so a summary copied from a message could run a command or
 * send data off when the file is opened. A leading `'` makes it text. Papaparse's own
 * `escapeFormulae` misses cells with a line break, so the check is done here.
 *
 * `guardFormula('=HYPERLINK("x")')` is `'=HYPERLINK("x")`.
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Times as `YYYY-MM-DD HH:mm` on the rep's clock, which spreadsheets read as dates; the
 * backup is the place for exact UTC times.
 */
function timeWriter(timeZone: string | undefined): TimeWriter {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

  return (iso) => (iso === undefined ? '' : localTime(format, new Date(iso)));
}

function localTime(format: Intl.DateTimeFormat, date: Date): string {
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';

  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
