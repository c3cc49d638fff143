import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { Contact } from '@/lib/model/contact';
import { countPersonRecords, exportPerson } from '@/lib/exports/person';
import { deleteContact } from '@/lib/storage/contacts';
import { todayIn } from '@/lib/dates';
import { Banner } from '../Banner';
import { announceChange, database, messageOf } from '../data';
import { JSON_TYPE, downloadFile } from '../download';
import { reloadContact } from './panel-store';

interface PersonDataSectionProps {
  contact: Contact;
}

/** Everything Rapport holds about this person: take it out as a file, or delete it all. */
export function PersonDataSection({ contact }: PersonDataSectionProps): ReactNode {
  const [failure, setFailure] = useState<string | null>(null);

  const download = async (): Promise<void> => {
    try {
      await downloadPerson(contact);
      setFailure(null);
    } catch (error) {
      setFailure(i18n.t('exports.personExportFailed', [messageOf(error)]));
    }
  };

  const remove = async (): Promise<void> => {
    try {
      if (await deletePerson(contact)) await reloadContact();
    } catch (error) {
      setFailure(i18n.t('exports.deleteFailed', [messageOf(error)]));
    }
  };

  return (
    <section aria-labelledby="person-data-heading" data-testid="person-data">
      <h2 id="person-data-heading">{i18n.t('exports.personSection')}</h2>
      <div className="row">
        <button onClick={() => void download()}>{i18n.t('exports.exportPerson')}</button>
        <button onClick={() => void remove()}>{i18n.t('exports.deletePerson')}</button>
      </div>
      {failure && <Banner tone="error">{failure}</Banner>}
    </section>
  );
}

async function downloadPerson(contact: Contact): Promise<void> {
  const file = await exportPerson(await database(), contact.id);
  const text = JSON.stringify(file, null, 2);

  downloadFile(`rapport-${contact.key}-${todayIn()}.json`, text, JSON_TYPE);
}

/** Deletes the person once the rep confirms; false when they changed their mind. */
async function deletePerson(contact: Contact): Promise<boolean> {
  const db = await database();
  const counts = await countPersonRecords(db, contact.id);
  const question = i18n.t('exports.deleteConfirm', [
    contact.name.display,
    String(counts.touches),
    String(counts.nextSteps),
  ]);

  if (!confirm(question)) return false;

  await deleteContact(db, contact.id);
  announceChange();

  return true;
}
