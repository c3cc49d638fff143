import { describe, expect, it } from 'vitest';
import { messageRef } from '@/lib/model/touch';
import { countPersonRecords, exportPerson } from '@/lib/exports/person';
import { applyImport, exportBackup, planImport } from '@/lib/storage/backup';
import { deleteContact, getContact, getContactByKey, saveContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { NotFoundError } from '@/lib/storage/errors';
import { completeNextStep, listNextSteps, setNextStep } from '@/lib/storage/next-steps';
import { saveTemplate } from '@/lib/storage/templates';
import { listTouches, logTouch } from '@/lib/storage/touches';
import { LATER, NOW, draft, freshDb } from '../storage/fixtures';

const call = { channel: 'call', direction: 'outbound' } as const;
const REF = messageRef('thread-1', 'inbound', 'Thanks for the notes!', 1);

interface Person {
  id: string;
  touchIds: string[];
  stepIds: string[];
}

/** A contact with a corrected touch, a message (with a ref when `withRef`) and two steps. */
async function person(db: RapportDB, slug: string, withRef: boolean): Promise<Person> {
  const { contact } = await saveContact(db, draft(slug, { stage: 'connection' }), { now: NOW });
  const id = contact.id;
  const wrong = await logTouch(
    db,
    { ...call, contactId: id, at: '2026-03-08T10:00:00.000Z', summary: 'Call' },
    NOW,
  );
  const fix = await logTouch(
    db,
    {
      ...call,
      contactId: id,
      at: '2026-03-09T10:00:00.000Z',
      summary: 'Call',
      supersedes: wrong.id,
    },
    NOW,
  );
  const message = await logTouch(
    db,
    {
      channel: 'linkedin-message',
      direction: 'inbound',
      contactId: id,
      at: '2026-03-09T12:00:00.000Z',
      summary: 'Thanks for the notes!',
      ref: withRef ? REF : undefined,
    },
    NOW,
  );
  const done = await setNextStep(db, id, 'Send notes', '2026-03-10', NOW);
  await completeNextStep(db, done.id, NOW);
  const open = await setNextStep(db, id, 'Propose a call', '2026-03-17', NOW);

  return { id, touchIds: [wrong.id, fix.id, message.id], stepIds: [done.id, open.id] };
}

async function seed(db: RapportDB): Promise<{ ada: Person; grace: Person }> {
  await saveTemplate(db, { name: 'Intro', body: 'Hello!', statuses: [] }, NOW);
  const ada = await person(db, 'ada-lovelace', true);
  const grace = await person(db, 'grace-hopper', false);

  return { ada, grace };
}

describe('exporting one person', () => {
  it('holds exactly that person’s contact, touches and steps, done ones too', async () => {
    const db = await freshDb();
    const { ada } = await seed(db);

    const file = await exportPerson(db, ada.id, LATER);

    expect(file).toMatchObject({
      format: 'rapport-backup',
      version: 5,
      exportedAt: '2026-03-11T15:30:00.000Z',
      templates: [],
    });
    expect(file.contacts.map((c) => [c.id, c.key])).toEqual([[ada.id, 'ada-lovelace']]);
    expect(file.touches.map((t) => t.id).sort()).toEqual([...ada.touchIds].sort());
    expect(file.nextSteps.map((s) => [s.id, s.state]).sort()).toEqual(
      [
        [ada.stepIds[0], 'done'],
        [ada.stepIds[1], 'open'],
      ].sort(),
    );
  });

  it('imports back into an empty database as the same person', async () => {
    const db = await freshDb();
    const { ada } = await seed(db);
    const file = await exportPerson(db, ada.id, LATER);
    const empty = await freshDb();

    const plan = await planImport(empty, JSON.stringify(file));
    await applyImport(empty, plan);

    expect([plan.add.contacts, plan.add.touches, plan.add.nextSteps].map((l) => l.length)).toEqual([
      1, 3, 2,
    ]);
    expect(await getContact(empty, ada.id)).toEqual(await getContact(db, ada.id));
    expect(await listTouches(empty, ada.id)).toEqual(await listTouches(db, ada.id));
    expect(await listNextSteps(empty, ada.id)).toEqual(await listNextSteps(db, ada.id));
  });

  it('refuses a contact that is not saved', async () => {
    const db = await freshDb();

    const exporting = exportPerson(db, 'missing-id');

    await expect(exporting).rejects.toThrow(NotFoundError);
  });

  it('counts the touches and steps that go with the person', async () => {
    const db = await freshDb();
    const { ada } = await seed(db);

    const counts = await countPersonRecords(db, ada.id);

    expect(counts).toEqual({ touches: 3, nextSteps: 2 });
  });
});

describe('deleting one person', () => {
  it('leaves nothing of them and every other record as it was', async () => {
    const db = await freshDb();
    const { ada, grace } = await seed(db);
    const before = await exportBackup(db, LATER);

    await deleteContact(db, ada.id);

    const after = await exportBackup(db, LATER);
    expect(after).toEqual({
      ...before,
      contacts: before.contacts.filter((c) => c.id === grace.id),
      touches: before.touches.filter((t) => t.contactId === grace.id),
      nextSteps: before.nextSteps.filter((s) => s.contactId === grace.id),
    });
    expect(after.touches.map((t) => t.id).sort()).toEqual([...grace.touchIds].sort());
    expect(after.nextSteps.map((s) => s.id).sort()).toEqual([...grace.stepIds].sort());
    expect(after.templates.map((t) => t.name)).toEqual(['Intro']);
    expect(await countPersonRecords(db, ada.id)).toEqual({ touches: 0, nextSteps: 0 });
  });

  it('frees their profile key and message refs for saving them again', async () => {
    const db = await freshDb();
    const { ada } = await seed(db);
    await deleteContact(db, ada.id);

    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: LATER });
    const again = await logTouch(db, {
      channel: 'linkedin-message',
      direction: 'inbound',
      contactId: contact.id,
      at: '2026-03-09T12:00:00.000Z',
      summary: 'Thanks for the notes!',
      ref: REF,
    });

    expect((await getContactByKey(db, 'ada-lovelace'))?.id).toBe(contact.id);
    expect(again.contactId).toBe(contact.id);
    expect((await listTouches(db, contact.id)).map((t) => t.id)).toEqual([again.id]);
  });
});
