import type { z } from 'zod';
import { NewTouch, Touch } from '../model/touch';
import type { RapportDB } from './db';
import { INDEX, touchesOf } from './db';
import { InvalidRecordError, NotFoundError, fieldIssues, formatPath } from './errors';
import type { FieldIssue } from './errors';
import { refreshContacts } from './derived-fields';
import { allOf, inReadTx, inWriteTx, utcIso, validated } from './tx';
import type { WriteTx } from './tx';

/** A touch as the history shows it: `supersededBy` is the id of the touch correcting it. */
export type TouchView = Touch & { supersededBy: string | null };

export interface LoggedTouches {
  /** The touches stored, in the order given. */
  added: Touch[];
  /** Touches left out because a stored touch, or an earlier one of the batch, has their ref. */
  skipped: number;
}

/** The touches, their contacts, and the cadence the contacts' due times follow. */
const TOUCH_STORES: ('contacts' | 'touches' | 'meta')[] = ['contacts', 'touches', 'meta'];

/**
 * Appends a touch to a contact's history. To correct one, log a new touch whose `supersedes`
 * names it: touches are never changed or deleted one by one. A touch whose `ref` is already
 * stored was logged before: the stored touch is returned and nothing is written.
 */
export async function logTouch(
  db: RapportDB,
  input: NewTouch,
  now: Date = new Date(),
): Promise<Touch> {
  const touch = newTouch(validated(NewTouch, input, 'touch'), now);

  const [logged] = await inWriteTx(db, TOUCH_STORES, (tx) => writeTouches(tx, [touch], SINGLE));

  return logged?.touch ?? touch;
}

/**
 * Appends many touches, e.g. a conversation or an export, in one transaction: all of them are
 * checked and stored, or none. Touches whose `ref` is stored already, or repeats one earlier in
 * the batch, are skipped, so importing the same messages again adds nothing.
 */
export async function logTouches(
  db: RapportDB,
  inputs: readonly NewTouch[],
  now: Date = new Date(),
): Promise<LoggedTouches> {
  const touches = checkedBatch(inputs).map((fields) => newTouch(fields, now));

  if (touches.length === 0) return { added: [], skipped: 0 };

  const logged = await inWriteTx(db, TOUCH_STORES, (tx) => writeTouches(tx, touches, BATCH));
  const added = logged.filter((l) => l.added).map((l) => l.touch);

  return { added, skipped: touches.length - added.length };
}

type Fields = z.output<typeof NewTouch>;

function newTouch(fields: Fields, now: Date): Touch {
  const record = {
    ...fields,
    at: utcIso(fields.at),
    id: crypto.randomUUID(),
    createdAt: now.toISOString(),
  };

  return validated(Touch, record, 'touch');
}

/** Every faulty field of the whole batch at once, each named with its touch's place. */
function checkedBatch(inputs: readonly NewTouch[]): Fields[] {
  const results = inputs.map((input) => NewTouch.safeParse(input));
  const issues = results.flatMap((r, i) => (r.success ? [] : fieldIssues(r.error, place(i))));

  if (issues.length > 0) throw new InvalidRecordError('touches', issues);

  return results.flatMap((r) => (r.success ? [r.data] : []));
}

/** How errors name a touch: by its fields alone when logged alone, by its place in a batch. */
interface Naming {
  what: string;
  at: (i: number) => string;
}

const SINGLE: Naming = { what: 'touch', at: () => '' };
const BATCH: Naming = { what: 'touches', at: place };

function place(i: number): string {
  return `touches[${i}]`;
}

type TouchTx = WriteTx<'contacts' | 'touches' | 'meta'>;

interface Logged {
  /** The touch now stored for this input: the new one, or the one that had its ref. */
  touch: Touch;
  added: boolean;
}

