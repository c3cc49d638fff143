import { describe, expect, it } from 'vitest';
import type { Stage } from '@/lib/model/cadence';
import type { NewTouch } from '@/lib/model/touch';
import {
  getCadence,
  setCadence,
  setKeepInTouch,
  setStage,
  snoozeKeepInTouch,
} from '@/lib/storage/cadence';
import { getContact, saveContact, updateContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { ConflictError, InvalidRecordError } from '@/lib/storage/errors';
import { logTouch, logTouches } from '@/lib/storage/touches';
import { LATER, NOW, draft, freshDb } from './fixtures';

/** Saves a contact at NOW (2026-03-10 09:00 UTC) in `stage`, and returns its id. */
async function savedIn(db: RapportDB, slug: string, stage: Stage): Promise<string> {
  return (await saveContact(db, draft(slug, { stage }), { now: NOW })).contact.id;
}

function touchAt(contactId: string, at: string, supersedes: string | null = null): NewTouch {
  return { contactId, at, channel: 'call', direction: 'outbound', summary: 'Call', supersedes };
}

/** The contact's cadence and due time, as stored. */
async function dueOf(db: RapportDB, id: string): Promise<[number?, string?]> {
  const contact = await getContact(db, id);

  return [contact?.cadenceDays, contact?.touchDueAt];
}

describe('when a contact is due for a touch', () => {
  it('is the stage’s cadence after the contact entered it, when never touched', async () => {
    const db = await freshDb();
    const stages = ['connection', 'development', 'commercial', 'retention'] as const;
    const ids = await Promise.all(stages.map((stage) => savedIn(db, `in-${stage}`, stage)));

    const due = await Promise.all(ids.map((id) => dueOf(db, id)));

    expect(due).toEqual([
      [7, '2026-03-17T09:00:00.000Z'],
      [14, '2026-03-24T09:00:00.000Z'],
      [7, '2026-03-17T09:00:00.000Z'],
      [45, '2026-04-24T09:00:00.000Z'],
    ]);
  });

  it('is never for a contact merely identified, which needs no minimum', async () => {
    const db = await freshDb();

    const { contact } = await saveContact(db, draft('spotted-sam'), { now: NOW });

    expect(contact.stage).toBe('identification');
    expect(contact.stageHistory).toEqual([
      { stage: 'identification', since: '2026-03-10T09:00:00.000Z' },
    ]);
    expect(contact).not.toHaveProperty('cadenceDays');
    expect(contact).not.toHaveProperty('touchDueAt');
    expect(await getContact(db, contact.id)).toEqual(contact);
  });

  it('follows the contact’s own cadence over its stage’s', async () => {
    const db = await freshDb();
    const own = draft('own-olga', { stage: 'identification', keepInTouchDays: 30 });

    const { contact } = await saveContact(db, own, { now: NOW });

    expect([contact.cadenceDays, contact.touchDueAt]).toEqual([30, '2026-04-09T09:00:00.000Z']);
  });

  it('counts exact 24-hour days, so a daylight-saving change does not move it', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'weekly-wendy', 'connection');

    // Europe moves its clocks on 29 March 2026; the due time stays 10:00 UTC a week later.
    await logTouch(db, touchAt(id, '2026-03-27T10:00:00.000Z'), NOW);

    expect(await dueOf(db, id)).toEqual([7, '2026-04-03T10:00:00.000Z']);
  });
});

describe('touches and the due time', () => {
  it('moves to a cadence after the latest touch, whenever it was logged', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'weekly-wendy', 'connection');

    await logTouch(db, touchAt(id, '2026-03-12T10:00:00.000Z'), NOW);
    await logTouch(db, touchAt(id, '2026-03-11T08:00:00.000Z'), LATER);

    expect(await dueOf(db, id)).toEqual([7, '2026-03-19T10:00:00.000Z']);
    expect((await getContact(db, id))?.lastTouchAt).toBe('2026-03-12T10:00:00.000Z');
  });

  it('counts a corrected touch at its corrected time, not the one logged first', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'weekly-wendy', 'connection');
    const wrong = await logTouch(db, touchAt(id, '2026-03-12T10:00:00.000Z'), NOW);

    await logTouch(db, touchAt(id, '2026-03-11T10:00:00.000Z', wrong.id), LATER);

    expect(await dueOf(db, id)).toEqual([7, '2026-03-18T10:00:00.000Z']);
    expect((await getContact(db, id))?.lastTouchAt).toBe('2026-03-11T10:00:00.000Z');
  });

  it('updates each contact of a batch once, however many touches it has', async () => {
    const db = await freshDb();
    const ada = await savedIn(db, 'ada-lovelace', 'connection');
    const grace = await savedIn(db, 'grace-hopper', 'retention');
    const contactPuts = countPutsTo('contacts');

    await logTouches(
      db,
      [
        touchAt(ada, '2026-03-11T10:00:00.000Z'),
        touchAt(grace, '2026-03-11T11:00:00.000Z'),
        touchAt(ada, '2026-03-12T10:00:00.000Z'),
        touchAt(ada, '2026-03-10T10:00:00.000Z'),
        touchAt(grace, '2026-03-09T11:00:00.000Z'),
      ],
      NOW,
    );

    expect(contactPuts()).toBe(2);
    expect(await dueOf(db, ada)).toEqual([7, '2026-03-19T10:00:00.000Z']);
    expect(await dueOf(db, grace)).toEqual([45, '2026-04-25T11:00:00.000Z']);
  });
});

