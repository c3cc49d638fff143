import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { snoozeKeepInTouch } from '@/lib/storage/cadence';
import type { KeepInTouchItem } from '@/lib/storage/keep-in-touch';
import { KeepInTouchRow } from '../KeepInTouchRow';
import { announceChange, database } from '../data';

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

  const snooze = async (contactId: string): Promise<void> => {
    await snoozeKeepInTouch(await database(), contactId, SNOOZE_DAYS);
    announceChange();
    await props.onChanged();
  };

  return (
    <section aria-labelledby="keep-in-touch-heading" data-testid="keep-in-touch">
      <h2 id="keep-in-touch-heading">{i18n.t('stage.keepInTouchSection')}</h2>
      <ul className="plain">
        {props.items.map((item) => (
          <KeepInTouchRow
            key={item.contact.id}
            item={item}
            now={props.now}
            onSnooze={snooze}
            testId="keep-in-touch-item"
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
