import { describe, expect, it } from 'vitest';
import { deleteAllData } from '@/lib/storage/contacts';
import { InvalidRecordError, NotFoundError, StorageFullError } from '@/lib/storage/errors';
import { addTemplates, deleteTemplate, listTemplates, saveTemplate } from '@/lib/storage/templates';
import { LATER, NOW, failNthWrite, freshDb } from './fixtures';

const intro = { name: 'Intro', body: 'Hi {firstName}, we met at the fair.' };

describe('message templates', () => {
  it('stores a new template with an id, any status and both timestamps', async () => {
    const db = await freshDb();

    const saved = await saveTemplate(db, intro, NOW);

    expect(saved).toEqual({
      id: saved.id,
      name: 'Intro',
      body: 'Hi {firstName}, we met at the fair.',
      statuses: [],
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
    });
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await listTemplates(db)).toEqual([saved]);
  });

  it('changes the template named by the draft’s id and bumps updatedAt', async () => {
    const db = await freshDb();
    const { id } = await saveTemplate(db, intro, NOW);

    const changed = await saveTemplate(
      db,
      { id, name: 'Intro, warm', body: 'Good to see you again!', statuses: ['warm', 'lead'] },
      LATER,
    );

    expect(changed).toEqual({
      id,
      name: 'Intro, warm',
      body: 'Good to see you again!',
      statuses: ['warm', 'lead'],
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-11T15:30:00.000Z',
    });
    expect(await listTemplates(db)).toEqual([changed]);
  });

  it('lists templates by name, as a reader orders them', async () => {
    const db = await freshDb();
    for (const name of ['follow-up 10', 'Zero reply', 'Follow-up 2', 'after the call']) {
      await saveTemplate(db, { name, body: 'Hello' }, NOW);
    }

    const names = (await listTemplates(db)).map((t) => t.name);

    expect(names).toEqual(['after the call', 'Follow-up 2', 'follow-up 10', 'Zero reply']);
  });

  it('deletes a template', async () => {
    const db = await freshDb();
    const { id } = await saveTemplate(db, intro, NOW);
    const other = await saveTemplate(db, { name: 'Thanks', body: 'Thank you!' }, NOW);

    await deleteTemplate(db, id);

    expect(await listTemplates(db)).toEqual([other]);
  });

  it('refuses to change or delete a template that is gone', async () => {
    const db = await freshDb();
    const { id } = await saveTemplate(db, intro, NOW);
    await deleteTemplate(db, id);

    const saving = saveTemplate(db, { ...intro, id }, LATER);
    const deleting = deleteTemplate(db, id);

    await expect(saving).rejects.toThrow(NotFoundError);
    await expect(deleting).rejects.toThrow(
      `The template was not found (it may have been deleted). Id: ${id}`,
    );
    expect(await listTemplates(db)).toEqual([]);
  });

  it('names every faulty field of an invalid template and stores nothing', async () => {
    const db = await freshDb();
    const draft = { name: '   ', body: 'x'.repeat(5_001), statuses: ['friend' as 'warm'] };

    const saving = saveTemplate(db, draft, NOW);

    await expect(saving).rejects.toThrow(InvalidRecordError);
    await expect(saving).rejects.toMatchObject({
      issues: [{ path: 'name' }, { path: 'body' }, { path: 'statuses[0]' }],
    });
    expect(await listTemplates(db)).toEqual([]);
  });

  it('trims the name, so that a name of spaces is refused', async () => {
    const db = await freshDb();

    const saved = await saveTemplate(db, { ...intro, name: '  Intro  ' }, NOW);

    expect(saved.name).toBe('Intro');
  });

  it('are deleted with all the other data', async () => {
    const db = await freshDb();
    await saveTemplate(db, intro, NOW);

    await deleteAllData(db);

    expect(await listTemplates(db)).toEqual([]);
  });

  it('adds several templates at once, each with its statuses', async () => {
    const db = await freshDb();

    const added = await addTemplates(
      db,
      [intro, { name: 'Thanks', body: 'Thank you!', statuses: ['client'] }],
      NOW,
    );

    const listed = (await listTemplates(db)).map((t) => [t.name, t.statuses, t.createdAt]);
    expect(added.map((t) => t.name)).toEqual(['Intro', 'Thanks']);
    expect(listed).toEqual([
      ['Intro', [], '2026-03-10T09:00:00.000Z'],
      ['Thanks', ['client'], '2026-03-10T09:00:00.000Z'],
    ]);
  });

  it('adds none of several templates when one is invalid', async () => {
    const db = await freshDb();

    const adding = addTemplates(db, [intro, { name: 'Empty', body: '' }], NOW);

    await expect(adding).rejects.toMatchObject({ issues: [{ path: 'body' }] });
    expect(await listTemplates(db)).toEqual([]);
  });

  it('adds none of several templates when one cannot be written', async () => {
    const db = await freshDb();
    failNthWrite('add', 2);

    const adding = addTemplates(db, [intro, { name: 'Thanks', body: 'Thank you!' }], NOW);

    await expect(adding).rejects.toThrow(StorageFullError);
    expect(await listTemplates(db)).toEqual([]);
  });
});
