import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import type { ImportPlan, KeyedFill } from '@/lib/storage/import-plan';

/** How far an import has got, in rows written. */
export type ImportProgress = { done: number; total: number } | null;

/** The locale group of the import's words; both groups have the same keys. */
type Words = 'connectionsImport' | 'csvImport';

interface ContactsImportPreviewProps<Skip extends string> {
  plan: ImportPlan<KeyedFill, Skip>;
  words: Words;
  testId: string;
  progress: ImportProgress;
  skipLabel: (reason: Skip, count: string) => string;
  onApply: () => void;
}

/** What a contacts import would do, row by row counted, and the button that does it. */
export function ContactsImportPreview<Skip extends string>(
  props: ContactsImportPreviewProps<Skip>,
): ReactNode {
  const { plan, words, progress } = props;
  const { counts } = plan;
  const writes = counts.add + counts.update;

  return (
    <div data-testid={props.testId}>
      <p>{i18n.t(`${words}.toAdd`, [String(counts.add)])}</p>
      <p>{i18n.t(`${words}.toUpdate`, [String(counts.update)])}</p>
      <p>{i18n.t(`${words}.unchanged`, [String(counts.unchanged)])}</p>
      {counts.merged > 0 && (
        <p className="muted">{i18n.t(`${words}.merged`, [String(counts.merged)])}</p>
      )}
      {counts.skipped > 0 && <Skipped {...props} />}
      {progress && (
        <p>
          {i18n.t(`${words}.applying`)}{' '}
          <progress value={progress.done} max={Math.max(progress.total, 1)} />
        </p>
      )}
      {writes > 0 ? (
        <button className="primary" disabled={progress !== null} onClick={props.onApply}>
          {i18n.t(`${words}.apply`)}
        </button>
      ) : (
        <p>{i18n.t(`${words}.nothingNew`)}</p>
      )}
    </div>
  );
}

function Skipped<Skip extends string>(props: ContactsImportPreviewProps<Skip>): ReactNode {
  const { plan, words } = props;
  const reasons = Object.entries(plan.skippedFor) as [Skip, number][];

  return (
    <div className="muted">
      <p>{i18n.t(`${words}.skipped`, [String(plan.counts.skipped)])}</p>
      <ul>
        {reasons.map(([reason, count]) => (
          <li key={reason}>{props.skipLabel(reason, String(count))}</li>
        ))}
      </ul>
    </div>
  );
}
