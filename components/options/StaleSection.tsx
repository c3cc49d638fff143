import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { Contact } from '@/lib/model/contact';
import { listStale } from '@/lib/storage/stale';
import { Banner } from '../Banner';
import { database, messageOf, onDataChanged } from '../data';

const OLDER_THAN_DAYS = 180;
const LIMIT = 50;

/** Contacts whose profile was not read for long, the oldest first, each a link to re-check. */
export function StaleSection(): ReactNode {
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = (): void => {
      database()
        .then((db) => listStale(db, new Date(), { olderThanDays: OLDER_THAN_DAYS, limit: LIMIT }))
        .then(setContacts, (failure: unknown) => setError(messageOf(failure)));
    };

    load();
    return onDataChanged(load);
  }, []);

  return (
    <section aria-labelledby="stale-heading" data-testid="stale">
      <h2 id="stale-heading">{i18n.t('stale.section')}</h2>
      <p className="muted">{i18n.t('stale.explain', [String(OLDER_THAN_DAYS)])}</p>
      {error && <Banner tone="error">{i18n.t('stale.failed', [error])}</Banner>}
      {contacts && <StaleList contacts={contacts} />}
    </section>
  );
}

function StaleList({ contacts }: { contacts: Contact[] }): ReactNode {
  if (contacts.length === 0) return <p className="muted">{i18n.t('stale.empty')}</p>;

  return (
    <ul className="plain">
      {contacts.map((contact) => (
        <li key={contact.id}>
          <a href={contact.profileUrl} target="_blank" rel="noreferrer">
            {contact.name.display}
          </a>{' '}
          <span className="muted">{lastRead(contact)}</span>
        </li>
      ))}
    </ul>
  );
}

function lastRead(contact: Contact): string {
  const at = contact.lastVerifiedAt ?? contact.createdAt;

  return i18n.t('stale.lastRead', [new Date(at).toLocaleDateString()]);
}
