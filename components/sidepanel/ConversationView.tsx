import type { ReactNode } from 'react';
import { useSignals } from '@preact/signals-react/runtime';
import { i18n } from '#i18n';
import type { ConversationReading } from '@/lib/model/reading';
import { partners } from './conversation-store';
import { PartnerList } from './PartnerList';
import { LogConversation } from './LogConversation';
import { TemplatePicker } from './TemplatePicker';

/** An open messaging thread: who it is with, what Rapport knows of them, and what to do next. */
export function ConversationView({
  conversation,
}: {
  conversation: ConversationReading;
}): ReactNode {
  useSignals();
  const people = partners.value;
  const saved = people.filter((p) => p.contact !== null);
  const single = conversation.kind !== 'group' && saved.length === 1 ? saved[0] : undefined;

  return (
    <div data-testid="conversation" data-thread-id={conversation.threadId ?? ''}>
      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">{i18n.t(`conversation.kind_${conversation.kind}`)}</h2>
        {conversation.subject && <p data-testid="thread-subject">{conversation.subject}</p>}
        <p className="muted">{lastMessageLine(conversation)}</p>
        <PartnerList conversation={conversation} people={people} />
      </section>
      <LogConversation conversation={conversation} saved={saved} />
      <TemplatePicker
        conversation={conversation}
        contact={single?.contact ?? null}
        last={single?.lastTouch ?? null}
      />
    </div>
  );
}

function lastMessageLine(conversation: ConversationReading): string {
  const { messageCount, lastDirection, lastMessageAt } = conversation;
  if (messageCount === 0 || lastDirection === null) return i18n.t('conversation.noMessages');

  const when = lastMessageAt ? new Date(lastMessageAt).toLocaleString() : '—';
  const who = i18n.t(`conversation.last_${lastDirection}`);

  return i18n.t('conversation.summary', [String(messageCount), who, when]);
}
