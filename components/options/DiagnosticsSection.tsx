import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { clearDiagnostics, listDiagnostics, type DiagnosticEntry } from '@/lib/diagnostics';
import { getSettings, updateSettings } from '@/lib/settings';

/** Tagged notes about pages Rapport could not fully read, shown while diagnostics are on. */
export function DiagnosticsSection(): ReactNode {
  const [on, setOn] = useState(false);
  const [entries, setEntries] = useState<DiagnosticEntry[]>([]);

  useEffect(() => {
    void getSettings().then((s) => setOn(s.diagnostics));
    void listDiagnostics().then(setEntries);
  }, []);

  const toggle = async (next: boolean): Promise<void> => {
    setOn((await updateSettings({ diagnostics: next })).diagnostics);
  };

  return (
    <section aria-labelledby="diag-heading">
      <h2 id="diag-heading">{i18n.t('options.diagnostics')}</h2>
      <label className="row">
        <input
          type="checkbox"
          name="diagnostics"
          checked={on}
          onChange={(e) => void toggle(e.target.checked)}
        />
        {i18n.t('options.diagnosticsOn')}
      </label>
      {on && <DiagnosticList entries={entries} onClear={() => void clearAll(setEntries)} />}
    </section>
  );
}

function DiagnosticList(props: { entries: DiagnosticEntry[]; onClear: () => void }): ReactNode {
  if (props.entries.length === 0)
    return <p className="muted">{i18n.t('options.diagnosticsEmpty')}</p>;

  return (
    <>
      <ul className="plain" data-testid="diagnostics">
        {props.entries.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <code>{entry.tag}</code> {entry.message} <span className="muted">{entry.url}</span>
          </li>
        ))}
      </ul>
      <button onClick={props.onClear}>{i18n.t('options.diagnosticsClear')}</button>
    </>
  );
}

async function clearAll(setEntries: (entries: DiagnosticEntry[]) => void): Promise<void> {
  await clearDiagnostics();
  setEntries([]);
}