/** Counts the records put into one object store from now on. */
function countPutsTo(storeName: string): () => number {
  const put = vi.spyOn(IDBObjectStore.prototype, 'put');

  return () =>
    put.mock.contexts.filter((store) => (store as IDBObjectStore).name === storeName).length;
}

describe('changing the stage', () => {
  it('adds the stage to the history and counts the new cadence from entering it', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'client-carl', 'connection');

    const moved = await setStage(db, id, 'retention', LATER);

    expect(moved.stageHistory).toEqual([
      { stage: 'connection', since: '2026-03-10T09:00:00.000Z' },
      { stage: 'retention', since: '2026-03-11T15:30:00.000Z' },
    ]);
    expect([moved.stage, moved.cadenceDays, moved.touchDueAt]).toEqual([
      'retention',
      45,
      '2026-04-25T15:30:00.000Z',
    ]);
    expect(moved.updatedAt).toBe('2026-03-11T15:30:00.000Z');
    expect(await getContact(db, id)).toEqual(moved);
  });

  it('keeps counting from the last touch when the contact was touched', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'client-carl', 'connection');
    await logTouch(db, touchAt(id, '2026-03-10T12:00:00.000Z'), NOW);

    const moved = await setStage(db, id, 'retention', LATER);

    expect([moved.cadenceDays, moved.touchDueAt]).toEqual([45, '2026-04-24T12:00:00.000Z']);
  });

  it('changes nothing when the contact is already in that stage', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'client-carl', 'retention');
    const before = await getContact(db, id);

    const same = await setStage(db, id, 'retention', LATER);

    expect(same).toEqual(before);
    expect(await getContact(db, id)).toEqual(before);
  });

  it('records a stage changed through the rep’s edit of the contact', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'growing-gita', 'connection');

    const edited = await updateContact(db, id, { stage: 'development', notes: 'Met' }, LATER);

    expect(edited.stageHistory).toEqual([
      { stage: 'connection', since: '2026-03-10T09:00:00.000Z' },
      { stage: 'development', since: '2026-03-11T15:30:00.000Z' },
    ]);
    expect([edited.cadenceDays, edited.touchDueAt]).toEqual([14, '2026-03-25T15:30:00.000Z']);
  });

  it('refuses a stage that does not exist and keeps the contact', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'growing-gita', 'connection');
    const before = await getContact(db, id);

    const setting = setStage(db, id, 'courtship' as Stage, LATER);

    await expect(setting).rejects.toThrow(InvalidRecordError);
    expect(await getContact(db, id)).toEqual(before);
  });
});

describe('the contact’s own cadence', () => {
  it('moves the due time, and back to the stage’s cadence when cleared', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'growing-gita', 'development');

    const own = await setKeepInTouch(db, id, 3, LATER);
    const cleared = await setKeepInTouch(db, id, null, LATER);

    expect([own.keepInTouchDays, own.cadenceDays, own.touchDueAt]).toEqual([
      3,
      3,
      '2026-03-13T09:00:00.000Z',
    ]);
    expect([cleared.keepInTouchDays, cleared.cadenceDays, cleared.touchDueAt]).toEqual([
      null,
      14,
      '2026-03-24T09:00:00.000Z',
    ]);
  });

  it('refuses less than a day between touches', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'growing-gita', 'development');

    const setting = setKeepInTouch(db, id, 0, LATER);

    await expect(setting).rejects.toMatchObject({
      code: 'invalid-record',
      issues: [{ path: '', message: 'Too small: expected number to be >=1' }],
    });
  });
});

