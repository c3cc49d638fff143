import { describe, expect, it } from 'vitest';
import { messageRef } from '@/lib/model/touch';
import type { Direction, NewTouch } from '@/lib/model/touch';
import { applyImport, exportBackup, planImport } from '@/lib/storage/backup';
import type { BackupFile } from '@/lib/storage/backup';
import type { Contact } from '@/lib/model/contact';
import {
  getCadence,
  setCadence,
  setKeepInTouch,
  setStage,
  snoozeKeepInTouch,
} from '@/lib/storage/cadence';
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
import { listRepliesDue } from '@/lib/storage/replies';
import { deleteTemplate, listTemplates, saveTemplate } from '@/lib/storage/templates';
import { listTouches, logTouch, logTouches } from '@/lib/storage/touches';
import { LATER, NOW, draft, failNthWrite, freshDb } from './fixtures';

const call = { channel: 'call', direction: 'outbound', summary: 'Call' } as const;

/** Three contacts with touches, a correction, an open and a done step; one template. */
async function seed(db: RapportDB): Promise<void> {
  await saveTemplate(db, { name: 'Intro', body: 'Hello!', statuses: ['new'] }, NOW);

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
      version: 5,
      exportedAt: '2026-03-11T15:30:00.000Z',
    });
    const { contacts, touches, nextSteps, templates } = backup;
    expect([contacts, touches, nextSteps, templates].map((list) => list.length)).toEqual([
      3, 6, 3, 1,
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

  it('gives back emails and Sales Navigator lead ids after delete-all', async () => {
    const db = await freshDb();
    const ids = { email: 'ada@analytical.example', salesNavLeadIds: ['ACwAAB4x9Kq2RtUvWyZ1'] };
    const { contact } = await saveContact(db, draft('ada-lovelace', ids), { now: NOW });
    const before = await exported(db);
    await deleteAllData(db);

    await applyImport(db, await planImport(db, JSON.stringify(before)));

    expect(await getContact(db, contact.id)).toMatchObject(ids);
    expect(await exported(db)).toEqual(before);
  });

  it('reads a version 4 file, from before emails and lead ids, as it is', async () => {
    const source = await freshDb();
    await seed(source);
    const v4 = { ...(await exported(source)), version: 4 };
    const target = await freshDb();

    const plan = await planImport(target, v4);
    await applyImport(target, plan);

    expect(plan.add.contacts.map((c) => c.key).sort()).toEqual([
      'ada-lovelace',
      'alan-turing',
      'grace-hopper',
    ]);
    expect((await exported(target)).contacts).toEqual(v4.contacts);
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
    // The last touch is worked out again as the import writes the touches.
    const adaAsImported = { ...ada, lastTouchAt: undefined };
    expect(plan.update).toEqual({ contacts: [adaAsImported], nextSteps: [], templates: [] });
    expect(plan.update.contacts[0]).not.toHaveProperty('lastTouchAt');
    expect(plan.unchanged).toEqual({
      contacts: 1,
      touches: 4,
      nextSteps: 2,
      templates: 1,
      fieldChanges: 0,
    });
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
    const empty = { contacts: [], touches: [], nextSteps: [], templates: [] };
    expect(await exported(db)).toEqual({ ...backup, ...empty });
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

/** A LinkedIn message with the ref that its thread, direction and text give it. */
function message(contactId: string, at: string, direction: Direction, text: string): NewTouch {
  const ref = messageRef('2-thread', direction, text, 1);

  return { contactId, at, channel: 'linkedin-message', direction, summary: text, ref };
}

/** Ada wrote last and waits for an answer; Grace was answered. */
async function seedMessages(db: RapportDB): Promise<{ ada: string; grace: string }> {
  const ada = (await saveContact(db, draft('ada-lovelace'), { now: NOW })).contact.id;
  const grace = (await saveContact(db, draft('grace-hopper'), { now: NOW })).contact.id;
  await logTouches(
    db,
    [
      message(ada, '2026-03-09T10:00:00.000Z', 'outbound', 'Hello Ada'),
      message(ada, '2026-03-09T11:00:00.000Z', 'inbound', 'Hello, happy to talk'),
      message(grace, '2026-03-09T10:00:00.000Z', 'inbound', 'Hi there'),
      message(grace, '2026-03-09T12:00:00.000Z', 'outbound', 'Hi Grace'),
    ],
    NOW,
  );

  return { ada, grace };
}

describe('importing message touches and templates', () => {
  it('gives back touch refs, templates and the replies due after delete-all', async () => {
    const db = await freshDb();
    await seedMessages(db);
    await saveTemplate(db, { name: 'Thanks', body: 'Thank you!' }, NOW);
    const before = await exported(db);
    await deleteAllData(db);

    await applyImport(db, await planImport(db, JSON.stringify(before)));

    expect(await exported(db)).toEqual(before);
    expect(before.touches.filter((t) => t.ref !== undefined)).toHaveLength(4);
    expect(before.templates.map((t) => t.name)).toEqual(['Thanks']);
    const due = await listRepliesDue(db);
    expect(due.contacts.map((c) => [c.name.display, c.awaitingReplySince])).toEqual([
      ['Ada Lovelace', '2026-03-09T11:00:00.000Z'],
    ]);
  });

  it('reads a version 1 file, which has no templates, and keeps the saved ones', async () => {
    const source = await freshDb();
    await seed(source);
    const { templates, ...rest } = await exported(source);
    const v1 = { ...rest, version: 1 };
    const target = await freshDb();
    const kept = await saveTemplate(target, { name: 'Kept', body: 'Stay' }, NOW);

    const plan = await planImport(target, v1);
    await applyImport(target, plan);

    expect([plan.add.contacts.length, plan.add.touches.length, plan.add.nextSteps.length]).toEqual([
      3, 6, 3,
    ]);
    expect([plan.add.templates, plan.update.templates]).toEqual([[], []]);
    expect(await listTemplates(target)).toEqual([kept]);
  });

  it('previews the templates it would add and update', async () => {
    const db = await freshDb();
    const intro = await saveTemplate(db, { name: 'Intro', body: 'Hello!' }, NOW);
    const thanks = await saveTemplate(db, { name: 'Thanks', body: 'Thank you!' }, NOW);
    const followUp = await saveTemplate(db, { name: 'Follow-up', body: 'Any news?' }, NOW);
    const backup = await exported(db);
    await saveTemplate(db, { ...intro, body: 'Hi!' }, LATER);
    await deleteTemplate(db, thanks.id);

    const plan = await planImport(db, backup);
    await applyImport(db, plan);

    expect([plan.add.templates, plan.update.templates]).toEqual([[thanks], [intro]]);
    expect(plan.unchanged.templates).toBe(1);
    expect(await listTemplates(db)).toEqual([followUp, intro, thanks]);
  });

  it('works out who awaits a reply from the touches, not from the file', async () => {
    const db = await freshDb();
    const { ada, grace } = await seedMessages(db);
    const backup = await exported(db);
    const claims = (c: Contact): Contact =>
      c.id === grace ? { ...c, awaitingReplySince: '2026-01-01T00:00:00.000Z' } : c;
    const forged = { ...backup, contacts: backup.contacts.map(claims) };

    const plan = await planImport(db, forged);
    await deleteAllData(db);
    await applyImport(db, await planImport(db, forged));

    expect(plan.unchanged.contacts).toBe(2);
    expect((await getContact(db, ada))?.awaitingReplySince).toBe('2026-03-09T11:00:00.000Z');
    expect(await getContact(db, grace)).not.toHaveProperty('awaitingReplySince');
  });

  it('finds a message logged here under another id unchanged, and keeps its corrections', async () => {
    const laptop = await freshDb();
    const adaOnLaptop = (await saveContact(laptop, draft('ada-lovelace'), { now: NOW })).contact;
    const question = message(adaOnLaptop.id, '2026-03-09T11:00:00.000Z', 'inbound', 'Price?');
    const wrong = await logTouch(laptop, question, NOW);
    await logTouch(laptop, {
      ...question,
      direction: 'outbound',
      ref: undefined,
      supersedes: wrong.id,
    });
    const backup = await exported(laptop);
    const desktop = await freshDb();
    const ada = (await saveContact(desktop, draft('ada-lovelace'), { now: NOW })).contact;
    const same = await logTouch(desktop, { ...question, contactId: ada.id }, LATER);

    const plan = await planImport(desktop, backup);
    await applyImport(desktop, plan);

    expect(plan.unchanged.touches).toBe(1);
    expect(plan.add.touches.map((t) => [t.contactId, t.direction, t.supersedes])).toEqual([
      [ada.id, 'outbound', same.id],
    ]);
    const history = await listTouches(desktop, ada.id);
    expect(history.map((t) => [t.id, t.supersededBy])).toEqual([
      [plan.add.touches[0]?.id, null],
      [same.id, plan.add.touches[0]?.id],
    ]);
    expect(await getContact(desktop, ada.id)).not.toHaveProperty('awaitingReplySince');
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
    const error = await rejectionOf((backup) => ({ ...backup, version: 6 }));

    expect(error.message).toBe(
      'This backup comes from a newer Rapport (backup version 6). ' +
        'Update Rapport, then import it again.',
    );
  });

  it('has an unknown version', async () => {
    const error = await rejectionOf((backup) => ({ ...backup, version: '1' }));

    expect(error.message).toBe(
      'This backup has an unknown version ("1"); this Rapport reads versions 1 to 5.',
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

  it('has an id longer than a sync server takes', async () => {
    const error = await rejectionOf((backup) => ({
      ...backup,
      touches: backup.touches.map((t, i) => (i === 1 ? { ...t, id: 'x'.repeat(201) } : t)),
    }));

    expect(error.issues.map((issue) => issue.path)).toEqual(['touches[1].id']);
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

  it('has the same touch ref twice', async () => {
    const error = await rejectionOf((backup) => ({
      ...backup,
      touches: backup.touches.map((t, i) => (i === 1 || i === 4 ? { ...t, ref: 'li:x' } : t)),
    }));

    expect(error.issues).toEqual([{ path: 'touches[4].ref', message: 'Same ref as touches[1]' }]);
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

describe('backing up stages and cadences', () => {
  /** Wendy moved on to development with a cadence of her own; Carl's next touch is put off. */
  async function seedStages(db: RapportDB): Promise<{ wendy: string; carl: string }> {
    const wendy = (
      await saveContact(db, draft('weekly-wendy', { stage: 'connection' }), { now: NOW })
    ).contact.id;
    const carl = (await saveContact(db, draft('client-carl', { stage: 'retention' }), { now: NOW }))
      .contact.id;
    await logTouch(db, { ...call, contactId: wendy, at: '2026-03-10T12:00:00.000Z' }, NOW);
    await setStage(db, wendy, 'development', LATER);
    await setKeepInTouch(db, wendy, 10, LATER);
    await snoozeKeepInTouch(db, carl, 60, LATER);

    return { wendy, carl };
  }

  it('gives back stages, their history, own cadences and snoozes after delete-all', async () => {
    const db = await freshDb();
    const { wendy } = await seedStages(db);
    const before = await exported(db);
    await deleteAllData(db);

    await applyImport(db, await planImport(db, JSON.stringify(before)));

    expect(await exported(db)).toEqual(before);
    expect(await getContact(db, wendy)).toMatchObject({
      stage: 'development',
      stageHistory: [
        { stage: 'connection', since: '2026-03-10T09:00:00.000Z' },
        { stage: 'development', since: '2026-03-11T15:30:00.000Z' },
      ],
      keepInTouchDays: 10,
      lastTouchAt: '2026-03-10T12:00:00.000Z',
      cadenceDays: 10,
      touchDueAt: '2026-03-20T12:00:00.000Z',
    });
  });

  it('works out due times with this Rapport’s cadence, not the file’s', async () => {
    const source = await freshDb();
    const { carl } = await seedStages(source);
    const backup = await exported(source);
    const forged = {
      ...backup,
      contacts: backup.contacts.map((c) => ({
        ...c,
        cadenceDays: 1,
        touchDueAt: NOW.toISOString(),
      })),
    };
    const target = await freshDb();
    await setCadence(target, { ...(await getCadence(target)), retention: 90 });

    await applyImport(target, await planImport(target, forged));

    expect(await getContact(target, carl)).toMatchObject({
      keepInTouchSnoozedUntil: '2026-05-10T15:30:00.000Z',
      cadenceDays: 90,
      touchDueAt: '2026-06-08T09:00:00.000Z',
    });
  });

  it('refuses a contact whose stage history does not end in its stage', async () => {
    const db = await freshDb();
    await seedStages(db);
    const backup = await exported(db);
    const muddled = {
      ...backup,
      contacts: backup.contacts.map((c, i) => (i === 1 ? { ...c, stage: 'commercial' } : c)),
    };

    const planning = planImport(db, muddled);

    await expect(planning).rejects.toMatchObject({
      issues: [
        { path: 'contacts[1].stageHistory', message: 'Its last entry is not the contact’s stage' },
      ],
    });
  });
});

/** A version 2 file as Rapport wrote it before stages: a lead and a client. */
const V2_FILE = {
  format: 'rapport-backup',
  version: 2,
  exportedAt: '2026-03-01T10:00:00.000Z',
  contacts: [
    {
      id: 'c-lena',
      key: 'lena-fischer',
      profileUrl: 'https://www.linkedin.com/in/lena-fischer/',
      memberUrn: null,
      name: { display: 'Lena Fischer', given: 'Lena', family: 'Fischer' },
      headline: 'COO at Brightline Freight',
      company: 'Brightline Freight',
      title: 'COO',
      location: 'Hamburg',
      avatarUrl: null,
      openToWork: false,
      segment: 'logistics',
      relevance: 'A',
      role: 'decision-maker',
      source: 'event',
      sourceDetail: 'Logistics Summit',
      status: 'lead',
      tags: ['q2'],
      notes: '',
      awaitingReplySince: '2026-02-20T08:00:00.000Z',
      createdAt: '2026-01-15T10:00:00+01:00',
      updatedAt: '2026-02-20T10:00:00.000Z',
    },
    {
      id: 'c-ivan',
      key: 'ivan-petrov',
      profileUrl: 'https://www.linkedin.com/in/ivan-petrov/',
      memberUrn: null,
      name: { display: 'Ivan Petrov', given: 'Ivan', family: 'Petrov' },
      headline: 'Head of Finance',
      company: 'Northwind',
      title: 'Head of Finance',
      location: 'Riga',
      avatarUrl: null,
      openToWork: false,
      segment: 'saas',
      relevance: 'B',
      role: 'budget-owner',
      source: 'referral',
      sourceDetail: 'Lena',
      status: 'client',
      tags: [],
      notes: 'Renewal in June',
      createdAt: '2025-09-01T10:00:00.000Z',
      updatedAt: '2025-12-01T10:00:00.000Z',
    },
  ],
  touches: [
    {
      id: 't-lena',
      contactId: 'c-lena',
      at: '2026-02-20T08:00:00.000Z',
      channel: 'linkedin-message',
      direction: 'inbound',
      summary: 'Can we talk pricing next week?',
      supersedes: null,
      createdAt: '2026-02-20T08:05:00.000Z',
    },
  ],
  nextSteps: [],
  templates: [],
};

describe('importing a version 2 file, from before stages', () => {
  it('puts each contact in the stage its status suggests, as the database upgrade does', async () => {
    const db = await freshDb();

    const plan = await planImport(db, V2_FILE);
    await applyImport(db, plan);

    expect(plan.add.contacts.map((c) => [c.id, c.stage, c.stageHistory])).toEqual([
      ['c-lena', 'commercial', [{ stage: 'commercial', since: '2026-01-15T09:00:00.000Z' }]],
      ['c-ivan', 'retention', [{ stage: 'retention', since: '2025-09-01T10:00:00.000Z' }]],
    ]);
    expect(await getContact(db, 'c-lena')).toMatchObject({
      keepInTouchDays: null,
      awaitingReplySince: '2026-02-20T08:00:00.000Z',
      lastTouchAt: '2026-02-20T08:00:00.000Z',
      cadenceDays: 7,
      touchDueAt: '2026-02-27T08:00:00.000Z',
    });
    expect(await getContact(db, 'c-ivan')).toMatchObject({
      keepInTouchDays: null,
      cadenceDays: 45,
      touchDueAt: '2025-10-16T10:00:00.000Z',
    });
    expect((await exported(db)).version).toBe(5);
  });

  it('is refused when a contact’s key is not the one its profile URL gives', async () => {
    const db = await freshDb();
    await seed(db);
    const backup = await exported(db);
    const claimed = {
      ...backup,
      contacts: backup.contacts.map((c, i) => (i === 0 ? { ...c, key: 'someone-else' } : c)),
    };

    const planning = planImport(db, claimed);

    await expect(planning).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'contacts[0].key' })],
    });
  });
});
