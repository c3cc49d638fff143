import { useState, type ReactNode } from 'react';
import { useSignals } from '@preact/signals-react/runtime';
import { i18n } from '#i18n';
import type { Contact } from '@/lib/model/contact';
import { addDays, todayIn } from '@/lib/dates';
import { completeNextStep, setNextStep, snoozeNextStep } from '@/lib/storage/next-steps';
import { TextField } from '../Field';
import { Banner } from '../Banner';
import { database } from '../data';
import { nextStep } from './panel-store';
import { usePanelWrite } from './use-panel-write';

const QUICK_DUES = [
  { days: 1, label: 'step.tomorrow' },
  { days: 3, label: 'step.in3days' },
  { days: 7, label: 'step.nextWeek' },
  { days: 14, label: 'step.in2weeks' },
] as const;

const SNOOZES = [
  { days: 1, label: 'step.snooze1' },
  { days: 3, label: 'step.snooze3' },
  { days: 7, label: 'step.snooze7' },
] as const;

/** The one planned action for the contact, with quick due dates. */
export function NextStepEditor({ contact }: { contact: Contact }): ReactNode {
  useSignals();
  const step = nextStep.value;
  const [action, setAction] = useState(step?.action ?? '');
  const [due, setDue] = useState(step?.due ?? addDays(todayIn(), 1));
  const { error, run } = usePanelWrite();
  const save = (): Promise<void> =>
    run(async () => setNextStep(await database(), contact.id, action.trim(), due));

  return (
    <section aria-labelledby="step-heading" data-testid="next-step">
      <h2 id="step-heading">{i18n.t('step.section')}</h2>
      {step ? (
        <div className="row" data-testid="open-step">
          <strong>{step.action}</strong>
          <span className="muted">{i18n.t('step.dueOn', [step.due])}</span>
          <button onClick={() => void run(async () => completeNextStep(await database(), step.id))}>
            {i18n.t('step.done')}
          </button>
          {SNOOZES.map(({ days, label }) => (
            <button
              key={days}
              onClick={() =>
                void run(async () => snoozeNextStep(await database(), step.id, days, todayIn()))
              }
            >
              {i18n.t(label)}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted">{i18n.t('step.none')}</p>
      )}
      <TextField name="action" label={i18n.t('step.action')} value={action} onChange={setAction} />
      <div className="row" role="group" aria-label={i18n.t('step.due')}>
        {QUICK_DUES.map(({ days, label }) => (
          <button
            key={days}
            aria-pressed={due === addDays(todayIn(), days)}
            onClick={() => setDue(addDays(todayIn(), days))}
          >
            {i18n.t(label)}
          </button>
        ))}
      </div>
      <TextField
        name="due"
        type="date"
        label={i18n.t('step.pickDate')}
        value={due}
        onChange={setDue}
      />
      {error && <Banner tone="error">{error}</Banner>}
      <button
        className="primary"
        disabled={action.trim() === '' || due === ''}
        onClick={() => void save()}
      >
        {i18n.t('step.set')}
      </button>
    </section>
  );
}
