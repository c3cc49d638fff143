import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import {
  NotAConnectionsExportError,
  readConnections,
  type ConnectionsExport,
} from '@/lib/imports/linkedin-connections';
import {
  applyConnectionsImport,
  planConnectionsImport,
  type ConnectionSkip,
  type ConnectionsImportPlan,
} from '@/lib/storage/connections-import';
import { Banner } from '../Banner';
import { ContactsImportPreview, type ImportProgress } from './ContactsImportPreview';
import { announceChange, database, messageOf } from '../data';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Turns LinkedIn's Connections.csv into contacts: a preview first, and nothing stored until
 * the rep confirms.
 */
export function ConnectionsImportSection(): ReactNode {
  const [plan, setPlan] = useState<ConnectionsImportPlan | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [progress, setProgress] = useState<ImportProgress>(null);
  // A new input after each import, so that picking the same file again is noticed.
  const [inputKey, setInputKey] = useState(0);

  const choose = async (file: File | undefined): Promise<void> => {
    setPlan(null);
    setNotice(null);

    if (!file) return;

    const read = await readExport(file);

    if (typeof read === 'string') return setNotice({ tone: 'error', text: read });

    try {
      setPlan(await planConnectionsImport(await database(), read));
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('connectionsImport.failed', [messageOf(error)]) });
    }
  };

  const apply = async (): Promise<void> => {
    if (!plan) return;

    setProgress({ done: 0, total: plan.counts.add + plan.counts.update });

    try {
      const onProgress = (done: number, total: number): void => setProgress({ done, total });
      const result = await applyConnectionsImport(await database(), plan, { onProgress });
      announceChange();
      setPlan(null);
      setInputKey((key) => key + 1);
      const { added, updated, unchanged } = result;
      const counts: [string, string, string] = [String(added), String(updated), String(unchanged)];
      setNotice({ tone: 'ok', text: i18n.t('connectionsImport.done', counts) });
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('connectionsImport.failed', [messageOf(error)]) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="connections-import-heading" data-testid="connections-import">
      <h2 id="connections-import-heading">{i18n.t('connectionsImport.section')}</h2>
      <p className="muted">{i18n.t('connectionsImport.intro')}</p>
      <label>
        {i18n.t('connectionsImport.choose')}
        <input
          key={inputKey}
          type="file"
          name="connections-csv"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {plan && (
        <ContactsImportPreview
          plan={plan}
          words="connectionsImport"
          testId="connections-import-preview"
          progress={progress}
          skipLabel={skipLabel}
          onApply={() => void apply()}
        />
      )}
      {notice && (
        <div data-testid="connections-import-result">
          <Banner tone={notice.tone}>{notice.text}</Banner>
        </div>
      )}
    </section>
  );
}

/** The export read from the file's bytes, or the message that says why it can't be. */
async function readExport(file: File): Promise<ConnectionsExport | string> {
  try {
    // Read as bytes: LinkedIn writes UTF-8, a spreadsheet may have saved it as windows-1252.
    return readConnections(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof NotAConnectionsExportError) return i18n.t('connectionsImport.badFile');

    return i18n.t('connectionsImport.unreadable', [messageOf(error)]);
  }
}

function skipLabel(reason: ConnectionSkip, count: string): string {
  switch (reason) {
    case 'blank-row':
      return i18n.t('connectionsImport.skipBlankRow', [count]);
    case 'no-name-or-url':
      return i18n.t('connectionsImport.skipNoNameOrUrl', [count]);
    case 'no-profile-url':
      return i18n.t('connectionsImport.skipNoProfileUrl', [count]);
    case 'not-a-profile-url':
      return i18n.t('connectionsImport.skipNotAProfileUrl', [count]);
    case 'unreadable':
      return i18n.t('connectionsImport.skipUnreadable', [count]);
  }
}
