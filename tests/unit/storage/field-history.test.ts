import { describe, expect, it } from 'vitest';
import { exportPerson } from '@/lib/exports/person';
import type { ProfileReading } from '@/lib/model/reading';
import { applyImport, exportBackup, planImport } from '@/lib/storage/backup';
import { deleteAllData, deleteContact, getContact, saveContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { listFieldChanges, noteProfileReading, seenOn } from '@/lib/storage/job-changes';
import { LATER, NOW, draft, freshDb } from './fixtures';

const WORDS = {
  congratulate: 'Congratulate them on the new role',
  findReplacement: (company: string | null) => `Find who replaced them at ${company ?? '?'}`,
};

function profileOf(slug: string, company: string, title: string): ProfileReading {
  return {
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    key: slug,
    memberUrn: null,
    name: null,
    rawName: null,
    givenName: null,
    familyName: null,
    headline: null,
    company,
    title,
    location: null,
    avatarUrl: null,
    avatarExpiresAt: null,
    openToWork: false,
    missing: ['name', 'headline', 'location', 'avatarUrl', 'memberUrn'],
  };
}

/** Saves the contact from its page at Northwind, then reads the page again at Contoso. */
async function movedToContoso(db: RapportDB, slug: string): Promise<string> {
  const before = profileOf(slug, 'Northwind', 'Head of Operations');
  const options = { now: NOW, seen: seenOn(before) };
  const { contact } = await saveContact(db, draft(slug, { role: 'budget-owner' }), options);
  const after = profileOf(slug, 'Contoso', 'COO');
  const seen = { url: after.profileUrl, profile: after, today: '2026-03-11', now: LATER };

  await noteProfileReading(db, seen, WORDS);

  return contact.id;
}

describe('the history of fields read from profiles', () => {
  it('lists a contact’s changes newest first, in the order of the card within one reading', async () => {
    const db = await freshDb();
    const id = await movedToContoso(db, 'ada-lovelace');
    const back = profileOf('ada-lovelace', 'Northwind', 'COO');
    const later = new Date('2026-03-20T08:00:00.000Z');
    await noteProfileReading(
      db,
      { url: back.profileUrl, profile: back, today: '2026-03-20', now: later },
      WORDS,
    );

    const changes = await listFieldChanges(db, id);

    expect(changes.map(({ field, from, to, at }) => [field, from, to, at])).toEqual([
      ['company', 'Contoso', 'Northwind', '2026-03-20T08:00:00.000Z'],
      ['company', 'Northwind', 'Contoso', '2026-03-11T15:30:00.000Z'],
      ['title', 'Head of Operations', 'COO', '2026-03-11T15:30:00.000Z'],
    ]);
  });

  it('gives back the history with everything else after delete-all, through a backup', async () => {
    const db = await freshDb();
    await movedToContoso(db, 'ada-lovelace');
    await movedToContoso(db, 'grace-hopper');
    const before = await exportBackup(db, LATER);
    await deleteAllData(db);

    const plan = await planImport(db, JSON.stringify(before));
    await applyImport(db, plan);

    expect(before.version).toBe(5);
    expect(before.fieldChanges).toHaveLength(4);
    expect(plan.add.fieldChanges).toHaveLength(4);
    expect(await exportBackup(db, LATER)).toEqual(before);
  });

  it('finds the history it already holds unchanged when the same backup is imported again', async () => {
    const db = await freshDb();
    await movedToContoso(db, 'ada-lovelace');
    const backup = await exportBackup(db, LATER);

    const plan = await planImport(db, backup);

    expect(plan.add.fieldChanges).toEqual([]);
    expect(plan.unchanged.fieldChanges).toBe(2);
  });

  it('imports a version 3 backup, from before the history, with an empty history', async () => {
    const source = await freshDb();
    await movedToContoso(source, 'ada-lovelace');
    const { fieldChanges, ...rest } = await exportBackup(source, LATER);
    const v3 = { ...rest, version: 3 };
    const db = await freshDb();

    const plan = await planImport(db, v3);
    await applyImport(db, plan);

    expect(fieldChanges).toHaveLength(2);
    expect(plan.add.fieldChanges).toEqual([]);
    expect(plan.add.contacts.map((c) => c.key)).toEqual(['ada-lovelace']);
    expect((await exportBackup(db, LATER)).fieldChanges).toEqual([]);
  });

  it('refuses a backup whose history names a contact neither in it nor saved', async () => {
    const source = await freshDb();
    await movedToContoso(source, 'ada-lovelace');
    const backup = await exportBackup(source, LATER);
    const orphan = { ...backup, contacts: [], nextSteps: [], touches: [] };
    const db = await freshDb();

    const planning = planImport(db, orphan);

    await expect(planning).rejects.toMatchObject({
      issues: [
        { path: 'fieldChanges[0].contactId', message: 'No such contact in the backup or saved' },
        { path: 'fieldChanges[1].contactId', message: 'No such contact in the backup or saved' },
      ],
    });
  });

  it('goes with one person’s export', async () => {
    const db = await freshDb();
    const ada = await movedToContoso(db, 'ada-lovelace');
    await movedToContoso(db, 'grace-hopper');

    const file = await exportPerson(db, ada, LATER);

    // Both changes were seen in one reading, so their order in the file is not meaningful.
    const changes = file.fieldChanges.map((c) => [c.contactId, c.field, c.to]);
    expect(changes.sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      [ada, 'company', 'Contoso'],
      [ada, 'title', 'COO'],
    ]);
  });

  it('is deleted with its contact, and only theirs', async () => {
    const db = await freshDb();
    const ada = await movedToContoso(db, 'ada-lovelace');
    const grace = await movedToContoso(db, 'grace-hopper');

    await deleteContact(db, ada);

    expect(await getContact(db, ada)).toBeUndefined();
    expect(await listFieldChanges(db, ada)).toEqual([]);
    expect((await listFieldChanges(db, grace)).map((c) => c.field)).toEqual(['company', 'title']);
  });

  it('is deleted with all data', async () => {
    const db = await freshDb();
    await movedToContoso(db, 'ada-lovelace');

    await deleteAllData(db);

    expect(await db.count('fieldChanges')).toBe(0);
  });
});
