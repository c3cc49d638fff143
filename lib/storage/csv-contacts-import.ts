import { isBlankRow } from '../imports/csv';
import type { CsvTable } from '../imports/csv';
import type { ColumnMapping, ContactField } from '../imports/contact-columns';
import { Contact, Relevance, Status } from '../model/contact';
import { canonicalProfileUrl } from '../sites/linkedin/urls';
import { ContactDraft } from './contacts';
import { savedContactsByKey } from './conversations';
import type { RapportDB } from './db';
import { applyImportPlan, importPlanOf, isEmpty, savedContactRow } from './import-plan';
import type { ApplyImportOptions, ImportPlan, ImportResult, ImportRow } from './import-plan';

/** Why a row of a spreadsheet makes no contact. */
export type CsvContactSkip =
  | 'blank-row'
  /** Contacts are matched by their LinkedIn profile: a row without a link cannot be. */
  | 'no-profile-url'
  | 'not-a-profile-url'
  | 'no-name'
  /** A cell the contact cannot hold, such as a tag longer than 100 characters. */
  | 'unreadable';

/** What one row says, field by field; null or empty where it says nothing. */
export interface CsvValues {
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  headline: string | null;
  location: string | null;
  segment: string | null;
  relevance: Relevance | null;
  status: Status | null;
  tags: string[];
  notes: string | null;
  sourceDetail: string | null;
  email: string | null;
}

/** What a row brings: the profile it names and the values that may fill its contact. */
export interface CsvContactFill {
  key: string;
  profileUrl: string;
  values: CsvValues;
}

export type CsvPlannedRow = ImportRow<CsvContactFill, CsvContactSkip>;

/** What importing a spreadsheet would do; `applyCsvContactsImport` does it. */
export type CsvContactsImportPlan = ImportPlan<CsvContactFill, CsvContactSkip>;

type RowRead = { sourceRow: number } & ({ skip: CsvContactSkip } | { fill: CsvContactFill });
type FillRead = Extract<RowRead, { fill: CsvContactFill }>;

/**
 * Works out, without writing anything, which rows make new contacts, which fill empty fields
 * of saved ones and which are left out, and why. New contacts are stamped with `now`.
 *
 * @example (await planCsvContactsImport(db, table, guessMapping(table.header))).counts.add
 */
export async function planCsvContactsImport(
  db: RapportDB,
  table: CsvTable,
  mapping: ColumnMapping,
  now: Date = new Date(),
): Promise<CsvContactsImportPlan> {
  const read = table.rows.map((row) => readRow(row, table.header, mapping));
  const { people, merged } = mergedByKey(read);
  const saved = await savedContactsByKey(db, [...people.keys()]);
  const stamp = now.toISOString();

  const planned = [...people.values()].map(({ sourceRow, fill }) => {
    const contact = saved.get(fill.key);
    return contact ? savedRow(sourceRow, contact, fill) : newRow(sourceRow, fill, stamp);
  });

  return importPlanOf([...skippedRows(read), ...merged, ...planned]);
}

/**
 * Writes the plan in one transaction with progress, as the Connections import does: saved
 * contacts only get what is still empty.
 */
export function applyCsvContactsImport(
  db: RapportDB,
  plan: CsvContactsImportPlan,
  options: ApplyImportOptions = {},
): Promise<ImportResult> {
  return applyImportPlan(db, plan, filled, options);
}

function readRow(
  row: CsvTable['rows'][number],
  header: readonly string[],
  mapping: ColumnMapping,
): RowRead {
  const { sourceRow, cells } = row;
  if (isBlankRow(cells)) return { sourceRow, skip: 'blank-row' };

  const cellOf = mappedCells(cells, header, mapping);
  const url = cellOf.get('profileUrl');
  if (url === undefined) return { sourceRow, skip: 'no-profile-url' };

  const profile = canonicalProfileUrl(url);
  if (!profile) return { sourceRow, skip: 'not-a-profile-url' };

  const values = valuesOf(cellOf);
  if (displayName(values) === null) return { sourceRow, skip: 'no-name' };

  return { sourceRow, fill: { key: profile.key, profileUrl: profile.canonical, values } };
}

/** The first non-empty cell of each mapped field, trimmed and with the formula guard removed. */
function mappedCells(
  cells: Map<string, string>,
  header: readonly string[],
  mapping: ColumnMapping,
): Map<ContactField, string> {
  const found = new Map<ContactField, string>();

  header.forEach((column, index) => {
    const field = mapping[index];
    const cell = unguarded((cells.get(column) ?? '').trim());

    if (field && cell !== '' && !found.has(field)) found.set(field, cell);
  });

  return found;
}

