import type { Contact } from '../model/contact';
import { INDEX } from './db';
import type { RapportDB } from './db';
import { ListLimit } from './due';
import { inReadTx, validated } from './tx';

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
