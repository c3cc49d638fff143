import { useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { applyImport, exportBackup, planImport, type ImportPlan } from '@/lib/storage/backup';
import { todayIn } from '@/lib/dates';
import { Banner } from '../Banner';
import { announceChange, database, messageOf } from '../data';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

export function BackupSection(): ReactNode {
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const choose = async (file: File | undefined): Promise<void> => {
    setPlan(null);
    if (!file) return;

    try {
      // The text goes in as it is, so a file that is not JSON gets the backup's own message.
      setPlan(await planImport(await database(), await file.text()));
      setNotice(null);
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('options.importFailed', [messageOf(error)]) });
    }
  };

  const apply = async (): Promise<void> => {
    if (!plan) return;

    try {
      await applyImport(await database(), plan);
      announceChange();
      setPlan(null);
      setNotice({ tone: 'ok', text: i18n.t('options.imported') });
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('options.importFailed', [messageOf(error)]) });
    }
  };

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{i18n.t('options.backup')}</h2>
      <div className="row">
        <button className="primary" onClick={() => void download()}>
          {i18n.t('options.exportBackup')}
        </button>
        <label>
          {i18n.t('options.importBackup')}
          <input
            type="file"
            name="backup"
            accept="application/json,.json"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </label>
      </div>
      {plan && <ImportPreview plan={plan} onApply={() => void apply()} />}
      {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}
    </section>
  );
}

function ImportPreview({ plan, onApply }: { plan: ImportPlan; onApply: () => void }): ReactNode {
  const { add, update } = plan;
  const adds = [add.contacts, add.touches, add.nextSteps, add.templates].map((l) => l.length);
  const updates = [update.contacts, update.nextSteps, update.templates].map((l) => l.length);
  const nothingNew = [...adds, ...updates].every((count) => count === 0);

  if (nothingNew) {
    return (
      <p className="muted" data-testid="import-preview">
        {i18n.t('options.importNothingNew')}
      </p>
    );
  }

  return (
    <div className="row" data-testid="import-preview">
      <span>
        {i18n.t('options.importPreview', adds.map(String) as [string, string, string, string])}{' '}
        {i18n.t('options.importUpdates', updates.map(String) as [string, string, string])}
      </span>
      <button className="primary" onClick={onApply}>
        {i18n.t('options.importApply')}
      </button>
    </div>
  );
}

async function download(): Promise<void> {
  const backup = await exportBackup(await database(), new Date());
  const blob = new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `rapport-backup-${todayIn()}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