/** Rapport's export puts `'` before a cell a spreadsheet would run as a formula: it goes. */
function unguarded(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function valuesOf(cellOf: Map<ContactField, string>): CsvValues {
  const text = (field: ContactField): string | null => cellOf.get(field) ?? null;

  return {
    name: text('name'),
    firstName: text('firstName'),
    lastName: text('lastName'),
    company: text('company'),
    title: text('title'),
    headline: text('headline'),
    location: text('location'),
    segment: text('segment'),
    relevance: Relevance.safeParse(text('relevance')?.toUpperCase()).data ?? null,
    status: Status.safeParse(text('status')?.toLowerCase()).data ?? null,
    tags: tagsOf(text('tags')),
    notes: text('notes'),
    sourceDetail: text('sourceDetail'),
    email: text('email'),
  };
}

/** Tags separated by `;` (as Rapport exports them) or `,` (as most CRMs do), each once. */
function tagsOf(cell: string | null): string[] {
  const tags = (cell ?? '').split(/[;,]/).map((tag) => tag.trim());

  return [...new Set(tags.filter((tag) => tag !== ''))];
}

function displayName({ name, firstName, lastName }: CsvValues): string | null {
  const joined = [firstName, lastName].filter((part) => part !== null).join(' ');

  return name ?? (joined === '' ? null : joined);
}

/** One row per profile, in file order: a later row naming it fills the earlier one's gaps. */
function mergedByKey(read: readonly RowRead[]): {
  people: Map<string, FillRead>;
  merged: CsvPlannedRow[];
} {
  const people = new Map<string, FillRead>();
  const merged: CsvPlannedRow[] = [];

  for (const row of read) {
    if (!('fill' in row)) continue;

    const earlier = people.get(row.fill.key);
    if (earlier)
      merged.push({ sourceRow: row.sourceRow, action: 'merged', intoRow: earlier.sourceRow });

    people.set(row.fill.key, earlier ? mergedRow(earlier, row) : row);
  }

  return { people, merged };
}

function mergedRow(earlier: FillRead, later: FillRead): FillRead {
  const values = { ...earlier.fill.values };

  for (const [field, value] of Object.entries(later.fill.values)) {
    const own = values[field as keyof CsvValues];
    const empty = own === null || (Array.isArray(own) && own.length === 0);
    if (empty) Object.assign(values, { [field]: value });
  }

  return { ...earlier, fill: { ...earlier.fill, values } };
}

function skippedRows(read: readonly RowRead[]): CsvPlannedRow[] {
  return read.flatMap((row): CsvPlannedRow[] =>
    'skip' in row ? [{ sourceRow: row.sourceRow, action: 'skipped', reason: row.skip }] : [],
  );
}

/** A saved contact the file would fill beyond what a contact can hold is left as it is. */
function savedRow(sourceRow: number, contact: Contact, fill: CsvContactFill): CsvPlannedRow {
  const valid = Contact.safeParse(filled(contact, fill, contact.updatedAt)).success;

  return valid
    ? savedContactRow(sourceRow, contact, fill, filled)
    : { sourceRow, action: 'skipped', reason: 'unreadable' };
}

function newRow(sourceRow: number, fill: CsvContactFill, stamp: string): CsvPlannedRow {
  const contact = newContact(fill, stamp);

  return contact
    ? { sourceRow, action: 'add', contact, fill }
    : { sourceRow, action: 'skipped', reason: 'unreadable' };
}

/**
 * The contact a row makes, in the identification stage: a spreadsheet holds people in every
 * state, and a stage with a cadence would make them all due for a touch at once.
 */
function newContact({ key, profileUrl, values }: CsvContactFill, stamp: string): Contact | null {
  const draft = ContactDraft.safeParse({
    key,
    profileUrl,
    name: { display: displayName(values), given: values.firstName, family: values.lastName },
    headline: values.headline,
    company: values.company,
    title: values.title,
    location: values.location,
    segment: values.segment ?? '',
    relevance: values.relevance,
    status: values.status ?? 'new',
    tags: values.tags,
    notes: notesOf(values),
    sourceDetail: values.sourceDetail ?? '',
    stage: 'identification',
  });

  if (!draft.success) return null;

  const stageHistory = [{ stage: draft.data.stage, since: stamp }];
  return {
    ...draft.data,
    stageHistory,
    id: crypto.randomUUID(),
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** A contact has no email field: the file's email is kept in its notes. */
function notesOf({ notes, email }: CsvValues): string {
  return [notes, email === null ? null : `Email: ${email}`]
    .filter((part) => part !== null)
    .join('\n\n');
}

/**
 * The contact with the row's values in its empty fields; the same object when there is
 * nothing to fill. A field the rep kept over the page's value stays as the rep left it.
 */
function filled(contact: Contact, { values }: CsvContactFill, stamp: string): Contact {
  const changes: Partial<Contact> = { ...profileFills(contact, values) };
  const texts = { segment: values.segment, sourceDetail: values.sourceDetail };

  for (const [field, value] of Object.entries(texts) as [keyof typeof texts, string | null][]) {
    if (isEmpty(contact[field]) && value !== null) changes[field] = value;
  }

  const notes = notesOf(values);
  if (isEmpty(contact.notes) && notes !== '') changes.notes = notes;
  if (contact.relevance === null && values.relevance !== null) changes.relevance = values.relevance;
  if (contact.tags.length === 0 && values.tags.length > 0) changes.tags = values.tags;

  const name = nameFill(contact, values);
  if (name) changes.name = name;

  return Object.keys(changes).length === 0 ? contact : { ...contact, ...changes, updatedAt: stamp };
}

const PROFILE_TEXTS = ['headline', 'company', 'title', 'location'] as const;

function profileFills(contact: Contact, values: CsvValues): Partial<Contact> {
  const kept = contact.keptOverPage ?? {};
  const changes: Partial<Contact> = {};

  for (const field of PROFILE_TEXTS) {
    const value = values[field];
    if (isEmpty(contact[field]) && value !== null && kept[field] === undefined) {
      changes[field] = value;
    }
  }

  return changes;
}

/** The given and family names where the contact has none; null when nothing changes. */
function nameFill(contact: Contact, values: CsvValues): Contact['name'] | null {
  const { name } = contact;
  const given = name.given ?? values.firstName;
  const family = name.family ?? values.lastName;

  return given === name.given && family === name.family ? null : { ...name, given, family };
}
