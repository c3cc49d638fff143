import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { Cadence, STAGES, type Stage } from '@/lib/model/cadence';
import { getCadence, setCadence } from '@/lib/storage/cadence';
import { Banner } from '../Banner';
import { TextField } from '../Field';
import { announceChange, database, messageOf } from '../data';

type Draft = Record<Stage, string>;
type Notice = { tone: 'ok' | 'error'; text: string } | null;

/** The minimum touch frequency of each stage; saving moves every contact's next touch. */
export function CadenceSection(): ReactNode {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    void database()
      .then(getCadence)
      .then((cadence) => setDraft(draftOf(cadence)));
  }, []);

  const save = async (): Promise<void> => {
    if (!draft) return;

    const parsed = Cadence.safeParse(cadenceOf(draft));
    if (!parsed.success) {
      setNotice({ tone: 'error', text: i18n.t('cadence.invalid') });
      return;
    }

    try {
      setDraft(draftOf(await setCadence(await database(), parsed.data)));
      announceChange();
      setNotice({ tone: 'ok', text: i18n.t('cadence.saved') });
    } catch (error) {
      setNotice({ tone: 'error', text: messageOf(error) });
    }
  };

  return (
    <section aria-labelledby="cadence-heading" data-testid="cadence">
      <h2 id="cadence-heading">{i18n.t('cadence.section')}</h2>
      <p className="muted">{i18n.t('cadence.explain')}</p>
      {draft &&
        STAGES.map((stage) => (
          <TextField
            key={stage}
            name={`cadence-${stage}`}
            type="number"
            label={i18n.t(`stage.name_${stage}`)}
            value={draft[stage]}
            hint={i18n.t('cadence.none')}
            onChange={(value) => setDraft({ ...draft, [stage]: value })}
          />
        ))}
      <button className="primary" onClick={() => void save()}>
        {i18n.t('common.save')}
      </button>
      {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}
    </section>
  );
}

function draftOf(cadence: Cadence): Draft {
  const entries = STAGES.map((stage) => [stage, cadence[stage]?.toString() ?? '']);

  return Object.fromEntries(entries) as Draft;
}

/** Empty means no minimum; anything else goes to the schema as a number to be checked. */
function cadenceOf(draft: Draft): Record<Stage, number | null> {
  const entries = STAGES.map((stage) => {
    const text = draft[stage].trim();
    return [stage, text === '' ? null : Number(text)];
  });

  return Object.fromEntries(entries) as Record<Stage, number | null>;
}
