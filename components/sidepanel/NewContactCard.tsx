import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { ProfileReading } from '@/lib/model/reading';
import { cardFromReading, draftFromReading, type CardFields } from '@/lib/contact-draft';
import { saveContact } from '@/lib/storage/contacts';
import { seenOn } from '@/lib/storage/job-changes';
import { TextField } from '../Field';
import { Banner } from '../Banner';
import { announceChange, database, messageOf } from '../data';
import { reloadContact } from './panel-store';

const CARD_FIELDS = ['name', 'headline', 'company', 'title', 'location'] as const;

/** The person read from the page, as fields the rep can correct before saving. */
export function NewContactCard({ profile }: { profile: ProfileReading }): ReactNode {
  // Fields the rep has not touched keep following the page, which may still be settling.
  const [edits, setEdits] = useState<Partial<CardFields>>({});
  const card: CardFields = { ...cardFromReading(profile), ...edits };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    setBusy(true);
    try {
      // What the page says now is what the next reading of their profile compares with.
      const seen = seenOn(profile);
      await saveContact(await database(), draftFromReading(profile, card), { seen });
      announceChange();
      await reloadContact();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="card-heading" data-testid="new-contact">
      <h2 id="card-heading">{i18n.t('panel.contactSection')}</h2>
      {profile.missing.length > 0 && <Banner tone="warn">{i18n.t('panel.partial')}</Banner>}
      {CARD_FIELDS.map((field) => (
        <TextField
          key={field}
          name={field}
          label={i18n.t(`field.${field}`)}
          value={card[field]}
          onChange={(value) => setEdits({ ...edits, [field]: value })}
        />
      ))}
      {error && <Banner tone="error">{error}</Banner>}
      <button
        className="primary"
        disabled={busy || card.name.trim() === ''}
        onClick={() => void save()}
      >
        {i18n.t('panel.saveContact')}
      </button>
    </section>
  );
}
