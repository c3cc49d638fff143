import type { IDBPObjectStore } from 'idb';
import type { Contact } from '../model/contact';
import { INDEX } from './db';
import type { RapportDB, RapportSchema, StoreName } from './db';
import { inReadTx } from './tx';

/**
 * The ways a row of a file names a person, strongest first: the LinkedIn profile, Sales
 * Navigator lead ids, an email address. Any of them may be missing.
 */
export interface PersonIds {
  key: string | null;
  leadIds: readonly string[];
  email: string | null;
}

type IdKind = 'key' | 'lead' | 'email';

/** Saved contacts by each id of a file that names one. */
type SavedByIds = Record<IdKind, Map<string, Contact>>;

type ContactStore<N extends StoreName, M extends IDBTransactionMode> = IDBPObjectStore<
  RapportSchema,
  N[],
  'contacts',
  M
>;

/** One person a file names: the saved contact, if any, and the rows about them, in file order. */
export interface Person<R> {
  saved: Contact | undefined;
  rows: R[];
}

/**
 * Puts the rows of a file together by the person each names. A row belongs to whoever its
 * strongest id names: its profile, else one of its lead ids, else its email; at each step a
 * saved contact before an earlier row. A row whose ids name nobody yet is a new person.
 *
 * @example const people = await peopleIn(db, records, (record) => record.ids);
 */
export async function peopleIn<R>(
  db: RapportDB,
  rows: readonly R[],
  idsOf: (row: R) => PersonIds,
): Promise<Person<R>[]> {
  const saved = await savedByIds(db, rows.map(idsOf));

  return peopleOf(rows, idsOf, saved);
}

/**
 * The contact's lead ids with the new ones among `leadIds` after them, or null when none is
 * new: a person may have more than one lead page, and each names them.
 */
export function addedLeadIds(contact: Contact, leadIds: readonly string[]): string[] | null {
  const known = contact.salesNavLeadIds ?? [];
  const added = leadIds.filter((id) => !known.includes(id));

  return added.length === 0 ? null : [...known, ...new Set(added)];
}

/**
 * The id of the saved contact these ids name, by its profile, else a lead id, else the email,
 * looked up in the caller's transaction. An import checks it again as it writes: the person
 * may have been saved since the preview.
 */
export async function savedIdIn<N extends StoreName, M extends IDBTransactionMode>(
  store: ContactStore<N, M>,
  ids: PersonIds,
): Promise<string | undefined> {
  // Only the key is read for the profile: reading a whole contact for every row costs more.
  const byKey =
    ids.key === null ? undefined : await store.index(INDEX.contactByKey).getKey(ids.key);
  if (byKey !== undefined) return byKey;

  for (const id of ids.leadIds) {
    const contact = firstSaved(await store.index(INDEX.contactBySalesLead).getAll(id));
    if (contact) return contact.id;
  }

  if (ids.email === null) return undefined;

  return firstSaved(await store.index(INDEX.contactByEmail).getAll(ids.email))?.id;
}

/**
 * The saved contacts that the rows' ids name, read through the indexes in one transaction.
 * Lead ids and emails are looked up only for rows whose profile is not saved: the profile
 * decides first. Of two contacts with one email, the one saved first is taken.
 */
async function savedByIds(db: RapportDB, rows: readonly PersonIds[]): Promise<SavedByIds> {
  return inReadTx(db, ['contacts'], async (tx) => {
    const store = tx.objectStore('contacts');
    const key = await lookUp(unique(rows.map((ids) => ids.key)), async (k) => {
      const contact = await store.index(INDEX.contactByKey).get(k);
      return contact ? [contact] : [];
    });
    const unsaved = rows.filter((ids) => ids.key === null || !key.has(ids.key));
    const [lead, email] = await Promise.all([
      lookUp(unique(unsaved.flatMap((ids) => ids.leadIds)), (id) =>
        store.index(INDEX.contactBySalesLead).getAll(id),
      ),
      lookUp(unique(unsaved.map((ids) => ids.email)), (address) =>
        store.index(INDEX.contactByEmail).getAll(address),
      ),
    ]);

    return { key, lead, email };
  });
}

async function lookUp(
  ids: readonly string[],
  find: (id: string) => Promise<Contact[]>,
): Promise<Map<string, Contact>> {
  const found = await Promise.all(ids.map(find));

  return new Map(
    ids.flatMap((id, i) => {
      const contact = firstSaved(found[i] ?? []);
      return contact ? [[id, contact] as const] : [];
    }),
  );
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id) => id !== null))];
}

function firstSaved(contacts: readonly Contact[]): Contact | undefined {
  return [...contacts].sort(olderFirst)[0];
}

function olderFirst(a: Contact, b: Contact): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;

  return a.id < b.id ? -1 : 1;
}

function peopleOf<R>(
  rows: readonly R[],
  idsOf: (row: R) => PersonIds,
  saved: SavedByIds,
): Person<R>[] {
  const people: Person<R>[] = [];
  const byId = new Map<string, Person<R>>();
  const bySaved = new Map<string, Person<R>>();

  const personOfSaved = (contact: Contact): Person<R> => {
    const known = bySaved.get(contact.id);
    if (known) return known;

    const person: Person<R> = { saved: contact, rows: [] };
    people.push(person);
    bySaved.set(contact.id, person);
    return person;
  };

  for (const row of rows) {
    const tiers = tiersOf(idsOf(row));
    const person = findPerson(tiers, saved, byId, personOfSaved) ?? newPerson(people);

    person.rows.push(row);
    for (const id of tiers.flat()) if (!byId.has(tokenOf(id))) byId.set(tokenOf(id), person);
  }

  return people;
}

type Id = readonly [IdKind, string];

/** The row's ids, strongest first, those of equal strength together. */
function tiersOf({ key, leadIds, email }: PersonIds): Id[][] {
  return [
    key === null ? [] : [['key', key] as const],
    leadIds.map((id) => ['lead', id] as const),
    email === null ? [] : [['email', email] as const],
  ];
}

function tokenOf([kind, value]: Id): string {
  return `${kind}:${value}`;
}

function findPerson<R>(
  tiers: Id[][],
  saved: SavedByIds,
  byId: Map<string, Person<R>>,
  personOfSaved: (contact: Contact) => Person<R>,
): Person<R> | undefined {
  for (const tier of tiers) {
    const contact = tier.map(([kind, value]) => saved[kind].get(value)).find(Boolean);
    if (contact) return personOfSaved(contact);

    const earlier = tier.map((id) => byId.get(tokenOf(id))).find(Boolean);
    if (earlier) return earlier;
  }

  return undefined;
}

function newPerson<R>(people: Person<R>[]): Person<R> {
  const person: Person<R> = { saved: undefined, rows: [] };
  people.push(person);

  return person;
}
