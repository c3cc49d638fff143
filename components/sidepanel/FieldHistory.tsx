import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { Contact } from '@/lib/model/contact';
import type { FieldChangeRecord } from '@/lib/model/field-change';
import { listFieldChanges } from '@/lib/storage/job-changes';
import { Banner } from '../Banner';
import { database, messageOf } from '../data';

/** How long a new company or title counts as news worth a badge. */
const RECENT_DAYS = 90;
const DAY_MS = 86_400_000;
const DAY_FORMAT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/** What their profile said before, newest first, and a badge while a job change is recent. */
export function FieldHistory({ contact }: { contact: Contact }): ReactNode {
  const [changes, setChanges] = useState<FieldChangeRecord[]>([]);
  const [error, setError] = useState<string | null>(null);

  // The contact is a new object after every reload, which is when new changes may be stored.
  useEffect(() => loadChanges(contact.id, setChanges, setError), [contact]);

  return (
    <section aria-labelledby="history-heading" data-testid="field-history">
      <h2 id="history-heading" className="row">
        {i18n.t('history.section')}
        <JobChangeBadge changedAt={contact.jobChangedAt} />
      </h2>
      {error && <Banner tone="error">{error}</Banner>}
      <ChangeList changes={changes} />
    </section>
  );
}

function loadChanges(
  contactId: string,
  onChanges: (changes: FieldChangeRecord[]) => void,
  onError: (message: string) => void,
): () => void {
  let current = true;

  database()
    .then((db) => listFieldChanges(db, contactId))
    .then(
      (found) => current && onChanges(found),
      (failure: unknown) => current && onError(messageOf(failure)),
    );

  return () => {
    current = false;
  };
}

function JobChangeBadge({ changedAt }: { changedAt: string | undefined }): ReactNode {
  if (changedAt === undefined || !isRecent(changedAt, new Date())) return null;

  return (
    <span
      className="chip changed"
      data-testid="changed-jobs"
      title={i18n.t('history.changedJobsSince', [formatDay(changedAt)])}
    >
      {i18n.t('history.changedJobs')}
    </span>
  );
}

function isRecent(time: string, now: Date): boolean {
  return now.getTime() - Date.parse(time) <= RECENT_DAYS * DAY_MS;
}

function ChangeList({ changes }: { changes: FieldChangeRecord[] }): ReactNode {
  if (changes.length === 0) return <p className="muted">{i18n.t('history.empty')}</p>;

  return (
    <ul className="plain">
      {changes.map((change) => (
        <li key={change.id}>
          <div>{describe(change)}</div>
          {change.suggestion && (
            <div className="muted">{i18n.t('history.suggested', [change.suggestion])}</div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Company: Harbor & Finch → Cobaltmere Bank, 12 Mar 2026" */
function describe(change: FieldChangeRecord): string {
  const none = i18n.t('history.none');

  return i18n.t('history.change', [
    i18n.t(`field.${change.field}`),
    change.from ?? none,
    change.to ?? none,
    formatDay(change.at),
  ]);
}

function formatDay(time: string): string {
  return new Date(time).toLocaleDateString(undefined, DAY_FORMAT);
}
