import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { KeepInTouchItem } from '@/lib/storage/keep-in-touch';
import { DAY_MS } from '@/lib/storage/touch-due';

interface KeepInTouchRowProps {
  item: KeepInTouchItem;
  now: Date;
  onSnooze: (contactId: string) => Promise<void>;
  testId: string;
}

/** A contact past their cadence: who, at which stage, how far past, and what to do next. */
export function KeepInTouchRow({ item, now, onSnooze, testId }: KeepInTouchRowProps): ReactNode {
  const { contact } = item;

  return (
    <li data-testid={testId} data-contact-id={contact.id}>
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

  return i18n.t('today.lastTouch', [formats().date.format(new Date(lastTouchAt))]);
}

/** "12 days past a 7-day cadence": whole days since the touch fell due. */
function pastCadenceLine(item: KeepInTouchItem, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(item.dueAt)) / DAY_MS));

  return i18n.t('today.pastCadence', [formats().days.format(days), String(item.cadenceDays)]);
}

interface Formats {
  date: Intl.DateTimeFormat;
  days: Intl.NumberFormat;
}

let cached: Formats | null = null;

/** Made once per page: building an Intl format costs far more than using one, row after row. */
function formats(): Formats {
  const locale = i18n.t('replies.intlLocale');

  cached ??= {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
    // Intl picks the plural form, which Russian needs three of.
    days: new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }),
  };

  return cached;
}
