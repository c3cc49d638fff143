import type { Contact } from '../model/contact';
import { INDEX } from './db';
import type { RapportDB } from './db';
import { inReadTx } from './tx';

const DAY_MS = 86_400_000;

export interface StaleOptions {
  /** A contact is stale when their profile was last read longer ago than this. */
  olderThanDays?: number;
  limit?: number;
}

/**
 * Contacts whose profile was last read more than `olderThanDays` days before `now` (or, never
 * read, who were saved that long ago), the longest unchecked first, read from the
 * `lastVerifiedAt` index up to `limit`.
 *
 * @example
 * const stale = await listStale(db, new Date(), { olderThanDays: 90, limit: 20 });
 */
export async function listStale(
  db: RapportDB,
  now: Date,
  { olderThanDays = 180, limit = 50 }: StaleOptions = {},
): Promise<Contact[]> {
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS).toISOString();
  const range = IDBKeyRange.upperBound(cutoff, true);

  return inReadTx(db, ['contacts'], (tx) =>
    tx.objectStore('contacts').index(INDEX.contactByLastVerified).getAll(range, limit),
  );
}
