import { isBlankRow } from '../imports/csv';
import type { CsvTable } from '../imports/csv';
import type { ColumnMapping, ContactField } from '../imports/contact-columns';
import { Contact, Relevance, Status, emailAddress } from '../model/contact';
import { canonicalProfileUrl, salesNavLeadId } from '../sites/linkedin/urls';
import type { CanonicalProfile } from '../sites/linkedin/urls';
import { ContactDraft } from './contacts';
import type { RapportDB } from './db';
import { addedLeadIds, peopleIn } from './identities';
import type { Person, PersonIds } from './identities';
import { applyImportPlan, importPlanOf, isEmpty, savedContactRow } from './import-plan';
import type { ApplyImportOptions, ImportPlan, ImportResult, ImportRow } from './import-plan';

/** Why a row of a spreadsheet makes no contact. */
export type CsvContactSkip =
  | 'blank-row'
  /**
   * Contacts are made from a LinkedIn profile: a row without a link makes none, and is left
   * out unless its Sales Navigator link or its email is a saved contact's.
   */
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
}

/**
 * What a row brings: the ids that name the person, the profile's URL when it has one, and the
 * values that may fill the contact.
 */
export interface CsvContactFill extends PersonIds {
  profileUrl: string | null;
  values: CsvValues;
}

export type CsvPlannedRow = ImportRow<CsvContactFill, CsvContactSkip>;

/** What importing a spreadsheet would do; `applyCsvContactsImport` does it. */
export type CsvContactsImportPlan = ImportPlan<CsvContactFill, CsvContactSkip>;

type LinkSkip = 'no-profile-url' | 'not-a-profile-url';

/** A row's reading: why it is left out, or what it brings and why it may make no contact. */
type RowRead = { sourceRow: number } & (
  { skip: CsvContactSkip } | { fill: CsvContactFill; unlinked: LinkSkip | null }
);
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
  const rows = read.filter((row): row is FillRead => 'fill' in row);
  const people = await peopleIn(db, rows, (row) => row.fill);
  const stamp = now.toISOString();

  const planned = people.flatMap((person) => personRows(person, stamp));

  return importPlanOf([...skippedRows(read), ...planned]);
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
  const { profile, unlinked, leadIds } = linksOf(cellOf);
  const email = emailAddress(cellOf.get('email') ?? '');
  if (unlinked !== null && leadIds.length === 0 && email === null) {
    return { sourceRow, skip: unlinked };
  }

  const values = valuesOf(cellOf);
  if (displayName(values) === null) return { sourceRow, skip: 'no-name' };

  const fill = { key: profile?.key ?? null, profileUrl: profile?.canonical ?? null, values };
  return { sourceRow, fill: { ...fill, leadIds, email }, unlinked };
}

interface Links {
  profile: CanonicalProfile | null;
  /** Why the row names no profile; null when it does. */
  unlinked: LinkSkip | null;
  leadIds: string[];
}

/**
 * The row's profile and Sales Navigator lead ids. A lead page in the profile column is a lead,
 * not a profile: LinkedIn shows it to Sales Navigator members only.
 */
function linksOf(cellOf: Map<ContactField, string>): Links {
  const url = cellOf.get('profileUrl');
  const leads = [cellOf.get('salesNavUrl'), url].map((cell) => salesNavLeadId(cell ?? ''));
  const leadIds = [...new Set(leads.filter((id) => id !== null))];
  const profile = url === undefined ? null : canonicalProfileUrl(url);

  if (url === undefined) return { profile: null, unlinked: 'no-profile-url', leadIds };
  if (!profile) return { profile: null, unlinked: 'not-a-profile-url', leadIds };

  return profile.type === 'salesLead'
    ? { profile: null, unlinked: 'no-profile-url', leadIds }
    : { profile, unlinked: null, leadIds };
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

/**
 * What the rows of one person do: the first row adds or fills the contact with what all of
 * them say, the later ones merge into it. A person that no saved contact and no profile link
 * names makes no contact: each of its rows is left out, for its own reason.
 */
function personRows(person: Person<FillRead>, stamp: string): CsvPlannedRow[] {
  const [first, ...later] = person.rows;
  if (!first) return [];

  const fill = later.map((row) => row.fill).reduce(mergedFill, first.fill);
  if (!person.saved && fill.key === null) {
    return person.rows.map(({ sourceRow, unlinked }) => skipped(sourceRow, unlinked));
  }

  const merged = later.map(({ sourceRow }): CsvPlannedRow => {
    return { sourceRow, action: 'merged', intoRow: first.sourceRow };
  });
  const { sourceRow } = first;
  const leading = person.saved
    ? savedRow(sourceRow, person.saved, fill)
    : newRow(sourceRow, fill, stamp);

  return [leading, ...merged];
}

function skipped(sourceRow: number, reason: LinkSkip | null): CsvPlannedRow {
  return { sourceRow, action: 'skipped', reason: reason ?? 'no-profile-url' };
}

/** The earlier row with the later one's ids and cells where it has none. */
function mergedFill(earlier: CsvContactFill, later: CsvContactFill): CsvContactFill {
  const values = { ...earlier.values };

  for (const [field, value] of Object.entries(later.values)) {
    const own = values[field as keyof CsvValues];
    const empty = own === null || (Array.isArray(own) && own.length === 0);
    if (empty) Object.assign(values, { [field]: value });
  }

  const profile = earlier.key === null ? { key: later.key, profileUrl: later.profileUrl } : {};
  const leadIds = [...new Set([...earlier.leadIds, ...later.leadIds])];

  return { ...earlier, ...profile, leadIds, email: earlier.email ?? later.email, values };
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
function newContact(fill: CsvContactFill, stamp: string): Contact | null {
  const { key, profileUrl, values } = fill;
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
    notes: values.notes ?? '',
    sourceDetail: values.sourceDetail ?? '',
    ...idFields(fill),
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

/** A new contact carries an email and lead ids only when the file gives them. */
function idFields({ email, leadIds }: PersonIds): Partial<Contact> {
  return {
    ...(email === null ? {} : { email }),
    ...(leadIds.length === 0 ? {} : { salesNavLeadIds: [...leadIds] }),
  };
}

/**
 * The contact with the row's values in its empty fields; the same object when there is
 * nothing to fill. A field the rep kept over the page's value stays as the rep left it.
 */
function filled(contact: Contact, fill: CsvContactFill, stamp: string): Contact {
  const { values } = fill;
  const changes: Partial<Contact> = { ...profileFills(contact, values), ...idFills(contact, fill) };
  const texts = { segment: values.segment, sourceDetail: values.sourceDetail };

  for (const [field, value] of Object.entries(texts) as [keyof typeof texts, string | null][]) {
    if (isEmpty(contact[field]) && value !== null) changes[field] = value;
  }

  if (isEmpty(contact.notes) && values.notes !== null) changes.notes = values.notes;
  if (contact.relevance === null && values.relevance !== null) changes.relevance = values.relevance;
  if (contact.tags.length === 0 && values.tags.length > 0) changes.tags = values.tags;

  const name = nameFill(contact, values);
  if (name) changes.name = name;

  return Object.keys(changes).length === 0 ? contact : { ...contact, ...changes, updatedAt: stamp };
}

/** The file's email where the contact has none, and its lead ids the contact lacks. */
function idFills(contact: Contact, { email, leadIds }: PersonIds): Partial<Contact> {
  const salesNavLeadIds = addedLeadIds(contact, leadIds);

  return {
    ...(isEmpty(contact.email ?? null) && email !== null ? { email } : {}),
    ...(salesNavLeadIds === null ? {} : { salesNavLeadIds }),
  };
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
