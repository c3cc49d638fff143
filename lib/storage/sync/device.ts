import { newClock } from '../../sync/hlc';
import { START_CURSOR } from '../../sync/protocol';
import type { Change } from '../../sync/protocol';
import { META } from '../db';
import type { RapportDB } from '../db';
import { allOf, inReadTx, inWriteTx } from '../tx';
import { SYNC_SCOPE, SYNC_STORES, queueLocalChanges } from './outbox';
import type { OutboxTx, Written } from './outbox';
import { SyncMeta } from './state';
import type { SyncedStore } from './wire';

/**
 * Turning sync on and off, and the outbox seen from the sync runner.
 *
 * Turning it on queues everything this device holds, so the others get it; the merge rules
 * make that safe when they hold some of it already. Contacts go first, so each arrives before
 * its touches and next steps.
 */
const SNAPSHOT_ORDER: readonly SyncedStore[] = [
  'contacts',
  'templates',
  'nextSteps',
  'touches',
  'fieldChanges',
];

export async function getSyncMeta(db: RapportDB): Promise<SyncMeta | null> {
  const stored = await inReadTx(db, ['meta'], (tx) => tx.objectStore('meta').get(META.sync));
  const parsed = SyncMeta.safeParse(stored);

  return parsed.success ? parsed.data : null;
}

export interface Workspace {
  serverUrl: string;
  workspaceId: string;
}

/**
 * Starts syncing this device with a workspace: a new device id, the cursor at the start, and
 * everything stored queued. Already syncing with the same workspace, it changes nothing.
 */
export async function startSyncing(db: RapportDB, workspace: Workspace): Promise<SyncMeta> {
  return inWriteTx(
    db,
    SYNC_SCOPE,
    async (tx) => {
      const current = SyncMeta.safeParse(await tx.objectStore('meta').get(META.sync));

      if (current.success && sameWorkspace(current.data, workspace)) return current.data;

      await clearSyncState(tx as unknown as OutboxTx);

      const deviceId = crypto.randomUUID();
      const meta: SyncMeta = {
        deviceId,
        clock: newClock(deviceId),
        cursor: START_CURSOR,
        ...workspace,
      };
      await tx.objectStore('meta').put(meta, META.sync);

      await queueLocalChanges(
        tx as unknown as OutboxTx,
        await everything(tx as unknown as OutboxTx),
      );

      return SyncMeta.parse(await tx.objectStore('meta').get(META.sync));
    },
    { noting: false },
  );
}

/** Stops syncing: the data stays, what was not sent yet is not sent. */
export async function stopSyncing(db: RapportDB): Promise<void> {
  await inWriteTx(db, [...SYNC_STORES], (tx) => clearSyncState(tx as unknown as OutboxTx));
}

function sameWorkspace(meta: SyncMeta, workspace: Workspace): boolean {
  return meta.serverUrl === workspace.serverUrl && meta.workspaceId === workspace.workspaceId;
}

async function clearSyncState(tx: OutboxTx): Promise<void> {
  await allOf([
    () => tx.objectStore('outbox').clear(),
    () => tx.objectStore('syncShadow').clear(),
    () => tx.objectStore('meta').delete(META.sync),
  ]);
}

async function everything(tx: OutboxTx): Promise<Written[]> {
  const written: Written[] = [];

  for (const store of SNAPSHOT_ORDER) {
    const keys = await tx.objectStore(store).getAllKeys();
    for (const key of keys) written.push({ store, key });
  }

  return written;
}

export interface Outgoing {
  seqs: number[];
  changes: Change[];
}

/** The oldest changes waiting to be sent. */
export async function outgoing(db: RapportDB, limit: number): Promise<Outgoing> {
  return inReadTx(db, ['outbox'], async (tx) => {
    const entries = await tx.objectStore('outbox').getAll(undefined, limit);

    return { seqs: entries.map((e) => e.seq!), changes: entries.map((e) => e.change) };
  });
}

/** Forgets changes the server has taken. */
export async function markSent(db: RapportDB, seqs: readonly number[]): Promise<void> {
  await inWriteTx(db, ['outbox'], async (tx) => {
    const outbox = tx.objectStore('outbox');
    await allOf(seqs.map((seq) => () => outbox.delete(seq)));
  });
}

export async function pendingChanges(db: RapportDB): Promise<number> {
  return inReadTx(db, ['outbox'], (tx) => tx.objectStore('outbox').count());
}
