import { Contact } from '../model/contact';
import { FieldChangeRecord, TRACKED_FIELDS } from '../model/field-change';
import type { SeenOnPage, TrackedField } from '../model/field-change';
import type { LocalDate, NextStep } from '../model/next-step';
import type { ProfileReading } from '../model/reading';
import { INDEX, touchesOf } from './db';
import type { RapportDB } from './db';
import { addedLeadIds } from './identities';
import { newStep } from './next-steps';
import { allOf, inReadTx, inWriteTx, validated } from './tx';
import type { WriteTx } from './tx';

/** The follow-ups suggested when someone changed jobs, in the rep's language. */
export interface FollowUpWords {
  congratulate: string;
  /** The search for their successor, at the company they left when it is known. */
  findReplacement: (oldCompany: string | null) => string;
}

/** A profile reading as the background receives it: the page's URL and what it said. */
export interface ProfileSeen {
  url: string;
  profile: ProfileReading;
  /** The rep's calendar day, which a suggested next step is due on. */
  today: LocalDate;
  now?: Date;
}

/** What a reading of a saved contact's profile changed; null when the person is not saved. */
export interface ReadingOutcome {
  contact: Contact;
  changes: FieldChangeRecord[];
  nextStep: NextStep | null;
}

type DetectTx = WriteTx<'contacts' | 'fieldChanges' | 'nextSteps'>;

interface Change {
  field: TrackedField;
  from: string;
  to: string;
}

/** The page's values, for every field it let Rapport read. */
export function seenOn(profile: ProfileReading): SeenOnPage {
  const seen: SeenOnPage = {};

  for (const field of TRACKED_FIELDS) {
    const value = profile[field];
    if (value) seen[field] = value;
  }

  return seen;
}

/**
 * Fields the page now reads differently than last time. A field unread now, or never read
 * before, is no change: a page that failed to load a part says nothing about the person.
 */
export function changedFields(lastSeen: SeenOnPage, now: SeenOnPage): Change[] {
  return TRACKED_FIELDS.flatMap((field) => {
    const from = lastSeen[field];
    const to = now[field];

    return from !== undefined && to !== undefined && from !== to ? [{ field, from, to }] : [];
  });
}

/**
 * Notes a reading of a profile, in one transaction with one key lookup: a saved contact gets
 * `lastSeen`, `lastVerifiedAt` and the page's Sales Navigator lead id, and every field that
 * reads differently since the last time is added to its history. A new company or title marks
 * `jobChangedAt` and suggests a follow-up: congratulating becomes the next step unless one is
 * open (never replaced); for a member of a buying group, finding their successor is kept on
 * the change as a suggestion, since a contact has one next step at a time. The stored card
 * stays as the rep left it.
 */
export async function noteProfileReading(
  db: RapportDB,
  seen: ProfileSeen,
  words: FollowUpWords,
): Promise<ReadingOutcome | null> {
  const stamp = (seen.now ?? new Date()).toISOString();

  return inWriteTx(db, ['contacts', 'fieldChanges', 'nextSteps'], async (tx) => {
    const index = tx.objectStore('contacts').index(INDEX.contactByKey);
    const contact = await index.get(seen.profile.key);

    if (!contact) return null;

    return recordReading(tx, contact, { ...seen, stamp }, words);
  });
}

interface Reading extends ProfileSeen {
  stamp: string;
}

async function recordReading(
  tx: DetectTx,
  contact: Contact,
  reading: Reading,
  words: FollowUpWords,
): Promise<ReadingOutcome> {
  const page = seenOn(reading.profile);
  const lastSeen = contact.lastSeen;
  // The first reading since saving sets what later ones are compared with.
  const changes = lastSeen ? changedFields(lastSeen, page) : [];
  const newJob = changes.some((c) => c.field === 'company' || c.field === 'title');
  const nextStep = newJob ? await congratulation(tx, contact, reading, words) : null;
  const idea = newJob ? replacementIdea(contact, words) : null;
  const records = changeRecords(contact.id, changes, reading, idea);

  const read = withReading(contact, page, reading.stamp, newJob);
  const updated = validated(Contact, withLeadId(read, reading.profile.salesNavLeadId), 'contact');

  await allOf([
    () => tx.objectStore('contacts').put(updated),
    ...records.map((record) => () => tx.objectStore('fieldChanges').add(record)),
    ...(nextStep ? [() => tx.objectStore('nextSteps').add(nextStep)] : []),
  ]);

  return { contact: updated, changes: records, nextStep };
}

/** The contact as of this reading; a field the page did not show keeps what it said before. */
function withReading(contact: Contact, page: SeenOnPage, stamp: string, newJob: boolean): Contact {
  const lastSeen = { ...contact.lastSeen, ...page };
  const read = { ...contact, lastSeen, lastVerifiedAt: stamp };

  return newJob ? { ...read, jobChangedAt: stamp } : read;
}

function withLeadId(contact: Contact, leadId: string | undefined): Contact {
  const salesNavLeadIds = leadId === undefined ? null : addedLeadIds(contact, [leadId]);

  return salesNavLeadIds === null ? contact : { ...contact, salesNavLeadIds };
}

/** A next step to congratulate them, due today, unless the contact has one open already. */
async function congratulation(
  tx: DetectTx,
  contact: Contact,
  reading: Reading,
  words: FollowUpWords,
): Promise<NextStep | null> {
  const steps = await tx.objectStore('nextSteps').index(INDEX.stepByContact).getAll(contact.id);

  if (steps.some((step) => step.state !== 'done')) return null;

  return newStep(contact.id, { action: words.congratulate, due: reading.today }, reading.stamp);
}

/** For a buying-group member, a note to find who replaced them at the company they left. */
function replacementIdea(contact: Contact, words: FollowUpWords): string | null {
  if (contact.role === null) return null;

  return words.findReplacement(contact.lastSeen?.company ?? contact.company);
}

/** The history records; a suggestion goes on the company change, else on the title's. */
function changeRecords(
  contactId: string,
  changes: Change[],
  reading: Reading,
  suggestion: string | null,
): FieldChangeRecord[] {
  const carrier = changes.find((c) => c.field === 'company') ?? changes.find(isTitle);

  return changes.map((change) => {
    const record = {
      id: crypto.randomUUID(),
      contactId,
      ...change,
      at: reading.stamp,
      seenAt: reading.url,
      ...(change === carrier && suggestion !== null ? { suggestion } : {}),
    };

    return validated(FieldChangeRecord, record, 'field change');
  });
}

function isTitle(change: Change): boolean {
  return change.field === 'title';
}

/**
 * Every recorded change of a contact, newest first; the changes of one reading keep the order
 * of the card (name, headline, company, title, location).
 */
export async function listFieldChanges(
  db: RapportDB,
  contactId: string,
): Promise<FieldChangeRecord[]> {
  const records = await inReadTx(db, ['fieldChanges'], (tx) =>
    tx.objectStore('fieldChanges').index(INDEX.fieldChangeByContactAt).getAll(touchesOf(contactId)),
  );

  return records.sort(newestFirst);
}

function newestFirst(a: FieldChangeRecord, b: FieldChangeRecord): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;

  return TRACKED_FIELDS.indexOf(a.field) - TRACKED_FIELDS.indexOf(b.field);
}
