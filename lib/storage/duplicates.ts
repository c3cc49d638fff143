import { Contact } from '../model/contact';
import { MERGE_FIELDS, MergeChoices, MergeRecord } from '../model/merge';
import type { NextStep } from '../model/next-step';
import { INDEX, touchesOf } from './db';
import type { RapportDB } from './db';
import { refreshContacts } from './derived-fields';
import { ConflictError, NotFoundError } from './errors';
import { addedLeadIds } from './identities';
import { withoutOpenDue } from './next-steps';
import { allOf, inReadTx, inWriteTx, validated } from './tx';
import type { WriteTx } from './tx';

/** Why two cards look like the same person, strongest first. */
export type DuplicateReason =
  'same-email' | 'same-sales-lead' | 'same-member' | 'same-name-and-company' | 'member-id-and-slug';

/** Two cards that are probably one person; `first` was saved earlier. */
export interface DuplicatePair {
  first: Contact;
  second: Contact;
  reason: DuplicateReason;
}

export interface DuplicateOptions {
  limit?: number;
}

/** LinkedIn's opaque member ids, used as a profile key when the page gave no vanity slug. */
const MEMBER_ID_KEY = /^(ACoAA|AEMAA)/;

/**
 * Pairs of saved contacts that are probably the same person, with the reason, up to `limit`.
 * Nothing is merged: the rep decides. Reads every contact in one cursor pass and groups them in
 * memory, which is fine for an action the rep starts on the options page, never on a hot path.
 *
 * @example
 * const pairs = await findLikelyDuplicates(db, { limit: 20 });
 */
export async function findLikelyDuplicates(
  db: RapportDB,
  { limit = 50 }: DuplicateOptions = {},
): Promise<DuplicatePair[]> {
  const contacts = await readAllContacts(db);
  const found = new Map<string, DuplicatePair>();

  for (const pair of candidatePairs(contacts)) {
    const id = `${pair.first.id} ${pair.second.id}`;

    // The strongest reason is found first; a weaker one for the same two adds nothing.
    if (!found.has(id)) found.set(id, pair);
  }

  return [...found.values()].slice(0, limit);
}

async function readAllContacts(db: RapportDB): Promise<Contact[]> {
  return inReadTx(db, ['contacts'], async (tx) => {
    const contacts: Contact[] = [];
    let cursor = await tx.objectStore('contacts').openCursor();

    while (cursor) {
      contacts.push(cursor.value);
      cursor = await cursor.continue();
    }

    return contacts;
  });
}

function candidatePairs(contacts: Contact[]): DuplicatePair[] {
  const sameEmail = groupBy(contacts, (c) => (c.email ? [c.email] : []));
  const sameLead = groupBy(contacts, (c) => c.salesNavLeadIds ?? []);
  const sameMember = groupBy(contacts, (c) => one(c.memberUrn));
  const sameNameAndCompany = groupBy(contacts, (c) => one(nameAndCompany(c)));
  const sameName = groupBy(contacts, (c) => [normalised(c.name.display)]);

  return [
    ...pairsIn(sameEmail, 'same-email', () => true),
    ...pairsIn(sameLead, 'same-sales-lead', () => true),
    ...pairsIn(sameMember, 'same-member', () => true),
    ...pairsIn(sameNameAndCompany, 'same-name-and-company', () => true),
    ...pairsIn(sameName, 'member-id-and-slug', oneMemberIdOneSlug),
  ];
}

function nameAndCompany(contact: Contact): string | null {
  if (contact.company === null || normalised(contact.company) === '') return null;

  return `${normalised(contact.name.display)}\n${normalised(contact.company)}`;
}

function oneMemberIdOneSlug(a: Contact, b: Contact): boolean {
  return MEMBER_ID_KEY.test(a.key) !== MEMBER_ID_KEY.test(b.key);
}

/**
 * Text compared the way a person reads it: accents, case and spacing ignored.
 *
 * @example
 * normalised('  Zoë   MÜLLER ') // 'zoe muller'
 */
export function normalised(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function one(key: string | null): string[] {
  return key === null ? [] : [key];
}

/** Contacts by each of their keys, oldest first within a group; no key groups nothing. */
function groupBy(contacts: Contact[], keysOf: (c: Contact) => readonly string[]): Contact[][] {
  const groups = new Map<string, Contact[]>();

  for (const contact of contacts) {
    for (const key of new Set(keysOf(contact))) {
      groups.set(key, [...(groups.get(key) ?? []), contact]);
    }
  }

  return [...groups.values()].map((group) => group.sort(olderFirst));
}

function olderFirst(a: Contact, b: Contact): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;

  return a.id < b.id ? -1 : 1;
}

