import type { IDBPTransaction } from 'idb';
import type { z } from 'zod';
import type { RapportDB, RapportSchema, StoreName } from './db';
import { InvalidRecordError, fieldIssues, toStorageError } from './errors';
import { noting } from './sync/noting';
import type { Written } from './sync/noting';
import { SYNC_STORES, queueLocalChanges } from './sync/outbox';
import type { OutboxTx } from './sync/outbox';
import { isSyncedStore } from './sync/wire';

export type WriteTx<N extends StoreName> = IDBPTransaction<RapportSchema, N[], 'readwrite'>;
export type ReadTx<N extends StoreName> = IDBPTransaction<RapportSchema, N[], 'readonly'>;

/**
 * Runs `work` in one readwrite transaction: either everything it wrote is stored, or, when
 * anything in it fails, the transaction is aborted and nothing is. Failures come out as
 * StorageErrors.
 *
 * A transaction that writes synced records also queues their changes for the other devices,
 * before it commits (see sync/outbox); `noting: false` is for writes that came from them.
 *
 * `work` may only await IndexedDB requests of `tx`: awaiting anything else lets the
 * transaction commit early.
 */
export async function inWriteTx<N extends StoreName, T>(
  db: RapportDB,
  stores: N[],
  work: (tx: WriteTx<N>) => Promise<T>,
  { noting: note = true }: { noting?: boolean } = {},
): Promise<T> {
  const synced = note && stores.some((store) => isSyncedStore(store));
  const scope = synced ? [...new Set<StoreName>([...stores, ...SYNC_STORES])] : stores;
  const tx = openTx(db, scope, 'readwrite') as WriteTx<N>;
  const written: Written[] = [];

  try {
    const result = await work(synced ? noting(tx, written) : tx);

    if (written.length > 0) await queueLocalChanges(tx as unknown as OutboxTx, written);
    await tx.done;

    return result;
  } catch (error) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);

    throw toStorageError(error);
  }
}

/** Runs `work` in one readonly transaction, so everything it reads is one consistent view. */
export async function inReadTx<N extends StoreName, T>(
  db: RapportDB,
  stores: N[],
  work: (tx: ReadTx<N>) => Promise<T>,
): Promise<T> {
  const tx = openTx(db, stores, 'readonly');

  try {
    const result = await work(tx);
    await tx.done;

    return result;
  } catch (error) {
    await tx.done.catch(() => undefined);

    throw toStorageError(error);
  }
}

function openTx<N extends StoreName, M extends IDBTransactionMode>(
  db: RapportDB,
  stores: N[],
  mode: M,
): IDBPTransaction<RapportSchema, N[], M> {
  try {
    return db.transaction(stores, mode);
  } catch (error) {
    // Throws when our connection was closed to let a newer version upgrade.
    throw toStorageError(error);
  }
}

function abortQuietly(tx: { abort: () => void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted by the failed request: nothing left to undo.
  }
}

/**
 * Waits for many requests at once. A request that throws as it is made (a bad key, a value
 * that can't be stored) counts as a failed one, so every other request keeps a handler and
 * none of their aborts goes unhandled.
 */
export function allOf(requests: readonly (() => Promise<unknown>)[]): Promise<unknown[]> {
  return Promise.all(requests.map(attempt));
}

function attempt(request: () => Promise<unknown>): Promise<unknown> {
  try {
    return request();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Parses `value` with `schema` or throws InvalidRecordError naming the record and fields. */
export function validated<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(value);

  if (!result.success) throw new InvalidRecordError(what, fieldIssues(result.error));

  return result.data;
}

/** Timestamps are stored in UTC (`…Z`) so that string order in the indexes is time order. */
export function utcIso(time: string): string {
  return new Date(time).toISOString();
}
