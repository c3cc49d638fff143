import { partnerKeys, threadTouches, type Thread } from '../conversation-touches';
import type { Contact } from '../model/contact';
import { INDEX } from './db';
import type { RapportDB } from './db';
import { inReadTx } from './tx';
import { logTouches } from './touches';

export interface LoggedThread {
  /** Touches stored now: the messages not logged before. */
  added: number;
  /** Messages with a saved partner that were logged before, from here or from an export. */
  skipped: number;
  /** Messages with a saved partner but no readable time, left out. */
  untimed: number;
}

/** The saved contacts among `keys`, by key, read through the unique key index. */
export async function savedContactsByKey(
  db: RapportDB,
  keys: readonly string[],
): Promise<Map<string, Contact>> {
  const found = await inReadTx(db, ['contacts'], (tx) => {
    const index = tx.objectStore('contacts').index(INDEX.contactByKey);
    return Promise.all(keys.map((key) => index.get(key)));
  });

  return new Map(found.flatMap((contact) => (contact ? [[contact.key, contact]] : [])));
}

/**
 * Logs a thread's messages as touches with the saved partners. Logging the same thread again,
 * or after more messages arrived, adds only the new ones.
 */
export async function logThread(
  db: RapportDB,
  thread: Thread,
  now: Date = new Date(),
): Promise<LoggedThread> {
  const saved = await savedContactsByKey(db, partnerKeys(thread));
  const ids = new Map([...saved].map(([key, contact]) => [key, contact.id]));
  const { touches, untimed } = threadTouches(thread, ids);

  const { added, skipped } = await logTouches(db, touches, now);

  return { added: added.length, skipped, untimed };
}
