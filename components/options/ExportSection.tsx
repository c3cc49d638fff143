import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { exportContactsCsv, exportTouchesCsv } from '@/lib/exports/csv-export';
import { exportContactsVcard } from '@/lib/exports/vcard';
import { todayIn } from '@/lib/dates';
import type { RapportDB } from '@/lib/storage/db';
import { Banner } from '../Banner';
import { database, messageOf } from '../data';
import { CSV_TYPE, VCARD_TYPE, downloadFile } from '../download';

interface ExportFile {
  /** The file name before the day and the extension. */
  stem: string;
  extension: string;
  type: string;
  make: (db: RapportDB) => Promise<string>;
}

const CONTACTS_CSV: ExportFile = {
  stem: 'rapport-contacts',
  extension: 'csv',
  type: CSV_TYPE,
  make: (db) => exportContactsCsv(db),
};

const TOUCHES_CSV: ExportFile = {
  stem: 'rapport-touches',
  extension: 'csv',
  type: CSV_TYPE,
  make: (db) => exportTouchesCsv(db),
};

const CONTACTS_VCARD: ExportFile = {
  stem: 'rapport-contacts',
  extension: 'vcf',
  type: VCARD_TYPE,
  make: exportContactsVcard,
};

/** Contacts and touches for a spreadsheet, contacts for an address book. */
export function ExportSection(): ReactNode {
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (file: ExportFile): Promise<void> => {
    try {
      const text = await file.make(await database());

      downloadFile(`${file.stem}-${todayIn()}.${file.extension}`, text, file.type);
      setFailure(null);
    } catch (error) {
      setFailure(i18n.t('exports.failed', [messageOf(error)]));
    }
  };

  return (
    <section aria-labelledby="exports-heading" data-testid="exports">
      <h2 id="exports-heading">{i18n.t('exports.section')}</h2>
      <p className="muted">{i18n.t('exports.intro')}</p>
      <div className="row">
        <button onClick={() => void run(CONTACTS_CSV)}>{i18n.t('exports.contactsCsv')}</button>
        <button onClick={() => void run(TOUCHES_CSV)}>{i18n.t('exports.touchesCsv')}</button>
        <button onClick={() => void run(CONTACTS_VCARD)}>{i18n.t('exports.contactsVcard')}</button>
      </div>
      {failure && <Banner tone="error">{failure}</Banner>}
    </section>
  );
}
