import { Contact } from '../model/contact';
import { awaitingReplySince, withAwaitingReply } from './awaiting-reply';
import { INDEX, touchesOf } from './db';
import type { RapportDB, StoreName } from './db';
import { ListLimit } from './due';
import { inReadTx, validated } from './tx';
import type { WriteTx } from './tx';

export interface RepliesDue {
  /** Contacts waiting for the rep's answer, the longest waiting first. */
  contacts: Contact[];
  /** Contacts waiting too, left out by the limit: the ones waiting the shortest. */
  more: number;
}

export interface RepliesDueOptions {
  /** At most this many contacts; `Infinity` for all of them. */
  limit?: number;
}

export const REPLIES_DUE_LIMIT = 50;

/**
 * Contacts whose last messages the rep has not answered, read from the start of the sparse
 * `awaitingReplySince` index, which holds only them, oldest wait first.
 */
export async function listRepliesDue(
  db: RapportDB,
  options: RepliesDueOptions = {},
): Promise<RepliesDue> {
  const limit = validated(ListLimit, options.limit ?? REPLIES_DUE_LIMIT, 'replies due');

  return inReadTx(db, ['contacts'], async (tx) => {
    const index = tx.objectStore('contacts').index(INDEX.contactByAwaitingReply);
    const [contacts, total] = await Promise.all([
      index.getAll(null, Number.isFinite(limit) ? limit : undefined),
      index.count(),
    ]);

    return { contacts, more: Math.max(0, total - contacts.length) };
  });
}

/** How many contacts wait for an answer, counted by the index without reading them. */
export async function countRepliesDue(db: RapportDB): Promise<number> {
  return inReadTx(db, ['contacts'], (tx) =>
    tx.objectStore('contacts').index(INDEX.contactByAwaitingReply).count(),
  );
}

/**
 * Works `awaitingReplySince` out again from the contact's touches, within the transaction that
 * just wrote them, so that the field never disagrees with the history. Reads only this
 * contact's stretch of the `[contactId, at]` index; writes the contact only when it changes.
 */
export async function refreshAwaitingReply<N extends StoreName>(
  tx: WriteTx<N | 'contacts' | 'touches'>,
  contactId: string,
): Promise<void> {
  const contacts = tx.objectStore('contacts');
  const [contact, touches] = await Promise.all([
    contacts.get(contactId),
    tx.objectStore('touches').index(INDEX.touchByContactAt).getAll(touchesOf(contactId)),
  ]);

  // Touches are only written for saved contacts, so there is always one; nothing to keep else.
  if (!contact) return;

  const since = awaitingReplySince(touches);

  if (since === contact.awaitingReplySince) return;

  await contacts.put(validated(Contact, withAwaitingReply(contact, since), 'contact'));
}
