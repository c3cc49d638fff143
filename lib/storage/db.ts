import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { z } from 'zod';
import { DEFAULT_CADENCE } from '../model/cadence';
import type { Cadence } from '../model/cadence';
import { Contact, emailAddress } from '../model/contact';
import type { FieldChangeRecord } from '../model/field-change';
import type { Status } from '../model/contact';
import { NextStep } from '../model/next-step';
import type { MergeRecord } from '../model/merge';
import type { Template } from '../model/template';
import type { Touch } from '../model/touch';
import type { OutboxEntry, Shadow, SyncMeta } from './sync/state';
import { awaitingReplySince, withAwaitingReply } from './awaiting-reply';
import { lastStandingTouchAt, withFirstStage, withLastTouch, withTouchDue } from './touch-due';
import { StorageError, UpgradeBlockedError, fieldIssues, describeIssues } from './errors';

export const DB_NAME = 'rapport';

/** The schema version this code creates and expects. */
export const DB_VERSION = 8;

/** Index names, shared by the queries and the migrations so the two cannot drift apart. */
export const INDEX = {
  contactByKey: 'by-key',
  contactByStatus: 'by-status',
  contactByUpdated: 'by-updated',
  contactByAwaitingReply: 'by-awaiting-reply',
  contactByTouchDue: 'by-touch-due',
  contactByLastVerified: 'by-last-verified',
  contactByEmail: 'by-email',
  contactBySalesLead: 'by-sales-lead',
  touchByContactAt: 'by-contact-at',
  touchByRef: 'by-ref',
  stepByContact: 'by-contact',
  stepByOpenDue: 'by-open-due',
  templateByName: 'by-name',
  fieldChangeByContactAt: 'by-contact-at',
  shadowByWire: 'by-wire',
  shadowByPending: 'by-pending',
} as const;

/** Keys of the `meta` store, which holds settings that writes to the data depend on. */
export const META = { cadence: 'cadence', sync: 'sync' } as const;

export interface RapportSchema extends DBSchema {
  contacts: {
    key: string;
    value: Contact;
    indexes: {
      'by-key': string;
      'by-status': Status;
      'by-updated': string;
      'by-awaiting-reply': string;
      'by-touch-due': [number, string];
      'by-last-verified': string;
      'by-email': string;
      'by-sales-lead': string;
    };
  };
  touches: {
    key: string;
    value: Touch;
    indexes: { 'by-contact-at': [string, string]; 'by-ref': string };
  };
  nextSteps: {
    key: string;
    value: NextStep;
    indexes: { 'by-contact': string; 'by-open-due': string };
  };
  templates: {
    key: string;
    value: Template;
    indexes: { 'by-name': string };
  };
  meta: {
    key: (typeof META)[keyof typeof META];
    value: Cadence | SyncMeta;
  };
  fieldChanges: {
    key: string;
    value: FieldChangeRecord;
    indexes: { 'by-contact-at': [string, string] };
  };
  merges: {
    key: string;
    value: MergeRecord;
  };
  outbox: {
    key: number;
    value: OutboxEntry;
  };
  syncShadow: {
    key: string;
    value: Shadow;
    indexes: { 'by-wire': string; 'by-pending': string };
  };
}

/**
 * Every `[contactId, at]` key of one contact: arrays sort after all strings, so `[id, []]` is
 * above any `[id, at]`.
 */
export function touchesOf(contactId: string): IDBKeyRange {
  return IDBKeyRange.bound([contactId], [contactId, []]);
}

export type RapportDB = IDBPDatabase<RapportSchema>;
export type StoreName = StoreNames<RapportSchema>;
export type UpgradeTransaction = IDBPTransaction<RapportSchema, StoreName[], 'versionchange'>;

/** One schema step: brings a database at `version - 1` to `version`, inside the upgrade. */
export interface Migration {
  version: number;
  describe: string;
  up: (db: RapportDB, tx: UpgradeTransaction) => void | Promise<void>;
}

