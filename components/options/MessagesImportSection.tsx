import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { decodeCsvBytes } from '@/lib/imports/csv';
import { readMessagesExport, type MessagesExport } from '@/lib/imports/linkedin-messages';
import {
  applyMessagesImport,
  planMessagesImport,
  type MessagesImportPlan,
} from '@/lib/storage/messages-import';
import { Banner } from '../Banner';
import { announceChange, database, messageOf } from '../data';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Turns LinkedIn's messages.csv into touches with the saved contacts: a preview first, and
 * nothing stored until the rep confirms.
 */
export function MessagesImportSection(): ReactNode {
  const [plan, setPlan] = useState<MessagesImportPlan | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  // A new input after each import, so that picking the same file again is noticed.
  const [inputKey, setInputKey] = useState(0);

  const choose = async (file: File | undefined): Promise<void> => {
    setPlan(null);
    setNotice(null);

    if (!file) return;

    const read = await readExport(file);

    if (typeof read === 'string') return setNotice({ tone: 'error', text: read });

    try {
      setPlan(await planMessagesImport(await database(), read));
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('messagesImport.failed', [messageOf(error)]) });
    }
  };

  const apply = async (): Promise<void> => {
    if (!plan) return;

    setBusy(true);

    try {
      const { added, alreadyLogged } = await applyMessagesImport(await database(), plan);
      announceChange();
      setPlan(null);
      setInputKey((key) => key + 1);
      setNotice({
        tone: 'ok',
        // Touches the preview found logged already were never part of the write.
        text: i18n.t('messagesImport.done', [
          String(added),
          String(plan.alreadyLogged + alreadyLogged),
        ]),
      });
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('messagesImport.failed', [messageOf(error)]) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="messages-import-heading" data-testid="messages-import">
      <h2 id="messages-import-heading">{i18n.t('messagesImport.section')}</h2>
      <p className="muted">{i18n.t('messagesImport.intro')}</p>
      <label>
        {i18n.t('messagesImport.choose')}
        <input
          key={inputKey}
          type="file"
          name="messages-csv"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {plan && <Preview plan={plan} busy={busy} onApply={() => void apply()} />}
      {notice && (
        <div data-testid="messages-import-result">
          <Banner tone={notice.tone}>{notice.text}</Banner>
        </div>
      )}
    </section>
  );
}

/** The export read from the file's bytes, or the message that says why it can't be. */
async function readExport(file: File): Promise<MessagesExport | string> {
  try {
    // Read as bytes: LinkedIn writes UTF-8, a spreadsheet may have saved it as windows-1252.
    const bytes = new Uint8Array(await file.arrayBuffer());

    return readMessagesExport(decodeCsvBytes(bytes));
  } catch (error) {
    return i18n.t('messagesImport.badFile', [messageOf(error)]);
  }
}

interface PreviewProps {
  plan: MessagesImportPlan;
  busy: boolean;
  onApply: () => void;
}

function Preview({ plan, busy, onApply }: PreviewProps): ReactNode {
  const count = (n: number): string => String(n);

  return (
    <div data-testid="messages-import-preview">
      <p>
        {i18n.t('messagesImport.conversations', [
          count(plan.conversations),
          count(plan.withContact),
        ])}
      </p>
      <p>
        {i18n.t('messagesImport.touches', [count(plan.touchesToAdd), count(plan.alreadyLogged)])}
      </p>
      <p className="muted">{i18n.t('messagesImport.skipped', [count(plan.messagesSkipped)])}</p>
      {plan.notSaved.count > 0 && (
        <p className="muted">
          {i18n.t('messagesImport.notSaved', [count(plan.notSaved.count), namesOf(plan)])}
        </p>
      )}
      {plan.touchesToAdd > 0 ? (
        <button className="primary" disabled={busy} onClick={onApply}>
          {i18n.t('messagesImport.apply')}
        </button>
      ) : (
        <p>
          {i18n.t(
            plan.withContact === 0 ? 'messagesImport.noneSaved' : 'messagesImport.nothingNew',
          )}
        </p>
      )}
    </div>
  );
}

function namesOf({ notSaved }: MessagesImportPlan): string {
  const more = notSaved.count > notSaved.names.length ? ', …' : '';

  return `${notSaved.names.join(', ')}${more}`;
}
