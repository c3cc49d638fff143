import type { z } from 'zod';
import type { Cadence } from '../model/cadence';
import { Contact, ContactEdit, STORAGE_KEPT } from '../model/contact';
import type { Status } from '../model/contact';
import { SeenOnPage } from '../model/field-change';
import type { NextStep } from '../model/next-step';
import { INDEX, META, touchesOf } from './db';
import type { RapportDB } from './db';
import { storedCadence } from './derived-fields';
import { DuplicateContactError, NotFoundError } from './errors';
import { newStep } from './next-steps';
import type { NextStepPlan } from './next-steps';
import { withStage, withTouchDue } from './touch-due';
import { allOf, inReadTx, inWriteTx, validated } from './tx';
import type { WriteTx } from './tx';

const shape = Contact.shape;

/**
 * What the panel hands over to save a new contact: the profile fields plus whatever the rep
 * chose. The rep's fields may be left out and get their empty values; a contact starts in the
 * identification stage, following the stage's cadence, unless the draft says otherwise.
 */
export const ContactDraft = Contact.omit({
  ...STORAGE_KEPT,
  id: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  memberUrn: shape.memberUrn.default(null),
  headline: shape.headline.default(null),
  company: shape.company.default(null),
  title: shape.title.default(null),
  location: shape.location.default(null),
  avatarUrl: shape.avatarUrl.default(null),
  openToWork: shape.openToWork.default(false),
  segment: shape.segment.default(''),
  relevance: shape.relevance.default(null),
  role: shape.role.default(null),
  source: shape.source.default(null),
  sourceDetail: shape.sourceDetail.default(''),
  status: shape.status.default('new'),
  tags: shape.tags.default([]),
  notes: shape.notes.default(''),
  stage: shape.stage.default('identification'),
  keepInTouchDays: shape.keepInTouchDays.default(null),
});
export type ContactDraft = z.input<typeof ContactDraft>;

export interface SavedContact {
  contact: Contact;
  nextStep: NextStep | null;
}

export interface SaveContactOptions {
  /** Saved in the same transaction as the contact: both are stored or neither is. */
  nextStep?: NextStepPlan;
  /** What the profile page said as the contact was saved from it: later readings compare. */
  seen?: SeenOnPage;
  now?: Date;
}

/**
 * Saves a new contact, and its first next step when given, in one transaction. Rejects with
 * DuplicateContactError when a contact with the same profile key is already saved.
 */
export async function saveContact(
  db: RapportDB,
  draft: ContactDraft,
  options: SaveContactOptions = {},
): Promise<SavedContact> {
  const now = (options.now ?? new Date()).toISOString();
  const fresh = { ...newContact(draft, now), ...seenAtSave(options.seen) };
  const nextStep = options.nextStep ? newStep(fresh.id, options.nextStep, now) : null;

  return inWriteTx(db, ['contacts', 'nextSteps', 'meta'], async (tx) => {
    await ensureKeyIsFree(tx, fresh.key);

    const contact = withTouchDue(fresh, await storedCadence(tx));
    await tx.objectStore('contacts').add(contact);

    if (nextStep) await tx.objectStore('nextSteps').add(nextStep);

    return { contact, nextStep };
  });
}

function seenAtSave(seen: SeenOnPage | undefined): Partial<Contact> {
  return seen === undefined ? {} : { lastSeen: validated(SeenOnPage, seen, 'contact') };
}

/**
 * The contact as the draft describes it, in its first stage since `now`. Saving counts as
 * checking the card, so it ages from then until their profile is read again.
 */
function newContact(draft: ContactDraft, now: string): Contact {
  const fields = validated(ContactDraft, draft, 'contact');
  const stageHistory = [{ stage: fields.stage, since: now }];
  const record = {
    ...fields,
    stageHistory,
    id: crypto.randomUUID(),
    lastVerifiedAt: now,
    createdAt: now,
    updatedAt: now,
  };

  return validated(Contact, record, 'contact');
}

async function ensureKeyIsFree(
  tx: WriteTx<'contacts' | 'nextSteps' | 'meta'>,
  key: string,
): Promise<void> {
  const existing = await tx.objectStore('contacts').index(INDEX.contactByKey).get(key);

  if (existing) throw new DuplicateContactError(existing.id, existing.name.display);
}

export async function getContact(db: RapportDB, id: string): Promise<Contact | undefined> {
  return inReadTx(db, ['contacts'], (tx) => tx.objectStore('contacts').get(id));
}

/** The contact saved for a profile, by its canonical slug. */
export async function getContactByKey(db: RapportDB, key: string): Promise<Contact | undefined> {
  return inReadTx(db, ['contacts'], (tx) =>
    tx.objectStore('contacts').index(INDEX.contactByKey).get(key),
  );
}

/**
 * Applies the rep's edit to a saved contact and bumps `updatedAt`. A new stage is added to the
 * stage history; the due time follows the new stage, cadence or status.
 */
