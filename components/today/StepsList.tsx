import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { DueFollowUps, DueItem } from '@/lib/storage/due';
import { DueRow } from '../popup/DueGroup';
import { TodaySection } from './TodaySection';

const GROUPS = [
  { group: 'overdue', title: 'popup.overdue' },
  { group: 'today', title: 'popup.today' },
  { group: 'upcoming', title: 'popup.upcoming' },
] as const;

interface StepsListProps {
  due: DueFollowUps;
  filtered: boolean;
  onChanged: () => Promise<void>;
}

/** Next steps that are overdue, due today and due in the next 7 days, with Done and Snooze. */
export function StepsList({ due, filtered, onChanged }: StepsListProps): ReactNode {
  const count = due.overdue.length + due.today.length + due.upcoming.length;

  return (
    <TodaySection
      testId="today-steps"
      title={i18n.t('today.steps')}
      count={count}
      filtered={filtered}
      more={due.more ?? 0}
    >
      {GROUPS.map(({ group, title }) => (
        <StepGroup key={group} title={i18n.t(title)} items={due[group]} onChanged={onChanged} />
      ))}
    </TodaySection>
  );
}

interface StepGroupProps {
  title: string;
  items: DueItem[];
  onChanged: () => Promise<void>;
}

function StepGroup({ title, items, onChanged }: StepGroupProps): ReactNode {
  if (items.length === 0) return null;

  return (
    <>
      <h3>{title}</h3>
      <ul className="plain">
        {items.map((item) => (
          <DueRow key={item.step.id} item={item} onChanged={onChanged} testId="today-item" />
        ))}
      </ul>
    </>
  );
}
