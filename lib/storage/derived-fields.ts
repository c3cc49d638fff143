import type { IDBPTransaction } from 'idb';
import { Cadence, DEFAULT_CADENCE } from '../model/cadence';
import { Contact } from '../model/contact';
import { awaitingReplySince, withAwaitingReply } from './awaiting-reply';
import { INDEX, META, touchesOf } from './db';
import type { RapportSchema, StoreName } from './db';
import { lastStandingTouchAt, withLastTouch, withTouchDue } from './touch-due';
import { validated } from './tx';
import type { WriteTx } from './tx';

/** The fields worked out from the touches, the stage and the cadence settings. */
const DERIVED = ['awaitingReplySince', 'lastTouchAt', 'cadenceDays', 'touchDueAt'] as const;

/**
 * The cadence settings as stored, read within the caller's transaction so that the due times
 * it writes agree with them. Settings are checked when saved; should the stored copy be
 * missing or damaged anyway, the defaults apply rather than every write failing.
 */
export async function storedCadence<N extends StoreName>(
  tx: IDBPTransaction<RapportSchema, (N | 'meta')[], IDBTransactionMode>,
): Promise<Cadence> {
  const stored = await tx.objectStore('meta').get(META.cadence);
  const parsed = Cadence.safeParse(stored);

  return parsed.success ? parsed.data : DEFAULT_CADENCE;
}

/**
 * Works every derived field of these contacts out again from their touches, within the
 * transaction that just wrote them, so the fields never disagree with the history. Reads only
 * each contact's stretch of the `[contactId, at]` index; writes a contact only when it changes.
 */
export async function refreshContacts<N extends StoreName>(
  tx: WriteTx<N | 'contacts' | 'touches' | 'meta'>,
  contactIds: readonly string[],
): Promise<void> {
  const cadence = await storedCadence(tx);

  await Promise.all([...new Set(contactIds)].map((id) => refreshContact(tx, id, cadence)));
}

async function refreshContact<N extends StoreName>(
  tx: WriteTx<N | 'contacts' | 'touches' | 'meta'>,
  contactId: string,
  cadence: Cadence,
): Promise<void> {
  const contacts = tx.objectStore('contacts');
  const [contact, touches] = await Promise.all([
    contacts.get(contactId),
    tx.objectStore('touches').index(INDEX.touchByContactAt).getAll(touchesOf(contactId)),
  ]);

  // Touches are only written for saved contacts, so there is always one; nothing to keep else.
  if (!contact) return;

  const replied = withAwaitingReply(contact, awaitingReplySince(touches));
  const refreshed = withTouchDue(withLastTouch(replied, lastStandingTouchAt(touches)), cadence);

  if (sameDerived(contact, refreshed)) return;

  await contacts.put(validated(Contact, refreshed, 'contact'));
}

/** Whether the two agree on every derived field; other fields are not compared. */
export function sameDerived(a: Contact, b: Contact): boolean {
  return DERIVED.every((field) => a[field] === b[field]);
}

/** The contact without the fields worked out from elsewhere, as a backup compares it. */
export function withoutDerived(contact: Contact): Contact {
  const copy = { ...contact };

  for (const field of DERIVED) delete copy[field];

  return copy;
}