describe('snoozing the next touch', () => {
  it('puts the due time off, until a touch makes it later still', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'weekly-wendy', 'connection');
    await logTouch(db, touchAt(id, '2026-03-10T09:00:00.000Z'), NOW);

    const snoozed = await snoozeKeepInTouch(db, id, 21, LATER);
    await logTouch(db, touchAt(id, '2026-03-20T10:00:00.000Z'), LATER);
    const stillSnoozed = await dueOf(db, id);
    await logTouch(db, touchAt(id, '2026-03-30T10:00:00.000Z'), LATER);

    expect(snoozed.keepInTouchSnoozedUntil).toBe('2026-04-01T15:30:00.000Z');
    expect(snoozed.touchDueAt).toBe('2026-04-01T15:30:00.000Z');
    expect(stillSnoozed).toEqual([7, '2026-04-01T15:30:00.000Z']);
    expect(await dueOf(db, id)).toEqual([7, '2026-04-06T10:00:00.000Z']);
  });

  it('refuses a contact with no cadence to keep', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'spotted-sam', 'identification');

    const snoozing = snoozeKeepInTouch(db, id, 7, LATER);

    await expect(snoozing).rejects.toThrow(ConflictError);
    await expect(snoozing).rejects.toThrow(
      'Spotted Sam has no cadence to keep, so there is no touch to put off.',
    );
  });
});

describe('a contact that is not a fit', () => {
  it('has no cadence and no due time, and gets them back when it fits again', async () => {
    const db = await freshDb();
    const id = await savedIn(db, 'growing-gita', 'development');

    const unfit = await updateContact(db, id, { status: 'not-a-fit' }, LATER);
    const ownCadence = await setKeepInTouch(db, id, 10, LATER);
    const fitAgain = await updateContact(db, id, { status: 'warm' }, LATER);

    expect(unfit).not.toHaveProperty('cadenceDays');
    expect(unfit).not.toHaveProperty('touchDueAt');
    expect(ownCadence).not.toHaveProperty('touchDueAt');
    expect([fitAgain.cadenceDays, fitAgain.touchDueAt]).toEqual([10, '2026-03-20T09:00:00.000Z']);
  });
});

describe('the cadence settings', () => {
  it('start with the default cadence of each stage', async () => {
    const db = await freshDb();

    const cadence = await getCadence(db);

    expect(cadence).toEqual({
      identification: null,
      connection: 7,
      development: 14,
      commercial: 7,
      retention: 45,
    });
  });

  it('move every contact’s due time when changed, except where the contact has its own', async () => {
    const db = await freshDb();
    const wendy = await savedIn(db, 'weekly-wendy', 'connection');
    const gita = await savedIn(db, 'growing-gita', 'development');
    const sam = await savedIn(db, 'spotted-sam', 'identification');
    const olga = await savedIn(db, 'own-olga', 'connection');
    await setKeepInTouch(db, olga, 5, NOW);
    const cadence = {
      identification: 30,
      connection: 10,
      development: 14,
      commercial: 7,
      retention: null,
    };

    await setCadence(db, cadence);

    expect(await getCadence(db)).toEqual(cadence);
    expect(await Promise.all([wendy, gita, sam, olga].map((id) => dueOf(db, id)))).toEqual([
      [10, '2026-03-20T09:00:00.000Z'],
      [14, '2026-03-24T09:00:00.000Z'],
      [30, '2026-04-09T09:00:00.000Z'],
      [5, '2026-03-15T09:00:00.000Z'],
    ]);
  });

  it('take a stage off the cadence when set to no minimum', async () => {
    const db = await freshDb();
    const carl = await savedIn(db, 'client-carl', 'retention');

    await setCadence(db, { ...(await getCadence(db)), retention: null });

    expect(await dueOf(db, carl)).toEqual([undefined, undefined]);
  });

  it('are refused when a stage has a cadence below a day, and nothing changes', async () => {
    const db = await freshDb();
    const wendy = await savedIn(db, 'weekly-wendy', 'connection');

    const setting = setCadence(db, { ...(await getCadence(db)), connection: 0.5 });

    await expect(setting).rejects.toThrow(InvalidRecordError);
    expect((await getCadence(db)).connection).toBe(7);
    expect(await dueOf(db, wendy)).toEqual([7, '2026-03-17T09:00:00.000Z']);
  });
});
