import { repairedMojibake } from '../imports/csv';
import type {
  ConnectionRecord,
  ConnectionsExport,
  SkipReason,
} from '../imports/linkedin-connections';
import { emailAddress } from '../model/contact';
import type { Contact, PersonName } from '../model/contact';
import { cleanName } from '../sites/linkedin';
import { ContactDraft } from './contacts';
import type { RapportDB } from './db';
import { peopleIn } from './identities';
import type { Person, PersonIds } from './identities';
import { applyImportPlan, importPlanOf, isEmpty, savedContactRow } from './import-plan';
import type { ApplyImportOptions, ImportPlan, ImportResult, ImportRow } from './import-plan';

export type { RowAction } from './import-plan';

/** Why a row of the file makes no contact. */
export type ConnectionSkip =
  | 'blank-row'
  | 'no-name-or-url'
  /**
   * Older exports have no URL column: without one a row cannot be matched to a profile, and
   * is left out unless its email is a saved contact's.
   */
  | 'no-profile-url'
  | 'not-a-profile-url'
  /** A cell the contact cannot hold, such as a name longer than any real one. */
  | 'unreadable';

/** What the file says that may fill a saved contact's empty fields. */
export interface ConnectionFill extends PersonIds {
  company: string | null;
  title: string | null;
  connectedOn: string | null;
}

export type PlannedRow = ImportRow<ConnectionFill, ConnectionSkip>;

/** What importing LinkedIn's Connections.csv would do; `applyConnectionsImport` does it. */
export type ConnectionsImportPlan = ImportPlan<ConnectionFill, ConnectionSkip>;

export type ConnectionsImportResult = ImportResult;

export type ApplyConnectionsOptions = ApplyImportOptions;

export const CONNECTION_SOURCE = 'linkedin-connection';

const SKIPS: Record<SkipReason, ConnectionSkip> = {
  'blank row (only commas)': 'blank-row',
  'no name and no URL': 'no-name-or-url',
};

/**
 * Works out, without writing anything, which rows make new contacts, which fill empty fields
 * of saved ones and which are left out, and why. New contacts are stamped with `now`.
 *
 * @example (await planConnectionsImport(db, readConnections(bytes))).counts.add
 */
export async function planConnectionsImport(
  db: RapportDB,
  parsed: ConnectionsExport,
  now: Date = new Date(),
): Promise<ConnectionsImportPlan> {
  const people = await peopleIn(db, parsed.records.map(withAddress), idsOf);
  const made = { stamp: now.toISOString(), names: new Map<string, string | null>() };
  const notProfiles = new Set(
    parsed.warnings.filter((w) => w.problem === 'not a profile URL').map((w) => w.sourceRow),
  );

  const planned = people.flatMap((person) => personRows(person, made, notProfiles));
  const skipped = parsed.skipped.map(({ sourceRow, reason }) => skip(sourceRow, SKIPS[reason]));

  return importPlanOf([...skipped, ...planned]);
}

/**
 * Writes the plan in one transaction, in batches, reporting progress after each: all of it is
 * stored or, when anything fails, none. A row's contact saved or edited since the preview only
 * gets what is still empty.
 */
export async function applyConnectionsImport(
  db: RapportDB,
  plan: ConnectionsImportPlan,
  options: ApplyConnectionsOptions = {},
): Promise<ConnectionsImportResult> {
  return applyImportPlan(db, plan, filled, options);
}

/** The record with its email as Rapport keeps addresses, or none when the cell holds none. */
function withAddress(record: ConnectionRecord): ConnectionRecord {
  return { ...record, email: record.email === null ? null : emailAddress(record.email) };
}

/** The ids a row names its person by; LinkedIn's export has no Sales Navigator links. */
function idsOf(record: ConnectionRecord): PersonIds {
  return { key: record.key, leadIds: [], email: record.email };
}

/**
 * What the rows of one person do: the first row adds or fills the contact with what every row
 * says (LinkedIn sometimes lists a person twice, once with the email), the later ones merge
 * into it. A person no saved contact and no profile link names is left out, row by row.
 */
function personRows(
  person: Person<ConnectionRecord>,
  made: Making,
  notProfiles: Set<number>,
): PlannedRow[] {
  const [first, ...later] = person.rows;
  if (!first) return [];

  const record = later.reduce(filledFrom, first);
  if (!person.saved && record.key === null) {
    return person.rows.map(({ sourceRow }) =>
      skip(sourceRow, notProfiles.has(sourceRow) ? 'not-a-profile-url' : 'no-profile-url'),
    );
  }

  const merged = later.map(({ sourceRow }): PlannedRow => {
    return { sourceRow, action: 'merged', intoRow: first.sourceRow };
  });
  const leading = person.saved ? savedRow(record, person.saved) : newRow(record, made);

  return [leading, ...merged];
}

