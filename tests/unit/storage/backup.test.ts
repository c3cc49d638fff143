import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, planImport } from '@/lib/storage/backup';
import type { BackupFile } from '@/lib/storage/backup';
import {
  deleteAllData,
  deleteContact,
  getContact,
  saveContact,
  updateContact,
} from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { BadBackupError, ConflictError, StorageFullError } from '@/lib/storage/errors';
import { completeNextStep, getOpenNextStep, setNextStep } from '@/lib/storage/next-steps';
import { listTouches, logTouch } from '@/lib/storage/touches';
import { LATER, NOW, draft, failNthWrite, freshDb } from './fixtures';

const call = { channel: 'call', direction: 'outbound', summary: 'Call' } as const;

/** Three contacts with touches, a correction, an open and a done step. */
async function seed(db: RapportDB): Promise<void> {
  const slugs = ['ada-lovelace', 'grace-hopper', 'alan-turing'];

  for (const slug of slugs) {
    const { contact } = await saveContact(db, draft(slug), { now: NOW });
    const first = await logTouch(db, { ...call, contactId: contact.id, at: NOW.toISOString() });
    await logTouch(db, {
      ...call,
      contactId: contact.id,
      at: '2026-03-09T08:00:00.000Z',
      supersedes: first.id,
    });
    const step = await setNextStep(db, contact.id, 'Send notes', '2026-03-12', NOW);

    if (slug === 'alan-turing') await completeNextStep(db, step.id, NOW);
  }
}

async function exported(db: RapportDB): Promise<BackupFile> {
  return exportBackup(db, LATER);
}

describe('exporting a backup', () => {
  it('writes every record under the backup format name and version', async () => {
    const db = await freshDb();
    await seed(db);

    const backup = await exported(db);

    expect(backup).toMatchObject({
      format: 'rapport-backup',
      version: 1,
      exportedAt: '2026-03-11T15:30:00.000Z',
    });
    expect([backup.contacts.length, backup.touches.length, backup.nextSteps.length]).toEqual([
      3, 6, 3,
    ]);
  });
});

describe('importing a backup', () => {
  it('gives back the same data after delete-all, through JSON text', async () => {
    const db = await freshDb();
    await seed(db);
    const before = await exported(db);
    await deleteAllData(db);

    const plan = await planImport(db, JSON.stringify(before));
    await applyImport(db, plan);

    expect(await exported(db)).toEqual(before);
  });

  it('previews what it would add, update and leave unchanged', async () => {
    const db = await freshDb();
    await seed(db);
    const backup = await exported(db);
    const [ada, grace] = backup.contacts;
    await updateContact(db, ada?.id ?? '', { notes: 'changed since the backup' }, LATER);
    await deleteContact(db, grace?.id ?? '');

    const plan = await planImport(db, backup);

    expect(plan.add.contacts.map((c) => c.id)).toEqual([grace?.id]);
    expect(plan.add.touches.map((t) => t.contactId)).toEqual([grace?.id, grace?.id]);
    expect(plan.add.nextSteps.map((s) => s.contactId)).toEqual([grace?.id]);
    expect(plan.update).toEqual({ contacts: [ada], nextSteps: [] });
    expect(plan.unchanged).toEqual({ contacts: 1, touches: 4, nextSteps: 2 });
    expect((await getContact(db, ada?.id ?? ''))?.notes).toBe('changed since the backup');
  });

  it('matches a saved contact by profile key and moves its touches to the saved id', async () => {
    const source = await freshDb();
    await seed(source);
    const backup = await exported(source);
    const target = await freshDb();
    const ada = draft('ada-lovelace', { notes: 'Saved on this device' });
    const saved = (await saveContact(target, ada, { now: NOW })).contact;
    const adaInFile = backup.contacts.find((c) => c.key === 'ada-lovelace')?.id;

    const plan = await planImport(target, backup);
    await applyImport(target, plan);

    expect(plan.update.contacts.map((c) => [c.id, c.notes])).toEqual([[saved.id, '']]);
    expect(plan.add.contacts).toHaveLength(2);
    expect(await getContact(target, adaInFile ?? '')).toBeUndefined();
    expect(await listTouches(target, saved.id)).toHaveLength(2);
    expect((await getOpenNextStep(target, saved.id))?.action).toBe('Send notes');
  });

  it('imports nothing when a write fails halfway', async () => {
    const db = await freshDb();
    await seed(db);
    const backup = await exported(db);
    await deleteAllData(db);
    const plan = await planImport(db, backup);
    failNthWrite('add', 5);

    const applying = applyImport(db, plan);

    await expect(applying).rejects.toThrow(StorageFullError);
    vi.restoreAllMocks();
    expect(await exported(db)).toEqual({ ...backup, contacts: [], touches: [], nextSteps: [] });
  });

  it('imports nothing when the data changed since the preview', async () => {
    const db = await freshDb();
    await seed(db);
    const backup = await exported(db);
    await deleteAllData(db);
    const plan = await planImport(db, backup);
    await applyImport(db, await planImport(db, { ...backup, touches: [], nextSteps: [] }));

    const applying = applyImport(db, plan);

    await expect(applying).rejects.toThrow(ConflictError);
    await expect(applying).rejects.toThrow(
      'The saved data changed since this import was previewed, so nothing was imported. ' +
        'Choose the file again.',
    );
    expect(await db.count('touches')).toBe(0);
  });
});

