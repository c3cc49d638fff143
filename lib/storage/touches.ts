import { NewTouch, Touch } from '../model/touch';
import type { RapportDB } from './db';
import { INDEX, touchesOf } from './db';
import { InvalidRecordError, NotFoundError } from './errors';
import { inReadTx, inWriteTx, utcIso, validated } from './tx';

/** A touch as the history shows it: `supersededBy` is the id of the touch correcting it. */
export type TouchView = Touch & { supersededBy: string | null };

/**
 * Appends a touch to a contact's history. To correct one, log a new touch whose `supersedes`
 * names it: touches are never changed or deleted one by one.
 */
export async function logTouch(
  db: RapportDB,
  input: NewTouch,
  now: Date = new Date(),
): Promise<Touch> {
  const fields = validated(NewTouch, input, 'touch');
  const touch = validated(
    Touch,
    { ...fields, at: utcIso(fields.at), id: crypto.randomUUID(), createdAt: now.toISOString() },
    'touch',
  );

  return inWriteTx(db, ['contacts', 'touches'], async (tx) => {
    if (!(await tx.objectStore('contacts').get(touch.contactId))) {
      throw new NotFoundError('contact', touch.contactId);
    }

    if (touch.supersedes !== null) {
      const corrected = await tx.objectStore('touches').get(touch.supersedes);
      checkCorrection(touch, corrected);
    }

    await tx.objectStore('touches').add(touch);

    return touch;
  });
}

function checkCorrection(touch: Touch, corrected: Touch | undefined): void {
  if (corrected?.contactId === touch.contactId) return;

  throw new InvalidRecordError('touch', [
    { path: 'supersedes', message: 'The touch it corrects is not in this contact’s history' },
  ]);
}

/** A contact's touches, newest first, each marked with the touch that corrected it, if any. */
export async function listTouches(db: RapportDB, contactId: string): Promise<TouchView[]> {
  const oldestFirst = await inReadTx(db, ['touches'], (tx) =>
    tx.objectStore('touches').index(INDEX.touchByContactAt).getAll(touchesOf(contactId)),
  );

  return markSuperseded(oldestFirst.reverse());
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
