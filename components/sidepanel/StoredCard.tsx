import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { Contact, ContactEdit } from '@/lib/model/contact';
import type { ProfileReading } from '@/lib/model/reading';
import { changesOnPage, type FieldChange } from '@/lib/contact-draft';
import { Banner } from '../Banner';
import { messageOf } from '../data';
import { editContact } from './edit';

interface StoredCardProps {
  contact: Contact;
  profile: ProfileReading;
}

/** The stored card; where the page now says something else, one click takes the page's value. */
export function StoredCard({ contact, profile }: StoredCardProps): ReactNode {
  const [error, setError] = useState<string | null>(null);
  const changes = changesOnPage(contact, profile);

  const accept = (change: FieldChange): void => {
    editContact(contact.id, acceptEdit(change)).catch((e: unknown) => {
      setError(messageOf(e));
    });
  };

  return (
    <section aria-labelledby="stored-heading" data-testid="stored-card">
      <h2 id="stored-heading">{i18n.t('panel.contactSection')}</h2>
      <strong data-field="name">{contact.name.display}</strong>
      <Change change={changes.find((c) => c.field === 'name')} onAccept={accept} />
      {(['headline', 'company', 'title', 'location'] as const).map((field) => (
        <div key={field}>
          <span className="muted">{i18n.t(`field.${field}`)}: </span>
          <span data-field={field}>{contact[field] ?? i18n.t('field.none')}</span>
          <Change change={changes.find((c) => c.field === field)} onAccept={accept} />
        </div>
      ))}
      {error && <Banner tone="error">{error}</Banner>}
    </section>
  );
}

interface ChangeProps {
  change: FieldChange | undefined;
  onAccept: (change: FieldChange) => void;
}

function Change({ change, onAccept }: ChangeProps): ReactNode {
  if (!change) return null;

  return (
    <div className="row changed" data-testid={`changed-${change.field}`}>
      <span>{i18n.t('common.pageSays', [change.page])}</span>
      <button onClick={() => onAccept(change)}>{i18n.t('common.usePage')}</button>
    </div>
  );
}

function acceptEdit(change: FieldChange): ContactEdit {
  if (change.field !== 'name') return { [change.field]: change.page };

  return { name: { display: change.page, given: null, family: null } };
}
