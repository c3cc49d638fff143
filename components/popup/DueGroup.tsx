import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { labelKey } from '../labels';
import { todayIn } from '@/lib/dates';
import type { DueItem } from '@/lib/storage/due';
import { completeNextStep, snoozeNextStep } from '@/lib/storage/next-steps';
import { announceChange, database } from '../data';

interface DueGroupProps {
  id: string;
  title: string;
  items: DueItem[];
  onChanged: () => Promise<void>;
}

export function DueGroup({ id, title, items, onChanged }: DueGroupProps): ReactNode {
  if (items.length === 0) return null;

  return (
    <section aria-labelledby={`due-${id}`} data-testid={`due-${id}`}>
      <h2 id={`due-${id}`}>{title}</h2>
      <ul className="plain">
        {items.map((item) => (
          <DueRow key={item.step.id} item={item} onChanged={onChanged} />
        ))}
      </ul>
    </section>
  );
}

interface DueRowProps {
  item: DueItem;
  onChanged: () => Promise<void>;
  /** Pages that list several kinds of rows name them all alike. */
  testId?: string;
}

/** One due step: who, what and when, with Done and the snoozes. */
export function DueRow({ item, onChanged, testId = 'due-item' }: DueRowProps): ReactNode {
  const { step, contact } = item;
  const act = async (write: () => Promise<unknown>): Promise<void> => {
    await write();
    announceChange();
    await onChanged();
  };

  return (
    <li data-testid={testId} data-step-id={step.id}>
      <div className="row">
        <a href={contact.profileUrl} target="_blank" rel="noreferrer">
          {contact.name.display}
        </a>
        <span className="muted">{i18n.t(`status.${labelKey(contact.status)}`)}</span>
      </div>
      <div>
        {step.action} <span className="muted">· {step.due}</span>
      </div>
      <div className="row">
        <button onClick={() => void act(async () => completeNextStep(await database(), step.id))}>
          {i18n.t('step.done')}
        </button>
        {([1, 3, 7] as const).map((days) => (
          <button
            key={days}
            onClick={() =>
              void act(async () => snoozeNextStep(await database(), step.id, days, todayIn()))
            }
          >
            {i18n.t(days === 1 ? 'step.snooze1' : days === 3 ? 'step.snooze3' : 'step.snooze7')}
          </button>
        ))}
      </div>
    </li>
  );
}