function pairsIn(
  groups: Contact[][],
  reason: DuplicateReason,
  accepts: (a: Contact, b: Contact) => boolean,
): DuplicatePair[] {
  return groups.flatMap((group) =>
    group.flatMap((first, i) =>
      group
        .slice(i + 1)
        .filter((second) => first.key !== second.key && accepts(first, second))
        .map((second) => ({ first, second, reason })),
    ),
  );
}

type MergeTx = WriteTx<'contacts' | 'touches' | 'nextSteps' | 'fieldChanges' | 'meta' | 'merges'>;

const MERGE_STORES: ('contacts' | 'touches' | 'nextSteps' | 'fieldChanges' | 'meta' | 'merges')[] =
  ['contacts', 'touches', 'nextSteps', 'fieldChanges', 'meta', 'merges'];

/**
 * Makes two cards of one person one, in one transaction: the kept card takes each field from
 * the card `choices` names, both cards' tags and Sales Navigator lead ids, and every touch,
 * next step and field change of the dropped card, which is then deleted. An email address is
 * never lost to an empty field: when only one card has one, it stays. When both had an open
 * next step, the one due first stays open and the other is marked done. The undo record it
 * returns lets `undoMerge` put everything back.
 */
export async function mergeContacts(
  db: RapportDB,
  keepId: string,
  dropId: string,
  choices: MergeChoices,
  now: Date = new Date(),
): Promise<MergeRecord> {
  const picked = validated(MergeChoices, choices, 'merge');
  const at = now.toISOString();

  if (keepId === dropId) throw new ConflictError('A contact cannot be merged with itself.');

  return inWriteTx(db, MERGE_STORES, async (tx) => {
    const [kept, dropped] = await Promise.all([contactIn(tx, keepId), contactIn(tx, dropId)]);
    const moved = await moveRecords(tx, dropped.id, kept.id, at);
    const record = validated(
      MergeRecord,
      { id: crypto.randomUUID(), at, kept, dropped, ...moved },
      'merge',
    );

    await allOf([
      () => tx.objectStore('contacts').delete(dropped.id),
      () => tx.objectStore('merges').add(record),
    ]);
    await tx.objectStore('contacts').put(mergedContact(kept, dropped, picked, at));
    await refreshContacts(tx, [kept.id]);

    return record;
  });
}

async function contactIn(tx: MergeTx, id: string): Promise<Contact> {
  const contact = await tx.objectStore('contacts').get(id);

  if (!contact) throw new NotFoundError('contact', id);

  return contact;
}

/** The kept card with the chosen values; everything not chosen field by field stays its own. */
function mergedContact(
  kept: Contact,
  dropped: Contact,
  choices: MergeChoices,
  at: string,
): Contact {
  const merged: Record<string, unknown> = { ...kept };

  for (const field of MERGE_FIELDS) {
    if (choices[field] === 'drop') merged[field] = dropped[field];
  }

  const tags = [...new Set([...kept.tags, ...dropped.tags])];
  const notes = choices.notes === 'both' ? joinedNotes(kept.notes, dropped.notes) : merged.notes;
  const ids = mergedIds(kept, dropped, choices);

  return validated(Contact, { ...merged, ...ids, tags, notes, updatedAt: at }, 'contact');
}

/** The chosen email, or the other card's when the chosen one has none; every lead id of both. */
function mergedIds(kept: Contact, dropped: Contact, choices: MergeChoices): Partial<Contact> {
  const [chosen, other] = choices.email === 'drop' ? [dropped, kept] : [kept, dropped];
  const email = chosen.email ?? other.email;
  const leadIds = addedLeadIds(kept, dropped.salesNavLeadIds ?? []) ?? kept.salesNavLeadIds;

  return {
    ...(email === undefined ? {} : { email }),
    ...(leadIds === undefined ? {} : { salesNavLeadIds: leadIds }),
  };
}

function joinedNotes(kept: string, dropped: string): string {
  return [kept, dropped].filter((notes) => notes.trim() !== '').join('\n\n');
}

type Moved = Pick<
  MergeRecord,
  'movedTouchIds' | 'movedStepIds' | 'movedChangeIds' | 'closedStepId' | 'closedStepBefore'
>;

async function moveRecords(tx: MergeTx, fromId: string, toId: string, at: string): Promise<Moved> {
  const [movedTouchIds, steps, movedChangeIds] = await Promise.all([
    moveTouches(tx, fromId, toId),
    moveSteps(tx, fromId, toId, at),
    moveFieldChanges(tx, fromId, toId),
  ]);

  return { movedTouchIds, movedChangeIds, ...steps };
}

/**
 * Touches are append-only, and moving one does not break that: the touch is written again
 * unchanged, same id, time and words, only filed under the other card of the same person.
 */
async function moveTouches(tx: MergeTx, fromId: string, toId: string): Promise<string[]> {
  const store = tx.objectStore('touches');
  const touches = await store.index(INDEX.touchByContactAt).getAll(touchesOf(fromId));

  await allOf(touches.map((touch) => () => store.put({ ...touch, contactId: toId })));

  return touches.map((touch) => touch.id);
}

