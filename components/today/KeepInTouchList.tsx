import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { KeepInTouchItem } from '@/lib/storage/keep-in-touch';
import { KeepInTouchRow } from '../KeepInTouchRow';
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
            testId="today-item"
          />
        ))}
      </ul>
    </TodaySection>
  );
}
