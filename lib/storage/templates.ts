import { Template, TemplateDraft } from '../model/template';
import { INDEX } from './db';
import type { RapportDB } from './db';
import { NotFoundError } from './errors';
import { allOf, inReadTx, inWriteTx, validated } from './tx';

/**
 * Adds a template, or, when the draft has an `id`, replaces that one's name, body and statuses
 * with the draft's and bumps `updatedAt`. Rejects with NotFoundError when that template is
 * gone, rather than bringing back one that was deleted while it was being edited.
 */
export async function saveTemplate(
  db: RapportDB,
  draft: TemplateDraft,
  now: Date = new Date(),
): Promise<Template> {
  const { id, ...fields } = validated(TemplateDraft, draft, 'template');
  const stamp = now.toISOString();

  return inWriteTx(db, ['templates'], async (tx) => {
    const store = tx.objectStore('templates');
    const current = id === undefined ? undefined : await store.get(id);

    if (id !== undefined && !current) throw new NotFoundError('template', id);

    const record = current
      ? { ...current, ...fields, updatedAt: stamp }
      : { ...fields, id: crypto.randomUUID(), createdAt: stamp, updatedAt: stamp };
    const template = validated(Template, record, 'template');
    await store.put(template);

    return template;
  });
}

/**
 * Adds several new templates in one transaction, e.g. the starter set: all of them, or none
 * when one is invalid or cannot be written.
 */
export async function addTemplates(
  db: RapportDB,
  drafts: readonly Omit<TemplateDraft, 'id'>[],
  now: Date = new Date(),
): Promise<Template[]> {
  const stamp = now.toISOString();
  const templates = drafts.map((draft, i) => {
    const fields = validated(TemplateDraft.omit({ id: true }), draft, `templates[${i}]`);
    const record = { ...fields, id: crypto.randomUUID(), createdAt: stamp, updatedAt: stamp };

    return validated(Template, record, `templates[${i}]`);
  });

  await inWriteTx(db, ['templates'], (tx) => {
    const store = tx.objectStore('templates');
    return allOf(templates.map((template) => () => store.add(template)));
  });

  return templates;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Every template, by name. The index orders names by code unit, which puts "Zoe" before
 * "alan"; templates are few, so they are then sorted the way a reader expects.
 */
export async function listTemplates(db: RapportDB): Promise<Template[]> {
  const templates = await inReadTx(db, ['templates'], (tx) =>
    tx.objectStore('templates').index(INDEX.templateByName).getAll(),
  );

  return templates.sort((a, b) => byName.compare(a.name, b.name));
}

export async function deleteTemplate(db: RapportDB, id: string): Promise<void> {
  await inWriteTx(db, ['templates'], async (tx) => {
    const store = tx.objectStore('templates');

    if ((await store.getKey(id)) === undefined) throw new NotFoundError('template', id);

    await store.delete(id);
  });
}