/**
 * Every schema version ever shipped, oldest first. Never edit a released step: add a new one.
 * A fresh install runs them all, so new and upgraded databases end up identical.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    describe: 'contacts, touches and next steps',
    up: (db) => {
      const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
      contacts.createIndex(INDEX.contactByKey, 'key', { unique: true });
      contacts.createIndex(INDEX.contactByStatus, 'status');

      const touches = db.createObjectStore('touches', { keyPath: 'id' });
      touches.createIndex(INDEX.touchByContactAt, ['contactId', 'at']);

      const steps = db.createObjectStore('nextSteps', { keyPath: 'id' });
      steps.createIndex(INDEX.stepByContact, 'contactId');
    },
  },
  {
    version: 2,
    describe: 'recently-updated contacts and the due list of open next steps',
    up: async (_db, tx) => {
      tx.objectStore('contacts').createIndex(INDEX.contactByUpdated, 'updatedAt');
      tx.objectStore('nextSteps').createIndex(INDEX.stepByOpenDue, 'openDue');

      await backfillOpenDue(tx);
    },
  },
  {
    version: 3,
    describe: 'touches identified by their source, replies due, and message templates',
    up: async (db, tx) => {
      // Only touches with a ref are in the index, so the touches logged before stay valid.
      tx.objectStore('touches').createIndex(INDEX.touchByRef, 'ref', { unique: true });
      tx.objectStore('contacts').createIndex(INDEX.contactByAwaitingReply, 'awaitingReplySince');

      const templates = db.createObjectStore('templates', { keyPath: 'id' });
      templates.createIndex(INDEX.templateByName, 'name');

      await backfillAwaitingReply(tx);
    },
  },
  {
    version: 4,
    describe: 'stages, cadences and the contacts due for a touch',
    up: async (db, tx) => {
      // Contacts without a cadence have neither field, so the due index holds only the others.
      const contacts = tx.objectStore('contacts');
      contacts.createIndex(INDEX.contactByTouchDue, ['cadenceDays', 'touchDueAt']);

      db.createObjectStore('meta');
      await tx.objectStore('meta').put(DEFAULT_CADENCE, META.cadence);

      await backfillStages(tx);
    },
  },
  {
    version: 5,
    describe: 'history of the fields read from profiles, and contacts not checked for long',
    up: async (db, tx) => {
      const changes = db.createObjectStore('fieldChanges', { keyPath: 'id' });
      changes.createIndex(INDEX.fieldChangeByContactAt, ['contactId', 'at']);
      tx.objectStore('contacts').createIndex(INDEX.contactByLastVerified, 'lastVerifiedAt');

      await backfillLastVerified(tx);
    },
  },
  {
    version: 6,
    describe: 'merges of duplicate contacts, kept so that each can be undone',
    up: (db) => {
      db.createObjectStore('merges', { keyPath: 'id' });
    },
  },
  {
    version: 7,
    describe: 'email addresses and Sales Navigator lead ids that identify a contact',
    up: async (_db, tx) => {
      // Only contacts with an address, or with lead ids, are in these indexes.
      const contacts = tx.objectStore('contacts');
      contacts.createIndex(INDEX.contactByEmail, 'email');
      contacts.createIndex(INDEX.contactBySalesLead, 'salesNavLeadIds', { multiEntry: true });

      await backfillEmails(tx);
    },
  },
  {
    version: 8,
    describe: 'changes waiting to go to the other devices, and what the devices agreed on',
    up: (db) => {
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      const shadows = db.createObjectStore('syncShadow', { keyPath: 'key' });
      shadows.createIndex(INDEX.shadowByWire, 'wire', { unique: true });
      shadows.createIndex(INDEX.shadowByPending, 'pending');
    },
  },
];

/** v1 steps have no `openDue`; give it to the ones not done so the due index lists them. */
async function backfillOpenDue(tx: UpgradeTransaction): Promise<void> {
  let cursor = await tx.objectStore('nextSteps').openCursor();

  while (cursor) {
    const step = cursor.value;

    if (step.state !== 'done' && step.openDue !== step.due) {
      const place = `nextSteps[${step.id}]`;
      await cursor.update(checked(NextStep, { ...step, openDue: step.due }, place));
    }

    cursor = await cursor.continue();
  }
}

/**
 * Contacts as versions 1 to 3 stored them, before stages and cadences. A step checks records
 * against the shape of its own version: the current one has fields a later step adds.
 */
export const ContactBeforeStages = Contact.omit({
  stage: true,
  stageHistory: true,
  keepInTouchDays: true,
  lastTouchAt: true,
  cadenceDays: true,
  touchDueAt: true,
  keepInTouchSnoozedUntil: true,
});

/**
 * v2 contacts have no `awaitingReplySince`; work it out from each contact's touches, read
 * through the contact's stretch of the `[contactId, at]` index, one contact at a time so that
 * a large history never sits in memory at once.
 */
async function backfillAwaitingReply(tx: UpgradeTransaction): Promise<void> {
  const touches = tx.objectStore('touches').index(INDEX.touchByContactAt);
  let cursor = await tx.objectStore('contacts').openCursor();

  while (cursor) {
    const contact = cursor.value;
    const since = awaitingReplySince(await touches.getAll(touchesOf(contact.id)));

    if (since !== contact.awaitingReplySince) {
      const place = `contacts[${contact.id}]`;
      const record = checked(ContactBeforeStages, withAwaitingReply(contact, since), place);

      // The store is typed as it is now; at this step its contacts have no stage yet.
      await cursor.update(record as Contact);
    }

    cursor = await cursor.continue();
  }
}

/**
 * v3 contacts have no stage: each starts in the stage its status suggests, as of the time it
 * was saved, and follows that stage's default cadence from its last touch.
 */