describe('a backup that cannot be imported', () => {
  /** Plans `change(backup)` on the database the backup came from; nothing may change. */
  async function rejectionOf(change: (backup: BackupFile) => unknown): Promise<BadBackupError> {
    const db = await freshDb();
    await seed(db);
    await saveContact(db, draft('katherine-johnson'), { now: NOW });
    const before = await exported(db);

    const error: unknown = await planImport(db, change(before)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BadBackupError);
    expect(await exported(db)).toEqual(before);
    return error as BadBackupError;
  }

  it('is text that is not JSON', async () => {
    const error = await rejectionOf(() => '{"format": "rapport-backup", ');

    expect(error.message).toBe('This file is not a Rapport backup: it is not valid JSON.');
  });

  it('is JSON that is not an object', async () => {
    expect((await rejectionOf(() => [1, 2])).message).toBe(
      'This file is not a Rapport backup: it holds no JSON object.',
    );
    expect((await rejectionOf(() => null)).message).toBe(
      'This file is not a Rapport backup: it holds no JSON object.',
    );
  });

  it('has another format name', async () => {
    const error = await rejectionOf((backup) => ({ ...backup, format: 'crm-export' }));

    expect(error.message).toBe('This file is not a Rapport backup (its format is "crm-export").');
  });

  it('comes from a newer version', async () => {
    const error = await rejectionOf((backup) => ({ ...backup, version: 2 }));

    expect(error.message).toBe(
      'This backup comes from a newer Rapport (backup version 2). ' +
        'Update Rapport, then import it again.',
    );
  });

  it('has an unknown version', async () => {
    const error = await rejectionOf((backup) => ({ ...backup, version: '1' }));

    expect(error.message).toBe(
      'This backup has an unknown version ("1"); this Rapport reads version 1.',
    );
  });

  it('has one bad record deep inside, named with its place and the reason', async () => {
    const error = await rejectionOf((backup) => ({
      ...backup,
      contacts: backup.contacts.map((c, i) => (i === 3 ? { ...c, profileUrl: 'nope' } : c)),
    }));

    expect(error.message).toBe(
      "This backup can't be imported, nothing was changed. contacts[3].profileUrl: Invalid URL",
    );
    expect(error.issues).toEqual([{ path: 'contacts[3].profileUrl', message: 'Invalid URL' }]);
  });

  it('has a touch of a contact that is neither in it nor saved', async () => {
    const error = await rejectionOf((backup) => ({
      ...backup,
      touches: backup.touches.map((t, i) => (i === 2 ? { ...t, contactId: 'ghost' } : t)),
    }));

    expect(error.issues).toEqual([
      { path: 'touches[2].contactId', message: 'No such contact in the backup or saved' },
    ]);
  });

  it('has the same id twice', async () => {
    const error = await rejectionOf((backup) => ({
      ...backup,
      nextSteps: [...backup.nextSteps, { ...backup.nextSteps[0], action: 'Copy' }],
    }));

    const expected = [{ path: 'nextSteps[3].id', message: 'Same id as nextSteps[0]' }];
    expect(error.issues).toEqual(expected);
  });

  it('gives a contact a second open next step', async () => {
    const error = await rejectionOf((backup) => {
      const open = backup.nextSteps.find((s) => s.state === 'open');
      const second = { ...open, id: 'second-open', action: 'Another' };

      return { ...backup, nextSteps: [...backup.nextSteps, second] };
    });

    expect(error.issues).toEqual([
      { path: 'nextSteps[3]', message: 'Its contact already has an open next step' },
    ]);
  });
});
