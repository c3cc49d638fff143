import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { labelKey } from '../labels';
import {
  EmailAddress,
  RELEVANCES,
  ROLES,
  SOURCES,
  STATUSES,
  type Contact,
  type ContactEdit,
} from '@/lib/model/contact';
import { parseTags } from '@/lib/contact-draft';
import { SelectField, TextArea, TextField } from '../Field';
import { Banner } from '../Banner';
import { messageOf } from '../data';
import { editContact } from './edit';

type RepDraft = Pick<
  Contact,
  'segment' | 'relevance' | 'role' | 'source' | 'sourceDetail' | 'status' | 'notes'
> & { tags: string; privateTags: string; notesPrivate: boolean; email: string };

function draftOf(contact: Contact): RepDraft {
  const { segment, relevance, role, source, sourceDetail, status, notes } = contact;
  const kept = new Set(contact.privateTags ?? []);

  return {
    segment,
    relevance,
    role,
    source,
    sourceDetail,
    status,
    notes,
    notesPrivate: contact.notesPrivate ?? false,
    tags: contact.tags.filter((tag) => !kept.has(tag)).join(', '),
    privateTags: contact.tags.filter((tag) => kept.has(tag)).join(', '),
    email: contact.email ?? '',
  };
}

/** The address as typed, as Rapport keeps it: null when empty, undefined when not one. */
function typedEmail(text: string): string | null | undefined {
  const trimmed = text.trim();

  return trimmed === '' ? null : EmailAddress.safeParse(trimmed).data;
}

/** The rep's own fields: segment, relevance, role, source, status, email, tags and notes. */
export function RepFields({ contact }: { contact: Contact }): ReactNode {
  const [draft, setDraft] = useState<RepDraft>(() => draftOf(contact));
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const set = (change: Partial<RepDraft>): void => setDraft({ ...draft, ...change });

  const save = async (): Promise<void> => {
    const email = typedEmail(draft.email);
    if (email === undefined) {
      setMessage({ tone: 'error', text: i18n.t('panel.badEmail', [draft.email.trim()]) });
      return;
    }

    // Private tags are tags like the others, listed apart so that sync leaves them here.
    const privateTags = parseTags(draft.privateTags);
    const tags = [...new Set([...parseTags(draft.tags), ...privateTags])];
    const edit: ContactEdit = { ...draft, email, tags, privateTags };
    try {
      await editContact(contact.id, edit);
      setMessage({ tone: 'ok', text: i18n.t('panel.changesSaved') });
    } catch (error) {
      setMessage({ tone: 'error', text: messageOf(error) });
    }
  };

  return (
    <section aria-labelledby="rep-heading" data-testid="rep-fields">
      <h2 id="rep-heading">{i18n.t('panel.yourFields')}</h2>
      <SelectField
        name="status"
        label={i18n.t('field.status')}
        value={draft.status}
        options={STATUSES}
        allowEmpty={false}
        optionLabel={(s) => i18n.t(`status.${labelKey(s)}`)}
        onChange={(status) => status && set({ status })}
      />
      <TextField
        name="segment"
        label={i18n.t('field.segment')}
        value={draft.segment}
        onChange={(segment) => set({ segment })}
      />
      <SelectField
        name="relevance"
        label={i18n.t('field.relevance')}
        value={draft.relevance}
        options={RELEVANCES}
        optionLabel={(r) => i18n.t(`relevance.${r}`)}
        onChange={(relevance) => set({ relevance })}
      />
      <SelectField
        name="role"
        label={i18n.t('field.role')}
        value={draft.role}
        options={ROLES}
        optionLabel={(r) => i18n.t(`role.${labelKey(r)}`)}
        onChange={(role) => set({ role })}
      />
      <SelectField
        name="source"
        label={i18n.t('field.source')}
        value={draft.source}
        options={SOURCES}
        optionLabel={(s) => i18n.t(`source.${labelKey(s)}`)}
        onChange={(source) => set({ source })}
      />
      <TextField
        name="sourceDetail"
        label={i18n.t('field.sourceDetail')}
        value={draft.sourceDetail}
        onChange={(sourceDetail) => set({ sourceDetail })}
      />
      <TextField
        name="email"
        type="email"
        label={i18n.t('field.email')}
        value={draft.email}
        onChange={(email) => set({ email })}
      />
      <TextField
        name="tags"
        label={i18n.t('field.tags')}
        hint={i18n.t('field.tagsHint')}
        value={draft.tags}
        onChange={(tags) => set({ tags })}
      />
      <TextField
        name="privateTags"
        label={i18n.t('field.privateTags')}
        hint={i18n.t('field.privateTagsHint')}
        value={draft.privateTags}
        onChange={(privateTags) => set({ privateTags })}
      />
      <TextArea
        name="notes"
        label={i18n.t('field.notes')}
        value={draft.notes}
        onChange={(notes) => set({ notes })}
      />
      <label className="row">
        <input
          type="checkbox"
          name="notesPrivate"
          checked={draft.notesPrivate}
          onChange={(e) => set({ notesPrivate: e.target.checked })}
        />
        {i18n.t('field.notesPrivate')}
      </label>
      {message && <Banner tone={message.tone}>{message.text}</Banner>}
      <button className="primary" onClick={() => void save()}>
        {i18n.t('panel.saveChanges')}
      </button>
    </section>
  );
}