async function backfillStages(tx: UpgradeTransaction): Promise<void> {
  const touches = tx.objectStore('touches').index(INDEX.touchByContactAt);
  let cursor = await tx.objectStore('contacts').openCursor();

  while (cursor) {
    const contact = cursor.value;
    const lastTouchAt = lastStandingTouchAt(await touches.getAll(touchesOf(contact.id)));

    // Checked as it was, so a fault is named once rather than again in the fields built on it.
    const record = withFirstStage(checked(ContactBeforeStages, contact, `contacts[${contact.id}]`));
    await cursor.update(withTouchDue(withLastTouch(record, lastTouchAt), DEFAULT_CADENCE));

    cursor = await cursor.continue();
  }
}

/**
 * v4 contacts were never checked against their profile: they age from when they were saved,
 * so that each is listed as stale once, however long ago that was. Only this step does that;
 * the code sets `lastVerifiedAt` when a contact is saved and whenever their profile is read.
 */
async function backfillLastVerified(tx: UpgradeTransaction): Promise<void> {
  let cursor = await tx.objectStore('contacts').openCursor();

  while (cursor) {
    const contact = cursor.value;
    const place = `contacts[${contact.id}]`;
    await cursor.update(checked(Contact, { ...contact, lastVerifiedAt: contact.createdAt }, place));

    cursor = await cursor.continue();
  }
}

/** The line the imports of versions 6 and older wrote into a new contact's notes. */
const IMPORTED_EMAIL_LINE = /^Email: (.+)$/m;

/**
 * v6 imports kept a file's email in the new contact's notes, as "Email: <address>". The
 * address becomes the contact's email, so importing the same file again finds it there and
 * changes nothing; the notes are the rep's to tidy and stay as they are.
 */
async function backfillEmails(tx: UpgradeTransaction): Promise<void> {
  let cursor = await tx.objectStore('contacts').openCursor();

  while (cursor) {
    const contact = cursor.value;
    const line = IMPORTED_EMAIL_LINE.exec(contact.notes)?.[1];
    const email = line === undefined ? null : emailAddress(line);

    if (email !== null) {
      const place = `contacts[${contact.id}]`;
      await cursor.update(checked(Contact, { ...contact, email }, place));
    }

    cursor = await cursor.continue();
  }
}

/** A migrated record must still be valid, or the upgrade aborts and keeps the old data. */
function checked<S extends z.ZodType>(schema: S, record: z.infer<S>, place: string): z.infer<S> {
  const result = schema.safeParse(record);

  if (result.success) return result.data;

  const issues = fieldIssues(result.error, place);

  throw new StorageError('failed', `Upgrading the data failed: ${describeIssues(issues)}`);
}

/**
 * Opens (creating or upgrading as needed) Rapport's database. Rejects with UpgradeBlockedError
 * instead of waiting forever when an old connection elsewhere refuses to close.
 */
export function openRapportDB(name: string = DB_NAME): Promise<RapportDB> {
  return new Promise<RapportDB>((resolve, reject) => {
    let blocked = false;
    let migrationError: unknown;
    let connection: RapportDB | undefined;

    const upgrade = (db: RapportDB, oldVersion: number, tx: UpgradeTransaction): void => {
      runMigrations(db, oldVersion, tx, (error) => {
        migrationError = error;
      });
    };

    openDB<RapportSchema>(name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
      blocked: () => {
        blocked = true;
        reject(new UpgradeBlockedError());
      },
      // Another tab opened a newer version: step aside so it can upgrade. Our next call then
      // fails with DatabaseClosedError, which tells the rep to reload.
      blocking: () => connection?.close(),
    }).then(
      (db) => {
        // The caller was already told the upgrade is blocked; a connection that opens late
        // would only block the next upgrade in turn.
        if (blocked) return db.close();

        connection = db;
        resolve(db);
      },
      (error: unknown) => reject(migrationError ?? error),
    );
  });
}

function runMigrations(
  db: RapportDB,
  oldVersion: number,
  tx: UpgradeTransaction,
  onError: (error: unknown) => void,
): void {
  const steps = MIGRATIONS.filter((m) => m.version > oldVersion && m.version <= DB_VERSION);

  // The open request reports a failed upgrade; the transaction's own rejection is a duplicate.
  tx.done.catch(() => undefined);

  // A failing step aborts the whole upgrade, which keeps the old version and its data.
  const fail = (error: unknown): void => {
    onError(error);
    abortQuietly(tx);
  };

  // Synchronous steps run at once and async ones are chained without extra ticks, so the
  // upgrade transaction is still active whenever a step starts.
  const runFrom = (first: number): void => {
    for (let i = first; i < steps.length; i += 1) {
      const result = steps[i]?.up(db, tx);

      if (result instanceof Promise) {
        result.then(() => runFrom(i + 1)).catch(fail);
        return;
      }
    }
  };

  try {
    runFrom(0);
  } catch (error) {
    fail(error);
  }
}

function abortQuietly(tx: { abort: () => void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing left to undo.
  }
}
