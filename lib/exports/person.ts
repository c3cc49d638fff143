import { BACKUP_FORMAT, BACKUP_VERSION } from '../storage/backup';
import type { BackupFile } from '../storage/backup';
import { INDEX, touchesOf } from '../storage/db';
import type { RapportDB } from '../storage/db';
import { NotFoundError } from '../storage/errors';
import { inReadTx } from '../storage/tx';

/** How many records go with a contact: what deleting them takes along. */
export interface PersonRecordCounts {
  touches: number;
  nextSteps: number;
}

/**
 * Everything Rapport holds about one contact (the contact with its stage history, every
 * touch, corrected ones too, every next step, done ones too, and the history of the fields
 * read from their profile) as a backup file, read in one
 * transaction. Importing it as a backup brings the person back. Rejects with NotFoundError
 * when the contact is not saved.
 */
export async function exportPerson(
  db: RapportDB,
  contactId: string,
  now: Date = new Date(),
): Promise<BackupFile> {
  const stores = ['contacts', 'touches', 'nextSteps', 'fieldChanges'] as const;

  return inReadTx(db, [...stores], async (tx) => {
    const [contact, touches, nextSteps, fieldChanges] = await Promise.all([
      tx.objectStore('contacts').get(contactId),
      tx.objectStore('touches').index(INDEX.touchByContactAt).getAll(touchesOf(contactId)),
      tx.objectStore('nextSteps').index(INDEX.stepByContact).getAll(contactId),
      tx
        .objectStore('fieldChanges')
        .index(INDEX.fieldChangeByContactAt)
        .getAll(touchesOf(contactId)),
    ]);

    if (!contact) throw new NotFoundError('contact', contactId);

    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      contacts: [contact],
      touches,
      nextSteps,
      // Templates belong to the rep, not to the person.
      templates: [],
      fieldChanges,
    };
  });
}

/** The number of touches and next steps (done ones included) stored for a contact. */
export async function countPersonRecords(
  db: RapportDB,
  contactId: string,
): Promise<PersonRecordCounts> {
  return inReadTx(db, ['touches', 'nextSteps'], async (tx) => {
    const [touches, nextSteps] = await Promise.all([
      tx.objectStore('touches').index(INDEX.touchByContactAt).count(touchesOf(contactId)),
      tx.objectStore('nextSteps').index(INDEX.stepByContact).count(contactId),
    ]);

    return { touches, nextSteps };
  });
}