export async function updateContact(
  db: RapportDB,
  id: string,
  edit: ContactEdit,
  now: Date = new Date(),
): Promise<Contact> {
  const { stage, ...changes } = definedOnly(validated(ContactEdit, edit, 'contact'));
  const stamp = now.toISOString();

  return changeContact(db, id, (current) => {
    const updated = { ...current, ...changes, updatedAt: stamp };

    return withStage(updated, stage ?? current.stage, stamp);
  });
}

/**
 * Changes a saved contact in one transaction and works its due time out again with the stored
 * cadence. When `change` gives back the contact it was handed, nothing is written.
 */
export async function changeContact(
  db: RapportDB,
  id: string,
  change: (contact: Contact, cadence: Cadence) => Contact,
): Promise<Contact> {
  return inWriteTx(db, ['contacts', 'meta'], async (tx) => {
    const store = tx.objectStore('contacts');
    const [current, cadence] = await Promise.all([store.get(id), storedCadence(tx)]);

    if (!current) throw new NotFoundError('contact', id);

    const changed = change(current, cadence);

    if (changed === current) return current;

    const record = validated(Contact, withTouchDue(changed, cadence), 'contact');
    await store.put(record);

    return record;
  });
}

/** A field set to `undefined` in an edit means "leave as is", like a missing one. */
function definedOnly<T extends object>(edit: T): Partial<T> {
  const entries = Object.entries(edit).filter(([, value]) => value !== undefined);

  return Object.fromEntries(entries) as Partial<T>;
}

/** Contacts with one status, most recently updated first. */
export async function listContactsByStatus(db: RapportDB, status: Status): Promise<Contact[]> {
  const contacts = await inReadTx(db, ['contacts'], (tx) =>
    tx.objectStore('contacts').index(INDEX.contactByStatus).getAll(status),
  );

  // The index orders one status by id; a per-status list is small enough to sort here.
  return contacts.sort((a, b) => compareDesc(a.updatedAt, b.updatedAt));
}

/** The `limit` most recently updated contacts, newest first, read from the end of the index. */
export async function listRecentContacts(db: RapportDB, limit = 50): Promise<Contact[]> {
  return inReadTx(db, ['contacts'], async (tx) => {
    const found: Contact[] = [];
    const index = tx.objectStore('contacts').index(INDEX.contactByUpdated);
    let cursor = await index.openCursor(null, 'prev');

    while (cursor && found.length < limit) {
      found.push(cursor.value);
      cursor = await cursor.continue();
    }

    return found;
  });
}

function compareDesc(a: string, b: string): number {
  if (a === b) return 0;

  return a < b ? 1 : -1;
}

/** Deletes a contact with all its touches, next steps and field history, in one transaction. */
export async function deleteContact(db: RapportDB, id: string): Promise<void> {
  await inWriteTx(db, ['contacts', 'touches', 'nextSteps', 'fieldChanges'], async (tx) => {
    const contacts = tx.objectStore('contacts');

    if (!(await contacts.get(id))) throw new NotFoundError('contact', id);

    const touches = tx.objectStore('touches');
    const touchIds = await touches.index(INDEX.touchByContactAt).getAllKeys(touchesOf(id));
    const steps = tx.objectStore('nextSteps');
    const stepIds = await steps.index(INDEX.stepByContact).getAllKeys(id);
    const history = tx.objectStore('fieldChanges');
    const changeIds = await history.index(INDEX.fieldChangeByContactAt).getAllKeys(touchesOf(id));

    await allOf([
      ...touchIds.map((key) => () => touches.delete(key)),
      ...stepIds.map((key) => () => steps.delete(key)),
      ...changeIds.map((key) => () => history.delete(key)),
      () => contacts.delete(id),
    ]);
  });
}

/**
 * Deletes every contact, touch, next step, template, field change and merge undo record, in one
 * transaction, and stops syncing. The cadence settings stay, like the rest of the rep's settings.
 */
export async function deleteAllData(db: RapportDB): Promise<void> {
  const stores = [
    'contacts',
    'touches',
    'nextSteps',
    'templates',
    'fieldChanges',
    'merges',
    'outbox',
    'syncShadow',
    'meta',
  ] as const;

  // Deleting is this device's business: it also stops syncing, rather than telling the others
  // to delete everything too, and forgets what was waiting to be sent.
  await inWriteTx(
    db,
    [...stores],
    async (tx) => {
      await allOf([
        // Undo records hold copies of deleted contacts, so they go too.
        () => tx.objectStore('merges').clear(),
        () => tx.objectStore('fieldChanges').clear(),
        () => tx.objectStore('contacts').clear(),
        () => tx.objectStore('touches').clear(),
        () => tx.objectStore('nextSteps').clear(),
        () => tx.objectStore('templates').clear(),
        () => tx.objectStore('outbox').clear(),
        () => tx.objectStore('syncShadow').clear(),
        () => tx.objectStore('meta').delete(META.sync),
      ]);
    },
    { noting: false },
  );
}
