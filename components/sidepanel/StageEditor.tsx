import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { CadenceDays, STAGES, type Stage } from '@/lib/model/cadence';
import type { Contact } from '@/lib/model/contact';
import { setKeepInTouch, setStage, snoozeKeepInTouch } from '@/lib/storage/cadence';
import { Banner } from '../Banner';
import { TextField } from '../Field';
import { database } from '../data';
import { usePanelWrite } from './use-panel-write';

const SNOOZE_DAYS = 7;

/** Where the relationship is in the cycle, one click to move it, and when it needs a touch. */
export function StageEditor({ contact }: { contact: Contact }): ReactNode {
  const { error, run } = usePanelWrite();
  const move = (stage: Stage): Promise<void> =>
    run(async () => setStage(await database(), contact.id, stage));

  return (
    <section aria-labelledby="stage-heading" data-testid="stage">
      <h2 id="stage-heading">{i18n.t('stage.section')}</h2>
      <div className="row" role="group" aria-label={i18n.t('stage.section')}>
        {STAGES.map((stage) => (
          <button
            key={stage}
            name={`stage-${stage}`}
            aria-pressed={contact.stage === stage}
            className={contact.stage === stage ? 'primary' : undefined}
            onClick={() => void move(stage)}
          >
            {i18n.t(`stage.name_${stage}`)}
          </button>
        ))}
      </div>
      <p className="muted" data-testid="stage-since">
        {i18n.t('stage.since', [dateOf(stageSince(contact))])}
      </p>
      <CadenceLine contact={contact} onSnooze={() => run(snooze(contact))} />
      <KeepInTouchField key={contact.keepInTouchDays ?? 'stage'} contact={contact} run={run} />
      {error && <Banner tone="error">{error}</Banner>}
    </section>
  );
}

function CadenceLine(props: { contact: Contact; onSnooze: () => Promise<void> }): ReactNode {
  const { cadenceDays, touchDueAt } = props.contact;
  if (cadenceDays === undefined || touchDueAt === undefined) {
    return <p className="muted">{i18n.t('stage.noCadence')}</p>;
  }

  const overdue = Date.parse(touchDueAt) <= Date.now();

  return (
    <div className="row" data-testid="touch-due" data-overdue={overdue}>
      <span>{i18n.t('stage.cadence', [String(cadenceDays)])}.</span>
      <strong>{i18n.t(overdue ? 'stage.overdue' : 'stage.dueOn', [dateOf(touchDueAt)])}</strong>
      {overdue && <button onClick={() => void props.onSnooze()}>{i18n.t('stage.snooze')}</button>}
    </div>
  );
}

interface KeepInTouchProps {
  contact: Contact;
  run: (write: () => Promise<unknown>) => Promise<void>;
}

/** The contact's own cadence, overriding the stage's; empty goes back to the stage's. */
function KeepInTouchField({ contact, run }: KeepInTouchProps): ReactNode {
  const [days, setDays] = useState(contact.keepInTouchDays?.toString() ?? '');
  const save = (): Promise<void> =>
    run(async () => {
      const parsed = KeepInTouchDays.safeParse(daysOf(days));
      if (!parsed.success) throw new Error(i18n.t('stage.keepInTouchInvalid'));

      await setKeepInTouch(await database(), contact.id, parsed.data);
    });

  return (
    <div className="row">
      <TextField
        name="keepInTouchDays"
        type="number"
        label={i18n.t('stage.keepInTouch')}
        value={days}
        onChange={setDays}
      />
      <button onClick={() => void save()}>{i18n.t('common.save')}</button>
      <span className="muted">{i18n.t('stage.keepInTouchHint')}</span>
    </div>
  );
}

function snooze(contact: Contact): () => Promise<unknown> {
  return async () => snoozeKeepInTouch(await database(), contact.id, SNOOZE_DAYS);
}

const KeepInTouchDays = CadenceDays.nullable();

/** Empty means no cadence of its own; anything else must be a cadence. */
function daysOf(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

function stageSince(contact: Contact): string {
  return contact.stageHistory.at(-1)?.since ?? contact.createdAt;
}

function dateOf(iso: string): string {
  return new Date(iso).toLocaleDateString();
}