function filledFrom(earlier: ConnectionRecord, later: ConnectionRecord): ConnectionRecord {
  return {
    ...earlier,
    profileUrl: earlier.profileUrl ?? later.profileUrl,
    key: earlier.key ?? later.key,
    email: earlier.email ?? later.email,
    company: earlier.company ?? later.company,
    position: earlier.position ?? later.position,
    connectedOn: earlier.connectedOn ?? later.connectedOn,
  };
}

function skip(sourceRow: number, reason: ConnectionSkip): PlannedRow {
  return { sourceRow, action: 'skipped', reason };
}

function savedRow(record: ConnectionRecord, contact: Contact): PlannedRow {
  return savedContactRow(record.sourceRow, contact, fillOf(record), filled);
}

/** What the new contacts of one plan share: their time stamp and the name parts cleaned. */
interface Making {
  stamp: string;
  /** First and last names repeat across a network ("Anna", "Kim"): each is cleaned once. */
  names: Map<string, string | null>;
}

function newRow(record: ConnectionRecord, made: Making): PlannedRow {
  const contact = newContact(record, made);
  const { sourceRow } = record;

  return contact
    ? { sourceRow, action: 'add', contact, fill: fillOf(record) }
    : { sourceRow, action: 'skipped', reason: 'unreadable' };
}

function fillOf(record: ConnectionRecord): ConnectionFill {
  const { company, position, connectedOn } = record;

  return { ...idsOf(record), company, title: position, connectedOn };
}

/**
 * The contact a row makes, in the identification stage since the day of the connection: an
 * export holds years of connections, and a stage with a cadence would make them all due for a
 * touch at once. The rep moves the ones they work with on to the connection stage.
 */
function newContact(record: ConnectionRecord, made: Making): Contact | null {
  const draft = ContactDraft.safeParse({
    key: record.key,
    profileUrl: record.profileUrl,
    name: nameOf(record, made.names),
    company: record.company,
    title: record.position,
    source: CONNECTION_SOURCE,
    sourceDetail: connectedDetail(record.connectedOn),
    status: 'new',
    ...emailField(record.email),
    stage: 'identification',
  });

  if (!draft.success) return null;

  // Only the file's cells need checking: the id and the times are made here, and checking
  // them again costs a third of a large import's planning.
  const { stamp } = made;
  const stageHistory = [{ stage: draft.data.stage, since: connectedSince(record, stamp) }];

  return {
    ...draft.data,
    stageHistory,
    id: crypto.randomUUID(),
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** The display name cleaned by the reader; given and family cleaned from their own columns. */
function nameOf(record: ConnectionRecord, cleaned: Map<string, string | null>): PersonName {
  // A name that reads like UTF-8 gone through windows-1252 ("RenÃ©e") is stored repaired.
  const repair = record.suspectMojibake === true;
  const display = record.repairedFromCandidate ?? record.name ?? record.key ?? '';

  return {
    display,
    given: namePart(record.firstName, repair, cleaned),
    family: namePart(record.lastName, repair, cleaned),
  };
}

function namePart(
  part: string | null,
  repair: boolean,
  cleaned: Map<string, string | null>,
): string | null {
  if (part === null) return null;

  const text = repair ? (repairedMojibake(part) ?? part) : part;
  const known = cleaned.get(text);
  if (known !== undefined) return known;

  const clean = cleanName(text).display;
  cleaned.set(text, clean);
  return clean;
}

/** New contacts carry an email only when the file gives one. */
function emailField(email: string | null): { email?: string } {
  return email === null ? {} : { email };
}

function connectedDetail(connectedOn: string | null): string {
  return connectedOn === null ? '' : `Connected on ${connectedOn}`;
}

/** A date after `stamp` (a clock set wrong, a file from tomorrow's time zone) counts as now. */
function connectedSince({ connectedOn }: ConnectionRecord, stamp: string): string {
  const since = connectedOn === null ? stamp : `${connectedOn}T00:00:00.000Z`;

  return since < stamp ? since : stamp;
}

/**
 * The contact with the file's company, title and email where it has none, and the connection
 * as its source where none is set; the same object when there is nothing to fill. A field the
 * rep kept over the page's value stays as the rep left it, even empty.
 */
function filled(contact: Contact, fill: ConnectionFill, stamp: string): Contact {
  const changes: Partial<Contact> = {};
  const kept = contact.keptOverPage ?? {};

  if (isEmpty(contact.email ?? null) && fill.email !== null) changes.email = fill.email;

  if (isEmpty(contact.company) && fill.company && kept.company === undefined) {
    changes.company = fill.company;
  }

  if (isEmpty(contact.title) && fill.title && kept.title === undefined) changes.title = fill.title;

  if (contact.source === null) {
    changes.source = CONNECTION_SOURCE;
    if (contact.sourceDetail === '') changes.sourceDetail = connectedDetail(fill.connectedOn);
  }

  return Object.keys(changes).length === 0 ? contact : { ...contact, ...changes, updatedAt: stamp };
}
