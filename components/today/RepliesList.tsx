import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { replyDueOf, type ReplySettings } from '@/lib/reply-targets';
import type { RepliesDue } from '@/lib/storage/replies';
import { ReplyRow } from '../popup/RepliesDueGroup';
import { TodaySection } from './TodaySection';

interface RepliesListProps {
  replies: RepliesDue;
  settings: ReplySettings;
  now: Date;
  filtered: boolean;
}

/** Contacts waiting for the rep's answer, the longest wait first; missed targets marked. */
export function RepliesList({ replies, settings, now, filtered }: RepliesListProps): ReactNode {
  return (
    <TodaySection
      testId="today-replies"
      title={i18n.t('today.replies')}
      count={replies.contacts.length}
      filtered={filtered}
      more={replies.more}
    >
      <ul className="plain">
        {replies.contacts.map((contact) => (
          <ReplyRow
            key={contact.id}
            contact={contact}
            due={replyDueOf(contact, settings, now)}
            testId="today-item"
          />
        ))}
      </ul>
    </TodaySection>
  );
}
