import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import type { Contact } from '@/lib/model/contact';
import {
  MERGE_FIELDS,
  type MergeChoices,
  type MergeField,
  type MergeRecord,
} from '@/lib/model/merge';
import {
  findLikelyDuplicates,
  listMerges,
  mergeContacts,
  undoMerge,
  type DuplicatePair,
  type DuplicateReason,
} from '@/lib/storage/duplicates';
import { Banner } from '../Banner';
import { announceChange, database, messageOf, onDataChanged } from '../data';

const LIMIT = 20;

const REASONS: Record<DuplicateReason, () => string> = {
  'same-email': () => i18n.t('duplicates.reasonSameEmail'),
  'same-sales-lead': () => i18n.t('duplicates.reasonSameSalesLead'),
  'same-member': () => i18n.t('duplicates.reasonSameMember'),
  'same-name-and-company': () => i18n.t('duplicates.reasonSameNameAndCompany'),
  'member-id-and-slug': () => i18n.t('duplicates.reasonMemberIdAndSlug'),
};

/** Cards that are probably one person, merged field by field on the rep's say, with undo. */
export function DuplicatesSection(): ReactNode {
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [merges, setMerges] = useState<MergeRecord[]>([]);
  const [error, setError] = useState<string | null>(null);

  const run = (work: (db: Awaited<ReturnType<typeof database>>) => Promise<unknown>): void => {
    setError(null);
    database()
      .then(work)
      .catch((failure: unknown) => setError(messageOf(failure)));
  };
  const loadMerges = (): void => run(async (db) => setMerges(await listMerges(db)));
  const find = (): void =>
    run(async (db) => setPairs(await findLikelyDuplicates(db, { limit: LIMIT })));

  const changed = (): void => {
    announceChange();
    loadMerges();
    find();
  };

  const merge = (pair: DuplicatePair, choices: MergeChoices): void =>
    run(async (db) => {
      await mergeContacts(db, pair.first.id, pair.second.id, choices);
      changed();
    });
  const undo = (id: string): void =>
    run(async (db) => {
      await undoMerge(db, id);
      changed();
    });

  useEffect(() => {
    loadMerges();
    return onDataChanged(loadMerges);
  }, []);

  return (
    <section aria-labelledby="duplicates-heading" data-testid="duplicates">
      <h2 id="duplicates-heading">{i18n.t('duplicates.section')}</h2>
      <p className="muted">{i18n.t('duplicates.explain')}</p>
      {error && <Banner tone="error">{i18n.t('duplicates.failed', [error])}</Banner>}
      <button type="button" onClick={find}>
        {i18n.t('duplicates.find')}
      </button>
      {pairs && pairs.length === 0 && <p className="muted">{i18n.t('duplicates.empty')}</p>}
      {pairs?.map((pair) => (
        <PairCard key={`${pair.first.id} ${pair.second.id}`} pair={pair} onMerge={merge} />
      ))}
      <MergeList merges={merges} onUndo={undo} />
    </section>
  );
}

interface PairProps {
  pair: DuplicatePair;
  onMerge: (pair: DuplicatePair, choices: MergeChoices) => void;
}

/** The two cards side by side; the older card stays and takes the values picked here. */
function PairCard({ pair, onMerge }: PairProps): ReactNode {
  const [choices, setChoices] = useState<MergeChoices>({});
  const pick = (field: MergeField, choice: 'keep' | 'drop' | 'both'): void =>
    setChoices((current) => ({ ...current, [field]: choice }));
  const group = `${pair.first.id}-${pair.second.id}`;

  return (
    <fieldset>
      <legend>{REASONS[pair.reason]()}</legend>
      <table>
        <tbody>
          {MERGE_FIELDS.map((field) => (
            <tr key={field}>
              <th scope="row">{i18n.t(`field.${field}`)}</th>
              <Choice
                name={`${group}-${field}`}
                choices={choices}
                field={field}
                value="keep"
                label={shown(pair.first, field)}
                onPick={pick}
              />
              <Choice
                name={`${group}-${field}`}
                choices={choices}
                field={field}
                value="drop"
                label={shown(pair.second, field)}
                onPick={pick}
              />
              {field === 'notes' && (
                <Choice
                  name={`${group}-${field}`}
                  choices={choices}
                  field={field}
                  value="both"
                  label={i18n.t('duplicates.both')}
                  onPick={pick}
                />
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onMerge(pair, choices)}>
        {i18n.t('duplicates.merge')}
      </button>
    </fieldset>
  );
}

interface ChoiceProps {
  name: string;
  choices: MergeChoices;
  field: MergeField;
  value: 'keep' | 'drop' | 'both';
  label: string;
  onPick: (field: MergeField, choice: 'keep' | 'drop' | 'both') => void;
}

function Choice({ name, choices, field, value, label, onPick }: ChoiceProps): ReactNode {
  const checked = (choices[field] ?? 'keep') === value;
  const pick = (): void => onPick(field, value);

  return (
    <td>
      <label>
        <input type="radio" name={name} checked={checked} onChange={pick} /> {label}
      </label>
    </td>
  );
}

function shown(contact: Contact, field: MergeField): string {
  const value = contact[field];

  if (field === 'name') return contact.name.display;

  return typeof value === 'string' && value !== '' ? value : '—';
}

interface MergeListProps {
  merges: MergeRecord[];
  onUndo: (id: string) => void;
}

function MergeList({ merges, onUndo }: MergeListProps): ReactNode {
  if (merges.length === 0) return null;

  return (
    <>
      <h3>{i18n.t('duplicates.recent')}</h3>
      <ul className="plain">
        {merges.map((merge) => (
          <li key={merge.id}>
            {mergedLine(merge)}{' '}
            <button type="button" onClick={() => onUndo(merge.id)}>
              {i18n.t('duplicates.undo')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function mergedLine(merge: MergeRecord): string {
  const at = new Date(merge.at).toLocaleString();

  return i18n.t('duplicates.merged', [merge.dropped.name.display, merge.kept.name.display, at]);
}