async function writeTouches(tx: TouchTx, touches: Touch[], naming: Naming): Promise<Logged[]> {
  await ensureContactsExist(tx, touches);

  await checkCorrections(tx, touches, naming);

  const logged = await withoutRepeats(tx, touches);
  const store = tx.objectStore('touches');
  const added = logged.filter((l) => l.added).map((l) => l.touch);

  await allOf(added.map((touch) => () => store.add(touch)));

  // Each contact is refreshed once, however many of the batch's touches it has.
  const owners = added.map((touch) => touch.contactId);
  await refreshContacts(tx, owners);

  return logged;
}

async function ensureContactsExist(tx: TouchTx, touches: Touch[]): Promise<void> {
  const ids = [...new Set(touches.map((touch) => touch.contactId))];
  const store = tx.objectStore('contacts');
  const keys = await Promise.all(ids.map((id) => store.getKey(id)));
  const missing = ids.find((_, i) => keys[i] === undefined);

  if (missing !== undefined) throw new NotFoundError('contact', missing);
}

async function checkCorrections(tx: TouchTx, touches: Touch[], naming: Naming): Promise<void> {
  const store = tx.objectStore('touches');
  const corrected = await Promise.all(
    touches.map((t) => (t.supersedes === null ? undefined : store.get(t.supersedes))),
  );
  const issues = touches.flatMap((touch, i) =>
    touch.supersedes === null ? [] : correctionIssues(touch, corrected[i], naming.at(i)),
  );

  if (issues.length > 0) throw new InvalidRecordError(naming.what, issues);
}

function correctionIssues(touch: Touch, corrected: Touch | undefined, at: string): FieldIssue[] {
  if (corrected?.contactId === touch.contactId) return [];

  return [
    {
      path: formatPath(at, ['supersedes']),
      message: 'The touch it corrects is not in this contact’s history',
    },
  ];
}

/** Pairs each touch with the stored touch that has its ref, or with itself when none has. */
async function withoutRepeats(tx: TouchTx, touches: Touch[]): Promise<Logged[]> {
  const byRef = tx.objectStore('touches').index(INDEX.touchByRef);
  const refs = [...new Set(touches.flatMap((t) => (t.ref === undefined ? [] : [t.ref])))];
  const holders = await Promise.all(refs.map((ref) => byRef.get(ref)));
  const held = new Map(refs.flatMap((ref, i) => withHolder(ref, holders[i])));

  return touches.map((touch) => {
    const holder = touch.ref === undefined ? undefined : held.get(touch.ref);

    if (holder) return { touch: holder, added: false };

    // A later touch of the batch with the same ref is a repeat of this one.
    if (touch.ref !== undefined) held.set(touch.ref, touch);

    return { touch, added: true };
  });
}

function withHolder(ref: string, holder: Touch | undefined): [string, Touch][] {
  return holder ? [[ref, holder]] : [];
}

/**
 * A contact's touches, newest first, each marked with the touch that corrected it, if any.
 * Touches at the same time come newest logged first, so a correction sits above what it corrects.
 */
export async function listTouches(db: RapportDB, contactId: string): Promise<TouchView[]> {
  const oldestFirst = await inReadTx(db, ['touches'], (tx) =>
    tx.objectStore('touches').index(INDEX.touchByContactAt).getAll(touchesOf(contactId)),
  );

  return markSuperseded(oldestFirst.sort(newestFirst));
}

function newestFirst(a: Touch, b: Touch): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;

  return b.createdAt.localeCompare(a.createdAt);
}

/** When several touches correct the same one, the latest logged correction names it. */
function markSuperseded(touches: Touch[]): TouchView[] {
  const byCreation = [...touches].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const correctedBy = new Map<string, string>();

  for (const touch of byCreation) {
    if (touch.supersedes !== null) correctedBy.set(touch.supersedes, touch.id);
  }

  return touches.map((touch) => ({ ...touch, supersededBy: correctedBy.get(touch.id) ?? null }));
}

/** The contact's most recent touch that still stands, i.e. was not corrected. */
export async function lastTouch(db: RapportDB, contactId: string): Promise<TouchView | undefined> {
  const touches = await listTouches(db, contactId);

  return touches.find((touch) => touch.supersededBy === null);
}
