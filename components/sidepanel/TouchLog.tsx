import { useState, type ReactNode } from 'react';
import { useSignals } from '@preact/signals-react/runtime';
import { i18n } from '#i18n';
import { labelKey } from '../labels';
import { CHANNELS, DIRECTIONS, type Channel, type Direction } from '@/lib/model/touch';
import type { Contact } from '@/lib/model/contact';
import type { TouchView } from '@/lib/storage/touches';
import { logTouch } from '@/lib/storage/touches';
import { SelectField, TextArea, TextField } from '../Field';
import { Banner } from '../Banner';
import { announceChange, database, messageOf } from '../data';
import { reloadContact, touches } from './panel-store';

interface TouchDraft {
  channel: Channel;
  direction: Direction;
  at: string;
  summary: string;
  supersedes: string | null;
}

function freshDraft(): TouchDraft {
  return {
    channel: 'linkedin-message',
    direction: 'outbound',
    at: localInputValue(new Date()),
    summary: '',
    supersedes: null,
  };
}

/** Log touch (time defaults to now) and the history, newest first. */
export function TouchLog({ contact }: { contact: Contact }): ReactNode {
  useSignals();
  const [draft, setDraft] = useState<TouchDraft>(freshDraft);
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    if (Number.isNaN(Date.parse(draft.at))) {
      setError(i18n.t('touch.needTime'));
      return;
    }

    try {
      const at = new Date(draft.at).toISOString();
      await logTouch(await database(), { ...draft, at, contactId: contact.id });
      setDraft(freshDraft());
      setError(null);
      announceChange();
      await reloadContact();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const correct = (touch: TouchView): void => {
    const { channel, direction, summary } = touch;
    setDraft({
      channel,
      direction,
      summary,
      at: localInputValue(new Date(touch.at)),
      supersedes: touch.id,
    });
  };

  return (
    <section aria-labelledby="touch-heading" data-testid="touches">
      <h2 id="touch-heading">{i18n.t('touch.section')}</h2>
      <TouchForm draft={draft} onChange={setDraft} />
      {error && <Banner tone="error">{error}</Banner>}
      <button className="primary" onClick={() => void submit()}>
        {i18n.t('touch.log')}
      </button>
      <TouchHistory items={touches.value} onCorrect={correct} />
    </section>
  );
}

function TouchForm(props: { draft: TouchDraft; onChange: (d: TouchDraft) => void }): ReactNode {
  const { draft, onChange } = props;
  const set = (change: Partial<TouchDraft>): void => onChange({ ...draft, ...change });

  return (
    <>
      {draft.supersedes && <p className="muted">{i18n.t('touch.corrects')}</p>}
      <div className="row">
        <SelectField
          name="channel"
          label={i18n.t('touch.channel')}
          value={draft.channel}
          options={CHANNELS}
          allowEmpty={false}
          optionLabel={(c) => i18n.t(`channel.${labelKey(c)}`)}
          onChange={(channel) => channel && set({ channel })}
        />
        <SelectField
          name="direction"
          label={i18n.t('touch.direction')}
          value={draft.direction}
          options={DIRECTIONS}
          allowEmpty={false}
          optionLabel={(d) => i18n.t(`direction.${d}`)}
          onChange={(direction) => direction && set({ direction })}
        />
      </div>
      <TextField
        name="at"
        type="datetime-local"
        label={i18n.t('touch.at')}
        value={draft.at}
        onChange={(at) => set({ at })}
      />
      <TextArea
        name="summary"
        label={i18n.t('touch.summary')}
        value={draft.summary}
        onChange={(summary) => set({ summary })}
      />
    </>
  );
}

function TouchHistory(props: { items: TouchView[]; onCorrect: (t: TouchView) => void }): ReactNode {
  if (props.items.length === 0) return <p className="muted">{i18n.t('touch.empty')}</p>;

  return (
    <ul className="plain" aria-label={i18n.t('touch.history')} data-testid="touch-history">
      {props.items.map((touch) => (
        <li key={touch.id} className={touch.supersededBy ? 'superseded' : undefined}>
          <div className="muted">
            {[
              new Date(touch.at).toLocaleString(),
              i18n.t(`channel.${labelKey(touch.channel)}`),
              i18n.t(`direction.${touch.direction}`),
            ].join(' · ')}
            {touch.supersededBy && ` · ${i18n.t('touch.superseded')}`}
          </div>
          <div>{touch.summary}</div>
          {!touch.supersededBy && (
            <button onClick={() => props.onCorrect(touch)}>{i18n.t('touch.correct')}</button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** `datetime-local` wants local wall-clock time without a zone. */
function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