async function moveFieldChanges(tx: MergeTx, fromId: string, toId: string): Promise<string[]> {
  const store = tx.objectStore('fieldChanges');
  const changes = await store.index(INDEX.fieldChangeByContactAt).getAll(touchesOf(fromId));

  await allOf(changes.map((change) => () => store.put({ ...change, contactId: toId })));

  return changes.map((change) => change.id);
}

type MovedSteps = Pick<Moved, 'movedStepIds' | 'closedStepId' | 'closedStepBefore'>;

async function moveSteps(
  tx: MergeTx,
  fromId: string,
  toId: string,
  at: string,
): Promise<MovedSteps> {
  const store = tx.objectStore('nextSteps');
  const byContact = store.index(INDEX.stepByContact);
  const [moving, staying] = await Promise.all([byContact.getAll(fromId), byContact.getAll(toId)]);
  const closing = laterOpenStep([...staying, ...moving]);
  const writes = moving.map((step) => closedIf({ ...step, contactId: toId }, closing, at));

  if (closing && closing.contactId === toId) writes.push(closedIf(closing, closing, at));

  await allOf(writes.map((step) => () => store.put(step)));

  return {
    movedStepIds: moving.map((step) => step.id),
    closedStepId: closing?.id ?? null,
    closedStepBefore: closing,
  };
}

/** A contact has one open step: of two, the one due first stays, the later one is closed. */
function laterOpenStep(steps: NextStep[]): NextStep | null {
  const open = steps.filter((step) => step.state !== 'done').sort(dueFirst);

  return open.length > 1 ? (open.at(-1) ?? null) : null;
}

function dueFirst(a: NextStep, b: NextStep): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;

  return a.createdAt < b.createdAt ? -1 : 1;
}

function closedIf(step: NextStep, closing: NextStep | null, at: string): NextStep {
  if (step.id !== closing?.id) return step;

  return { ...withoutOpenDue(step), state: 'done', updatedAt: at };
}

/**
 * Undoes a merge in one transaction: both cards come back exactly as they were before it, the
 * moved touches, next steps and field changes go back to the dropped card, the closed step is
 * as it was, and the undo record is deleted. Edits made to the kept card since the merge are
 * lost; touches logged to it since stay with it.
 */
export async function undoMerge(db: RapportDB, mergeId: string): Promise<void> {
  await inWriteTx(db, MERGE_STORES, async (tx) => {
    const record = await tx.objectStore('merges').get(mergeId);

    if (!record) throw new NotFoundError('merge', mergeId);

    await contactIn(tx, record.kept.id);
    await ensureKeyIsFree(tx, record.dropped);
    await tx.objectStore('contacts').put(record.dropped);
    await moveBack(tx, record);
    await allOf([
      () => tx.objectStore('contacts').put(record.kept),
      () => tx.objectStore('merges').delete(record.id),
    ]);
    await refreshContacts(tx, [record.kept.id, record.dropped.id]);
  });
}

/** A card saved again for the same profile since the merge would clash with the one restored. */
async function ensureKeyIsFree(tx: MergeTx, dropped: Contact): Promise<void> {
  const holder = await tx.objectStore('contacts').index(INDEX.contactByKey).get(dropped.key);

  if (holder) {
    throw new ConflictError(
      `${holder.name.display} was saved again since the merge; delete that card to undo it.`,
    );
  }
}

async function moveBack(tx: MergeTx, record: MergeRecord): Promise<void> {
  const to = record.dropped.id;
  const [touches, steps, changes] = await Promise.all([
    Promise.all(record.movedTouchIds.map((id) => tx.objectStore('touches').get(id))),
    Promise.all(record.movedStepIds.map((id) => tx.objectStore('nextSteps').get(id))),
    Promise.all(record.movedChangeIds.map((id) => tx.objectStore('fieldChanges').get(id))),
  ]);
  const before = record.closedStepBefore;
  const restoredSteps = present(steps).map((step) => (step.id === before?.id ? before : step));

  await allOf([
    ...present(touches).map((t) => () => tx.objectStore('touches').put({ ...t, contactId: to })),
    ...restoredSteps.map((s) => () => tx.objectStore('nextSteps').put({ ...s, contactId: to })),
    ...present(changes).map(
      (c) => () => tx.objectStore('fieldChanges').put({ ...c, contactId: to }),
    ),
    ...(before && before.contactId !== to ? [() => tx.objectStore('nextSteps').put(before)] : []),
  ]);
}

function present<T>(records: (T | undefined)[]): T[] {
  return records.filter((record): record is T => record !== undefined);
}

/** Merges that can still be undone, newest first. The store holds one record per merge. */
export async function listMerges(db: RapportDB): Promise<MergeRecord[]> {
  const merges = await inReadTx(db, ['merges'], (tx) => tx.objectStore('merges').getAll());

  return merges.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
}
