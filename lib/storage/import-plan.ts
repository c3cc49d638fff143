import type { Cadence } from '../model/cadence';
import { Contact } from '../model/contact';
import type { RapportDB } from './db';
import { storedCadence } from './derived-fields';
import { savedIdIn } from './identities';
import type { PersonIds } from './identities';
import { withTouchDue } from './touch-due';
import { allOf, inWriteTx, validated } from './tx';
import type { WriteTx } from './tx';

/** What a file's row may fill in a saved contact: at least the ids that name the person. */
export type KeyedFill = PersonIds;

interface Row {
  sourceRow: number;
}

/** What one row of an imported file does; `Fill` is what it brings, `Skip` why it is left out. */
export type ImportRow<Fill extends KeyedFill, Skip extends string> =
  | (Row & { action: 'add'; contact: Contact; fill: Fill })
  | (Row & { action: 'update'; contactId: string; fill: Fill })
  | (Row & { action: 'unchanged'; contactId: string })
  /** A later row naming the same person: its cells fill the earlier row's empty ones. */
  | (Row & { action: 'merged'; intoRow: number })
  | (Row & { action: 'skipped'; reason: Skip });

export type RowAction = ImportRow<KeyedFill, string>['action'];

/** What importing a file would do, row by row, with the totals the preview shows. */
export interface ImportPlan<Fill extends KeyedFill, Skip extends string> {
  /** Every row after the header, in file order. */
  rows: ImportRow<Fill, Skip>[];
  counts: Record<RowAction, number>;
  skippedFor: Partial<Record<Skip, number>>;
}

export interface ImportResult {
  added: number;
  updated: number;
  /** Rows that found nothing left to fill, e.g. after the rep filled it since the preview. */
  unchanged: number;
}

export interface ApplyImportOptions {
  /** Called after each batch with the rows written so far and the rows to write. */
  onProgress?: (done: number, total: number) => void;
  /** The time stamped on the contacts it fills; new contacts carry the plan's. */
  now?: Date;
}

/** The contact with the row's values where it has none; the same object when nothing changes. */
export type Filler<Fill> = (contact: Contact, fill: Fill, stamp: string) => Contact;

/** Rows written between two progress reports: often enough to move the bar, few awaits. */
const BATCH = 500;

/** The plan of `rows`, with their totals by action and by reason for skipping. */
export function importPlanOf<Fill extends KeyedFill, Skip extends string>(
  rows: ImportRow<Fill, Skip>[],
): ImportPlan<Fill, Skip> {
  const sorted = [...rows].sort((a, b) => a.sourceRow - b.sourceRow);

  return { rows: sorted, counts: countsOf(sorted), skippedFor: skipsOf(sorted) };
}

/** The row a saved contact makes: an update when the file has something to fill, else none. */
export function savedContactRow<Fill extends KeyedFill, Skip extends string>(
  sourceRow: number,
  contact: Contact,
  fill: Fill,
  filled: Filler<Fill>,
): ImportRow<Fill, Skip> {
  return filled(contact, fill, contact.updatedAt) === contact
    ? { sourceRow, action: 'unchanged', contactId: contact.id }
    : { sourceRow, action: 'update', contactId: contact.id, fill };
}

/**
 * Writes the plan in one transaction, in batches, reporting progress after each: all of it is
 * stored or, when anything fails, none. A row's contact saved or edited since the preview only
 * gets what is still empty.
 */
export async function applyImportPlan<Fill extends KeyedFill, Skip extends string>(
  db: RapportDB,
  plan: ImportPlan<Fill, Skip>,
  filled: Filler<Fill>,
  options: ApplyImportOptions = {},
): Promise<ImportResult> {
  const writes = plan.rows.filter(
    (row): row is WriteRow<Fill> => row.action === 'add' || row.action === 'update',
  );
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
  const writing = { filled, stamp: (options.now ?? new Date()).toISOString() };

  await inWriteTx(db, ['contacts', 'meta'], async (tx) => {
    const cadence = await storedCadence(tx);

    for (let start = 0; start < writes.length; start += BATCH) {
      const batch = writes.slice(start, start + BATCH);
      const outcomes = await allOf(batch.map((row) => () => writeRow(tx, row, cadence, writing)));

      for (const outcome of outcomes) result[outcome as Outcome] += 1;
      options.onProgress?.(start + batch.length, writes.length);
    }
  });

  return result;
}

type Outcome = keyof ImportResult;
type WriteRow<Fill extends KeyedFill> = Extract<
  ImportRow<Fill, never>,
  { action: 'add' | 'update' }
>;

interface Writing<Fill> {
  filled: Filler<Fill>;
  stamp: string;
}

/**
 * Adds the row's contact or fills the saved one, read again inside the transaction: someone
 * may have saved or edited the person since the preview.
 */
async function writeRow<Fill extends KeyedFill>(
  tx: WriteTx<'contacts' | 'meta'>,
  row: WriteRow<Fill>,
  cadence: Cadence,
  writing: Writing<Fill>,
): Promise<Outcome> {
  const contacts = tx.objectStore('contacts');

  if (row.action === 'update') return fillSaved(tx, row.contactId, row.fill, cadence, writing);

  const savedId = await savedIdIn(contacts, row.fill);

  if (savedId !== undefined) return fillSaved(tx, savedId, row.fill, cadence, writing);

  await contacts.add(withTouchDue(row.contact, cadence));
  return 'added';
}

async function fillSaved<Fill>(
  tx: WriteTx<'contacts' | 'meta'>,
  id: string,
  fill: Fill,
  cadence: Cadence,
  { filled, stamp }: Writing<Fill>,
): Promise<Outcome> {
  const contacts = tx.objectStore('contacts');
  const current = await contacts.get(id);
  const changed = current ? filled(current, fill, stamp) : current;

  // Deleted since the preview, or filled in by then.
  if (!changed || changed === current) return 'unchanged';

  await contacts.put(validated(Contact, withTouchDue(changed, cadence), 'contact'));
  return 'updated';
}

function countsOf(rows: readonly { action: RowAction }[]): Record<RowAction, number> {
  const counts = { add: 0, update: 0, unchanged: 0, merged: 0, skipped: 0 };

  for (const row of rows) counts[row.action] += 1;

  return counts;
}

function skipsOf<Skip extends string>(
  rows: readonly ImportRow<KeyedFill, Skip>[],
): Partial<Record<Skip, number>> {
  const skips: Partial<Record<Skip, number>> = {};

  for (const row of rows) {
    if (row.action === 'skipped') skips[row.reason] = (skips[row.reason] ?? 0) + 1;
  }

  return skips;
}

/** True for a cell or field with nothing in it. */
export function isEmpty(value: string | null): boolean {
  return value === null || value.trim() === '';
}
