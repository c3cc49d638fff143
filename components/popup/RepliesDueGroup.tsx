import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { Contact } from '@/lib/model/contact';
import { replyDueOf, type ReplyDue, type ReplySettings } from '@/lib/reply-targets';
import type { RepliesDue } from '@/lib/storage/replies';
import { labelKey } from '../labels';
import { formatWaited } from './waited';
import './replies-due.css';

interface RepliesDueGroupProps {
  replies: RepliesDue;
  settings: ReplySettings;
  now: Date;
}

/** Contacts waiting for the rep's answer, the longest wait first; missed targets marked. */
export function RepliesDueGroup({ replies, settings, now }: RepliesDueGroupProps): ReactNode {
  if (replies.contacts.length === 0) return null;

  return (
    <section aria-labelledby="replies-due-heading" data-testid="replies-due">
      <h2 id="replies-due-heading">{i18n.t('replies.dueTitle')}</h2>
      <ul className="plain">
        {replies.contacts.map((contact) => (
          <ReplyRow key={contact.id} contact={contact} due={replyDueOf(contact, settings, now)} />
        ))}
      </ul>
      {replies.more > 0 && (
        <p className="muted" data-testid="replies-more">
          {i18n.t('replies.more', [String(replies.more)])}
        </p>
      )}
    </section>
  );
}

interface ReplyRowProps {
  contact: Contact;
  due: ReplyDue | null;
  /** Pages that list several kinds of rows name them all alike. */
  testId?: string;
}

/** One contact waiting for an answer: how long, and whether the target is missed. */
export function ReplyRow({ contact, due, testId = 'reply-due' }: ReplyRowProps): ReactNode {
  // The index lists only contacts who wait, so `due` is there; the row still shows without it.
  const missed = due?.missed ?? false;

  return (
    <li data-testid={testId} data-contact-id={contact.id} data-missed={missed}>
      <div className="row">
        <a href={contact.profileUrl} target="_blank" rel="noreferrer">
          {contact.name.display}
        </a>
        <span className="muted">{i18n.t(`status.${labelKey(contact.status)}`)}</span>
      </div>
      <div className="row">
        {due && <span>{i18n.t('replies.waited', [formatWaited(due.waitedMs)])}</span>}
        {missed && <span className="target-missed">{i18n.t('replies.missed')}</span>}
      </div>
    </li>
  );
}
