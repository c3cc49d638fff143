import { Cadence, CadenceDays, Stage } from '../model/cadence';
import type { Contact } from '../model/contact';
import { changeContact } from './contacts';
import { META } from './db';
import type { RapportDB } from './db';
import { sameDerived, storedCadence } from './derived-fields';
import { ConflictError } from './errors';
import { DAY_MS, cadenceDaysOf, withStage, withTouchDue } from './touch-due';
import { inReadTx, inWriteTx, validated } from './tx';

/** The cadence each stage needs, as the rep set it or by default. */
export async function getCadence(db: RapportDB): Promise<Cadence> {
  return inReadTx(db, ['meta'], (tx) => storedCadence(tx));
}

/**
 * Stores the cadence for every stage and moves every contact's due time to match, all in one
 * transaction. It walks all contacts, which suits a settings change made now and then.
 */
export async function setCadence(db: RapportDB, cadence: Cadence): Promise<Cadence> {
  const settings = validated(Cadence, cadence, 'cadence');

  await inWriteTx(db, ['contacts', 'meta'], async (tx) => {
    await tx.objectStore('meta').put(settings, META.cadence);

    let cursor = await tx.objectStore('contacts').openCursor();

    while (cursor) {
      const moved = withTouchDue(cursor.value, settings);

      if (!sameDerived(cursor.value, moved)) await cursor.update(moved);

      cursor = await cursor.continue();
    }
  });

  return settings;
}

/**
 * Moves the contact to `stage` as of `now`, adding it to the stage history, and its due time
 * to the new stage's cadence. Setting the stage it is in changes nothing.
 */
export async function setStage(
  db: RapportDB,
  contactId: string,
  stage: Stage,
  now: Date = new Date(),
): Promise<Contact> {
  const next = validated(Stage, stage, 'stage');
  const stamp = now.toISOString();

  return changeContact(db, contactId, (contact) => {
    const moved = withStage(contact, next, stamp);

    return moved === contact ? contact : { ...moved, updatedAt: stamp };
  });
}

const KeepInTouchDays = CadenceDays.nullable();

/**
 * Gives the contact a cadence of its own, `days` between touches whatever its stage, or with
 * null takes it back to its stage's cadence.
 */
export async function setKeepInTouch(
  db: RapportDB,
  contactId: string,
  days: number | null,
  now: Date = new Date(),
): Promise<Contact> {
  const keepInTouchDays = validated(KeepInTouchDays, days, 'cadence');

  return changeContact(db, contactId, (contact) => {
    if (contact.keepInTouchDays === keepInTouchDays) return contact;

    return { ...contact, keepInTouchDays, updatedAt: now.toISOString() };
  });
}

/** A snooze has a cadence's bounds: a day to ten years. */
const SnoozeDays = CadenceDays;

/**
 * Puts off the contact's next touch until `days` after `now`. A touch logged meanwhile does not
 * end the snooze early: the contact is due again at whichever comes later.
 */
export async function snoozeKeepInTouch(
  db: RapportDB,
  contactId: string,
  days: number,
  now: Date = new Date(),
): Promise<Contact> {
  const count = validated(SnoozeDays, days, 'snooze');
  const until = new Date(now.getTime() + count * DAY_MS).toISOString();

  return changeContact(db, contactId, (contact, cadence) => {
    if (cadenceDaysOf(contact, cadence) === null) {
      throw new ConflictError(
        `${contact.name.display} has no cadence to keep, so there is no touch to put off.`,
      );
    }

    return { ...contact, keepInTouchSnoozedUntil: until, updatedAt: now.toISOString() };
  });
}
