import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { i18n } from '#i18n';
import { STATUSES, type Status } from '@/lib/model/contact';
import { TemplateDraft, type Template } from '@/lib/model/template';
import { variablesIn } from '@/lib/template-fill';
import { Banner } from '../Banner';
import { TextField } from '../Field';
import { labelKey } from '../labels';

/** What the editor holds: a draft with its statuses, with an `id` when it edits a template. */
export type EditorDraft = z.output<typeof TemplateDraft>;

export function emptyDraft(): EditorDraft {
  return { name: '', body: '', statuses: [] };
}

export function draftOf(template: Template): EditorDraft {
  const { id, name, body, statuses } = template;

  return { id, name, body, statuses };
}

interface EditorProps {
  draft: EditorDraft;
  onChange: (draft: EditorDraft) => void;
  onSave: (draft: EditorDraft) => void;
  onCancel: () => void;
}

/** Name, body and the statuses a template suits; checked here first so errors read plainly. */
export function TemplateEditor(props: EditorProps): ReactNode {
  const { draft, onChange } = props;
  const [problems, setProblems] = useState<string[]>([]);
  const unknown = variablesIn(draft.body).unknown;

  const save = (): void => {
    const found = problemsOf(draft);
    setProblems(found);

    if (found.length === 0) props.onSave(draft);
  };

  return (
    <div className="template-editor" data-testid="template-editor">
      <TextField
        name="template-name"
        label={i18n.t('templates.name')}
        value={draft.name}
        onChange={(name) => onChange({ ...draft, name })}
      />
      <label>
        {i18n.t('templates.body')}
        <textarea
          name="template-body"
          rows={8}
          value={draft.body}
          onChange={(event) => onChange({ ...draft, body: event.target.value })}
        />
      </label>
      {unknown.length > 0 && (
        <Banner tone="warn">
          {i18n.t('templates.unknown', [unknown.map((word) => `{${word}}`).join(', ')])}
        </Banner>
      )}
      <StatusChoice
        chosen={draft.statuses}
        onChange={(statuses) => onChange({ ...draft, statuses })}
      />
      {problems.length > 0 && <Banner tone="error">{problems.join(' ')}</Banner>}
      <div className="row">
        <button className="primary" onClick={save}>
          {i18n.t('common.save')}
        </button>
        <button onClick={props.onCancel}>{i18n.t('common.cancel')}</button>
      </div>
    </div>
  );
}

function StatusChoice(props: { chosen: Status[]; onChange: (s: Status[]) => void }): ReactNode {
  const toggle = (status: Status, on: boolean): void => {
    const others = props.chosen.filter((s) => s !== status);

    // Kept in the list's order, so the same choice is always stored the same way.
    props.onChange(STATUSES.filter((s) => others.includes(s) || (on && s === status)));
  };

  return (
    <fieldset className="row" data-testid="template-statuses">
      <legend className="muted">{i18n.t('templates.statuses')}</legend>
      {STATUSES.map((status) => (
        <label key={status} className="row">
          <input
            type="checkbox"
            name="template-status"
            value={status}
            checked={props.chosen.includes(status)}
            onChange={(event) => toggle(status, event.target.checked)}
          />
          {i18n.t(`status.${labelKey(status)}`)}
        </label>
      ))}
      <span className="muted">{i18n.t('templates.statusesHint')}</span>
    </fieldset>
  );
}

const PROBLEM_TEXT = {
  name: 'templates.nameInvalid',
  body: 'templates.bodyInvalid',
  statuses: 'templates.statusesInvalid',
} as const;

/** The schema's verdict in the rep's language, one sentence per faulty field. */
function problemsOf(draft: EditorDraft): string[] {
  const result = TemplateDraft.safeParse(draft);

  if (result.success) return [];

  const fields = result.error.issues.map((issue) => issue.path[0]);
  const known = Object.entries(PROBLEM_TEXT).filter(([field]) => fields.includes(field));

  return known.map(([, key]) => i18n.t(key));
}
