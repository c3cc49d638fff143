import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { Status } from '@/lib/model/contact';
import type { Template } from '@/lib/model/template';
import { addTemplates, deleteTemplate, listTemplates, saveTemplate } from '@/lib/storage/templates';
import { TEMPLATE_VARIABLES } from '@/lib/template-fill';
import { Banner } from '../Banner';
import { database, messageOf } from '../data';
import { labelKey } from '../labels';
import { TemplateEditor, draftOf, emptyDraft, type EditorDraft } from './TemplateEditor';
import { starterTemplates } from './starter-templates';

type Notice = { tone: 'ok' | 'error'; text: string } | null;
type FailureKey = 'templates.saveFailed' | 'templates.deleteFailed';

/** The rep's message templates: list, add, edit and delete, and a starter set to begin with. */
export function TemplatesSection(): ReactNode {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [editing, setEditing] = useState<EditorDraft | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const reload = async (): Promise<void> => {
    setTemplates(await listTemplates(await database()));
  };

  useEffect(() => {
    reload().catch((error: unknown) => {
      setNotice({ tone: 'error', text: i18n.t('templates.loadFailed', [messageOf(error)]) });
    });
  }, []);

  /** Makes a change, then shows the templates as stored; false when the change failed. */
  const run = async (
    change: () => Promise<unknown>,
    done: string,
    failure: FailureKey,
  ): Promise<boolean> => {
    try {
      await change();
      await reload();
      setNotice({ tone: 'ok', text: done });

      return true;
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t(failure, [messageOf(error)]) });

      return false;
    }
  };

  const save = async (draft: EditorDraft): Promise<void> => {
    const write = async (): Promise<unknown> => saveTemplate(await database(), draft);

    if (await run(write, i18n.t('templates.saved'), 'templates.saveFailed')) setEditing(null);
  };

  const remove = async (template: Template): Promise<void> => {
    if (!confirm(i18n.t('templates.deleteConfirm', [template.name]))) return;

    const write = async (): Promise<unknown> => deleteTemplate(await database(), template.id);

    if (await run(write, i18n.t('templates.deleted'), 'templates.deleteFailed')) {
      setEditing((open) => (open?.id === template.id ? null : open));
    }
  };

  const addStarters = async (): Promise<void> => {
    const write = async (): Promise<unknown> => addTemplates(await database(), starterTemplates());

    await run(write, i18n.t('templates.startersAdded'), 'templates.saveFailed');
  };

  return (
    <section aria-labelledby="templates-heading" data-testid="templates">
      <h2 id="templates-heading">{i18n.t('templates.section')}</h2>
      <p className="muted">{i18n.t('templates.intro')}</p>
      <VariableList />
      {templates?.length === 0 && <StarterOffer onAdd={() => void addStarters()} />}
      {templates && templates.length > 0 && (
        <TemplateList
          templates={templates}
          onEdit={(template) => setEditing(draftOf(template))}
          onDelete={(template) => void remove(template)}
        />
      )}
      {editing ? (
        <TemplateEditor
          draft={editing}
          onChange={setEditing}
          onSave={(draft) => void save(draft)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="row">
          <button onClick={() => setEditing(emptyDraft())}>{i18n.t('templates.add')}</button>
        </div>
      )}
      {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}
    </section>
  );
}

function VariableList(): ReactNode {
  return (
    <details data-testid="template-variables">
      <summary>{i18n.t('templates.variables')}</summary>
      <ul className="plain">
        {TEMPLATE_VARIABLES.map((name) => (
          <li key={name}>
            <code>{`{${name}}`}</code>{' '}
            <span className="muted">{i18n.t(`templates.var.${name}`)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function StarterOffer({ onAdd }: { onAdd: () => void }): ReactNode {
  return (
    <div className="row">
      <span className="muted">{i18n.t('templates.empty')}</span>
      <button className="primary" onClick={onAdd}>
        {i18n.t('templates.addStarters')}
      </button>
    </div>
  );
}

interface ListProps {
  templates: Template[];
  onEdit: (template: Template) => void;
  onDelete: (template: Template) => void;
}

function TemplateList({ templates, onEdit, onDelete }: ListProps): ReactNode {
  return (
    <ul className="plain" data-testid="template-list">
      {templates.map((template) => (
        <li key={template.id}>
          <div className="row">
            <strong>{template.name}</strong>
            <span className="muted">{statusesText(template.statuses)}</span>
          </div>
          <div className="muted" style={{ whiteSpace: 'pre-line' }}>
            {template.body}
          </div>
          <div className="row">
            <button onClick={() => onEdit(template)}>{i18n.t('templates.edit')}</button>
            <button onClick={() => onDelete(template)}>{i18n.t('templates.delete')}</button>
          </div>
        </li>
      ))}
    </ul>
  );
}

function statusesText(statuses: Status[]): string {
  if (statuses.length === 0) return i18n.t('templates.anyStatus');

  return statuses.map((status) => i18n.t(`status.${labelKey(status)}`)).join(', ');
}
