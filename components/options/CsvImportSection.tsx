import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { CsvTable } from '@/lib/imports/csv';
import {
  CONTACT_FIELDS,
  guessMapping,
  readContactsTable,
  type ColumnMapping,
  type ContactField,
} from '@/lib/imports/contact-columns';
import {
  applyCsvContactsImport,
  planCsvContactsImport,
  type CsvContactSkip,
  type CsvContactsImportPlan,
} from '@/lib/storage/csv-contacts-import';
import { Banner } from '../Banner';
import { ContactsImportPreview, type ImportProgress } from './ContactsImportPreview';
import { announceChange, database, messageOf } from '../data';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Turns a spreadsheet from another CRM into contacts: the rep says what each column holds,
 * sees what would change, and nothing is stored until they confirm.
 */
export function CsvImportSection(): ReactNode {
  const [table, setTable] = useState<CsvTable | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const [progress, setProgress] = useState<ImportProgress>(null);
  // A new input after each import, so that picking the same file again is noticed.
  const [inputKey, setInputKey] = useState(0);
  const plan = usePlan(table, mapping, setNotice);

  const choose = async (file: File | undefined): Promise<void> => {
    setTable(null);
    setNotice(null);

    if (!file) return;

    try {
      // Read as bytes: a spreadsheet may have saved the file as windows-1252.
      const read = readContactsTable(new Uint8Array(await file.arrayBuffer()));
      setMapping(guessMapping(read.header));
      setTable(read);
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('csvImport.unreadable', [messageOf(error)]) });
    }
  };

  const apply = async (): Promise<void> => {
    if (!plan) return;

    setProgress({ done: 0, total: plan.counts.add + plan.counts.update });

    try {
      const onProgress = (done: number, total: number): void => setProgress({ done, total });
      const { added, updated, unchanged } = await applyCsvContactsImport(await database(), plan, {
        onProgress,
      });
      announceChange();
      setTable(null);
      setInputKey((key) => key + 1);
      const counts: [string, string, string] = [String(added), String(updated), String(unchanged)];
      setNotice({ tone: 'ok', text: i18n.t('csvImport.done', counts) });
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('csvImport.failed', [messageOf(error)]) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="csv-import-heading" data-testid="csv-import">
      <h2 id="csv-import-heading">{i18n.t('csvImport.section')}</h2>
      <p className="muted">{i18n.t('csvImport.intro')}</p>
      <label>
        {i18n.t('csvImport.choose')}
        <input
          key={inputKey}
          type="file"
          name="contacts-csv"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {table && <Columns header={table.header} mapping={mapping} onChange={setMapping} />}
      {table && plan && (
        <ContactsImportPreview
          plan={plan}
          words="csvImport"
          testId="csv-import-preview"
          progress={progress}
          skipLabel={skipLabel}
          onApply={() => void apply()}
        />
      )}
      {notice && (
        <div data-testid="csv-import-result">
          <Banner tone={notice.tone}>{notice.text}</Banner>
        </div>
      )}
    </section>
  );
}

/** The plan for the file as mapped now, worked out again whenever the rep changes a column. */
function usePlan(
  table: CsvTable | null,
  mapping: ColumnMapping,
  setNotice: (notice: Notice) => void,
): CsvContactsImportPlan | null {
  const [plan, setPlan] = useState<CsvContactsImportPlan | null>(null);

  useEffect(() => {
    let current = true;
    setPlan(null);

    if (!table) return;

    database()
      .then((db) => planCsvContactsImport(db, table, mapping))
      .then((made) => {
        if (current) setPlan(made);
      })
      .catch((error: unknown) => {
        setNotice({ tone: 'error', text: i18n.t('csvImport.failed', [messageOf(error)]) });
      });

    // A plan for a mapping the rep has already changed arrives too late to be shown.
    return () => {
      current = false;
    };
  }, [table, mapping, setNotice]);

  return plan;
}

interface ColumnsProps {
  header: readonly string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

function Columns({ header, mapping, onChange }: ColumnsProps): ReactNode {
  const pick = (index: number, value: string): void => {
    const field = CONTACT_FIELDS.find((known) => known === value) ?? null;
    onChange(mapping.map((old, column) => (column === index ? field : old)));
  };

  return (
    <fieldset data-testid="csv-import-columns">
      <legend>{i18n.t('csvImport.columns')}</legend>
      {header.map((column, index) => (
        <label key={index} style={{ display: 'block' }}>
          {column}{' '}
          <select value={mapping[index] ?? ''} onChange={(e) => pick(index, e.target.value)}>
            <option value="">{i18n.t('csvImport.ignore')}</option>
            {CONTACT_FIELDS.map((field) => (
              <option key={field} value={field}>
                {fieldLabel(field)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

function skipLabel(reason: CsvContactSkip, count: string): string {
  switch (reason) {
    case 'blank-row':
      return i18n.t('csvImport.skipBlankRow', [count]);
    case 'no-profile-url':
      return i18n.t('csvImport.skipNoProfileUrl', [count]);
    case 'not-a-profile-url':
      return i18n.t('csvImport.skipNotAProfileUrl', [count]);
    case 'no-name':
      return i18n.t('csvImport.skipNoName', [count]);
    case 'unreadable':
      return i18n.t('csvImport.skipUnreadable', [count]);
  }
}

function fieldLabel(field: ContactField): string {
  switch (field) {
    case 'name':
      return i18n.t('csvImport.fieldName');
    case 'firstName':
      return i18n.t('csvImport.fieldFirstName');
    case 'lastName':
      return i18n.t('csvImport.fieldLastName');
    case 'profileUrl':
      return i18n.t('csvImport.fieldProfileUrl');
    case 'company':
      return i18n.t('csvImport.fieldCompany');
    case 'title':
      return i18n.t('csvImport.fieldTitle');
    case 'headline':
      return i18n.t('csvImport.fieldHeadline');
    case 'location':
      return i18n.t('csvImport.fieldLocation');
    case 'segment':
      return i18n.t('csvImport.fieldSegment');
    case 'relevance':
      return i18n.t('csvImport.fieldRelevance');
    case 'status':
      return i18n.t('csvImport.fieldStatus');
    case 'tags':
      return i18n.t('csvImport.fieldTags');
    case 'notes':
      return i18n.t('csvImport.fieldNotes');
    case 'sourceDetail':
      return i18n.t('csvImport.fieldSourceDetail');
    case 'email':
      return i18n.t('csvImport.fieldEmail');
    case 'salesNavUrl':
      return i18n.t('csvImport.fieldSalesNavUrl');
  }
}
