import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { snoozeKeepInTouch } from '@/lib/storage/cadence';
import type { KeepInTouchItem } from '@/lib/storage/keep-in-touch';
import { announceChange, database } from '../data';

const DAY_MS = 86_400_000;
const SNOOZE_DAYS = 7;

interface KeepInTouchGroupProps {
  items: KeepInTouchItem[];
  /** How many more are past their cadence; null while not counted yet. */
  more: number | null;
  now: Date;
  onChanged: () => Promise<void>;
}

/** Contacts past their stage's cadence, the furthest past it first, with what to do next. */
export function KeepInTouchGroup(props: KeepInTouchGroupProps): ReactNode {
  if (props.items.length === 0) return null;

  return (
    <section aria-labelledby="keep-in-touch-heading" data-testid="keep-in-touch">
      <h2 id="keep-in-touch-heading">{i18n.t('stage.keepInTouchSection')}</h2>
      <ul className="plain">
        {props.items.map((item) => (
          <KeepInTouchRow
            key={item.contact.id}
            item={item}
            now={props.now}
            onChanged={props.onChanged}
          />
        ))}
      </ul>
      {props.more !== null && props.more > 0 && (
        <p className="muted" data-testid="keep-in-touch-more">
          {i18n.t('popup.moreKeepInTouch', [String(props.more)])}
        </p>
      )}
    </section>
  );
}

interface RowProps {
  item: KeepInTouchItem;
  now: Date;
  onChanged: () => Promise<void>;
}

function KeepInTouchRow({ item, now, onChanged }: RowProps): ReactNode {
  const { contact, cadenceDays, lastTouchAt } = item;
  const snooze = async (): Promise<void> => {
    await snoozeKeepInTouch(await database(), contact.id, SNOOZE_DAYS);
    announceChange();
    await onChanged();
  };

  return (
    <li data-testid="keep-in-touch-item" data-contact-id={contact.id}>
      <div className="row">
        <a href={contact.profileUrl} target="_blank" rel="noreferrer">
          {contact.name.display}
        </a>
        <span className="muted">{i18n.t(`stage.name_${contact.stage}`)}</span>
      </div>
      <div className="muted">{sinceLine(lastTouchAt, cadenceDays, now)}</div>
      <div className="row">
        <span>{i18n.t(`stage.action_${contact.stage}`)}</span>
        <button onClick={() => void snooze()}>{i18n.t('stage.snooze')}</button>
      </div>
    </li>
  );
}

function sinceLine(lastTouchAt: string | null, cadenceDays: number, now: Date): string {
  if (lastTouchAt === null) return i18n.t('stage.never');

  const days = Math.floor((now.getTime() - Date.parse(lastTouchAt)) / DAY_MS);

  return i18n.t('stage.pastCadence', [String(days), String(cadenceDays)]);
}
