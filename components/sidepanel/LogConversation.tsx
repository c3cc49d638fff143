import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { addDays, todayIn } from '@/lib/dates';
import type { ConversationReading } from '@/lib/model/reading';
import { logThread, type LoggedThread } from '@/lib/storage/conversations';
import { setNextStep } from '@/lib/storage/next-steps';
import { Banner } from '../Banner';
import { announceChange, database, messageOf } from '../data';
import { threadOf, type PartnerView } from './conversation-store';
import { reloadContact } from './panel-store';

/** Days until the follow-up suggested once the rep has answered. */
const FOLLOW_UP_DAYS = 3;

interface LogConversationProps {
  conversation: ConversationReading;
  saved: PartnerView[];
}

/** Turns the thread's messages into touches; logging again adds only the new ones. */
export function LogConversation({ conversation, saved }: LogConversationProps): ReactNode {
  const [result, setResult] = useState<LoggedThread | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const thread = threadOf(conversation);

  const log = async (): Promise<void> => {
    if (!thread) return;

    setBusy(true);
    try {
      setResult(await logThread(await database(), thread));
      setError(null);
      announceChange();
      await reloadContact();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="log-heading" data-testid="log-conversation">
      <h2 id="log-heading">{i18n.t('conversation.logSection')}</h2>
      {saved.length === 0 && <p className="muted">{i18n.t('conversation.saveFirst')}</p>}
      <button className="primary" disabled={busy || !thread || saved.length === 0} onClick={log}>
        {i18n.t('conversation.log')}
      </button>
      {result && <Banner tone="ok">{resultLine(result)}</Banner>}
      {error && <Banner tone="error">{error}</Banner>}
      {result && conversation.lastDirection === 'outbound' && (
        <FollowUpSuggestion people={saved.filter((p) => p.nextStep === null)} />
      )}
    </section>
  );
}

function resultLine({ added, skipped, untimed }: LoggedThread): string {
  const parts = [i18n.t('conversation.logged', [String(added)])];
  if (skipped > 0) parts.push(i18n.t('conversation.alreadyLogged', [String(skipped)]));
  if (untimed > 0) parts.push(i18n.t('conversation.untimed', [String(untimed)]));

  return parts.join(' ');
}

/** The rep answered last: offer the usual next step for the people without one. */
function FollowUpSuggestion({ people }: { people: PartnerView[] }): ReactNode {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (people.length === 0) return null;
  if (done) return <Banner tone="ok">{i18n.t('conversation.followUpSet')}</Banner>;

  const plan = async (): Promise<void> => {
    try {
      const db = await database();
      const due = addDays(todayIn(), FOLLOW_UP_DAYS);
      const action = i18n.t('conversation.followUpAction');
      for (const { contact } of people) if (contact) await setNextStep(db, contact.id, action, due);

      setDone(true);
      announceChange();
      await reloadContact();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <div className="row" data-testid="follow-up-suggestion">
      <span>{i18n.t('conversation.followUpHint')}</span>
      <button onClick={() => void plan()}>{i18n.t('conversation.followUp')}</button>
      {error && <Banner tone="error">{error}</Banner>}
    </div>
  );
}
