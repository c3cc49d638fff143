import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { KeepInTouchItem } from '@/lib/storage/keep-in-touch';
import { DAY_MS } from '@/lib/storage/touch-due';
import { TodaySection } from './TodaySection';

interface KeepInTouchListProps {
  items: KeepInTouchItem[];
  more: number;
  filtered: boolean;
  now: Date;
  onSnooze: (contactId: string) => Promise<void>;
}

/** Contacts past their cadence, the most overdue first, each with what to do at its stage. */
export function KeepInTouchList(props: KeepInTouchListProps): ReactNode {
  return (
    <TodaySection
      testId="today-keep-in-touch"
      title={i18n.t('today.keepInTouch')}
      count={props.items.length}
      filtered={props.filtered}
      more={props.more}
    >
      <ul className="plain">
        {props.items.map((item) => (
          <KeepInTouchRow
            key={item.contact.id}
            item={item}
            now={props.now}
            onSnooze={props.onSnooze}
          />
        ))}
      </ul>
    </TodaySection>
  );
}

interface KeepInTouchRowProps {
  item: KeepInTouchItem;
  now: Date;
  onSnooze: (contactId: string) => Promise<void>;
}

function KeepInTouchRow({ item, now, onSnooze }: KeepInTouchRowProps): ReactNode {
  const { contact } = item;

  return (
    <li data-testid="today-item" data-contact-id={contact.id}>
      <div className="row">
        <a href={contact.profileUrl} target="_blank" rel="noreferrer">
          {contact.name.display}
        </a>
        <span className="muted">{i18n.t(`stage.name_${contact.stage}`)}</span>
      </div>
      <div className="row muted">
        <span>{lastTouchLine(item.lastTouchAt)}</span>
        <span>{pastCadenceLine(item, now)}</span>
      </div>
      <div className="row">
        <span>{i18n.t('today.suggested', [i18n.t(`stage.action_${contact.stage}`)])}</span>
        <button onClick={() => void onSnooze(contact.id)}>{i18n.t('today.snooze')}</button>
      </div>
    </li>
  );
}

function lastTouchLine(lastTouchAt: string | null): string {
  if (lastTouchAt === null) return i18n.t('today.neverTouched');

  const format = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' });

  return i18n.t('today.lastTouch', [format.format(new Date(lastTouchAt))]);
}

/** "12 days past a 7-day cadence": whole days since the touch fell due. */
function pastCadenceLine(item: KeepInTouchItem, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(item.dueAt)) / DAY_MS));
  // Intl picks the plural form, which Russian needs three of.
  const format = new Intl.NumberFormat(locale(), {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
  });

  return i18n.t('today.pastCadence', [format.format(days), String(item.cadenceDays)]);
}

function locale(): string {
  return i18n.t('replies.intlLocale');
}
