import { useEffect, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { InsertReply, type InsertTextMessage } from '@/lib/messages';
import type { Contact } from '@/lib/model/contact';
import type { ConversationReading } from '@/lib/model/reading';
import type { Template } from '@/lib/model/template';
import type { TouchView } from '@/lib/storage/touches';
import { listTemplates } from '@/lib/storage/templates';
import {
  TEMPLATE_VARIABLES,
  fillTemplate,
  templateValues,
  templatesFor,
  type FilledTemplate,
  type TemplateValues,
} from '@/lib/template-fill';
import { Banner } from '../Banner';
import { database, messageOf } from '../data';
import { labelKey } from '../labels';
import { tabId } from './panel-store';

interface TemplatePickerProps {
  conversation: ConversationReading;
  /** The saved partner of a 1:1 thread, whose details fill the templates. */
  contact: Contact | null;
  last: TouchView | null;
}

/** The rep's templates, filled for this person: copy one, or insert it into the message box. */
export function TemplatePicker({ conversation, contact, last }: TemplatePickerProps): ReactNode {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void database()
      .then(listTemplates)
      .then(setTemplates, (failure: unknown) => setError(messageOf(failure)));
  }, []);

  const values = contact ? valuesOf(contact, last) : guestValues(conversation);
  const ordered = contact && templates ? templatesFor(templates, contact.status) : templates;

  return (
    <section aria-labelledby="templates-heading" data-testid="template-picker">
      <h2 id="templates-heading">{i18n.t('conversation.templates')}</h2>
      {error && <Banner tone="error">{error}</Banner>}
      {ordered?.length === 0 && <p className="muted">{i18n.t('conversation.noTemplates')}</p>}
      <ul className="plain">
        {ordered?.map((template) => (
          <TemplateItem
            key={template.id}
            template={template}
            filled={fillTemplate(template.body, values)}
          />
        ))}
      </ul>
    </section>
  );
}

function TemplateItem(props: { template: Template; filled: FilledTemplate }): ReactNode {
  const { template, filled } = props;
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const act = async (action: (text: string) => Promise<string>): Promise<void> => {
    try {
      setNote({ tone: 'ok', text: await action(filled.text) });
    } catch (failure) {
      setNote({ tone: 'error', text: messageOf(failure) });
    }
  };

  return (
    <li data-testid="template" data-template-id={template.id}>
      <strong>{template.name}</strong>
      <p className="preview">{filled.text}</p>
      {filled.missing.length > 0 && (
        <p className="muted">{i18n.t('conversation.missing', [filled.missing.join(', ')])}</p>
      )}
      <div className="row">
        <button onClick={() => void act(copy)}>{i18n.t('conversation.copy')}</button>
        <button onClick={() => void act(insert)}>{i18n.t('conversation.insert')}</button>
      </div>
      {note && <Banner tone={note.tone}>{note.text}</Banner>}
    </li>
  );
}

function valuesOf(contact: Contact, last: TouchView | null): TemplateValues {
  return templateValues(contact, last ?? undefined, {
    locale: browser.i18n.getUILanguage(),
    channelName: (channel) => i18n.t(`channel.${labelKey(channel)}`).toLowerCase(),
  });
}

/** Someone not saved yet: only the first name the thread greets them by is known. */
function guestValues(conversation: ConversationReading): TemplateValues {
  const empty = Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v, null])) as TemplateValues;
  const first = conversation.kind === 'group' ? null : conversation.greetingFirstName;

  return { ...empty, firstName: first };
}

async function copy(text: string): Promise<string> {
  await navigator.clipboard.writeText(text);

  return i18n.t('conversation.copied');
}

/** Asks the tab's content script to put the text in the message box; it never sends. */
async function insert(text: string): Promise<string> {
  const tab = tabId.value;
  if (tab === null) throw new Error(i18n.t('panel.noTab'));

  const message: InsertTextMessage = { type: 'compose/insert', text };
  const reply = InsertReply.safeParse(await browser.tabs.sendMessage(tab, message));

  if (!reply.success || !reply.data.ok) throw new Error(i18n.t('conversation.noMessageBox'));

  return i18n.t('conversation.inserted');
}
