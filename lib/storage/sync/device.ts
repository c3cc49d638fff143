import { newClock, tick, tooFarAhead } from '../../sync/hlc';
import type { Clock } from '../../sync/hlc';
import { entityKey, restamped } from '../../sync/merge';
import { START_CURSOR } from '../../sync/protocol';
import type { Change } from '../../sync/protocol';
import { INDEX, META } from '../db';
import type { RapportDB } from '../db';
import { allOf, inReadTx, inWriteTx } from '../tx';
import { SYNC_SCOPE, SYNC_STORES, queueLocalChanges } from './outbox';
import type { OutboxTx } from './outbox';
import type { Written } from './noting';
import { readSyncMeta } from './state';
import type { OutboxEntry, SyncMeta } from './state';
import type { SyncedStore } from './wire';

/**
 * Turning sync on and off, and the outbox seen from the sync runner.
 *
 * A device that connects first reads everything the others did, then queues what it holds
 * that they do not, or holds differently (see `finishJoining`): queuing all of it at once,
 * with clock values from the moment of connecting, would undo every edit and delete made
 * elsewhere since this device last synced. Contacts go first, so each arrives before its
 * touches and next steps.
 */
const SNAPSHOT_ORDER: readonly SyncedStore[] = [
  'contacts',
  'templates',
  'nextSteps',
  'touches',
  'fieldChanges',
];

export async function getSyncMeta(db: RapportDB): Promise<SyncMeta | null> {
  return inReadTx(db, ['meta'], (tx) => readSyncMeta(tx.objectStore('meta')));
}

export interface Workspace {
  serverUrl: string;
  workspaceId: string;
}

/**
 * Starts syncing this device with a workspace: a new device id, the cursor at the start, and
 * nothing queued until it has read what the others did. Already syncing with the same
 * workspace, it changes nothing, unless `afresh`: the server lost what this device read.
 */
export async function startSyncing(
  db: RapportDB,
  workspace: Workspace,
  { afresh = false }: { afresh?: boolean } = {},
): Promise<SyncMeta> {
  return inWriteTx(
    db,
    SYNC_SCOPE,
    async (tx) => {
      const current = await readSyncMeta(tx.objectStore('meta'));

      if (!afresh && current && sameWorkspace(current, workspace)) return current;

      await clearSyncState(tx as unknown as OutboxTx);

      const deviceId = crypto.randomUUID();
      const meta: SyncMeta = {
        deviceId,
        clock: newClock(deviceId),
        cursor: START_CURSOR,
        ...workspace,
        joining: true,
      };
      await tx.objectStore('meta').put(meta, META.sync);

      return meta;
    },
    { noting: false },
  );
}

/**
 * Ends joining, once everything the others did has been read and applied: each record here is
 * compared with what they agree on, and only what differs is queued, with fresh clock values.
 * Records they have never seen go whole; touches they do not have are added.
 */
export async function finishJoining(db: RapportDB): Promise<void> {
  await inWriteTx(
    db,
    SYNC_SCOPE,
    async (raw) => {
      const tx = raw as unknown as OutboxTx;
      const current = await readSyncMeta(tx.objectStore('meta'));

      if (!current?.joining) return;

      const { joining: _, ...joined } = current;
      await tx.objectStore('meta').put(joined, META.sync);
      await queueLocalChanges(tx, await everything(tx));
    },
    { noting: false },
  );
}

/**
 * Forgets this device's part in syncing: the data stays, what was not sent yet is not sent,
 * and connecting again joins afresh. Disconnecting keeps it (see the options page).
 */
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

/**
 * Forgets changes the server has taken or, with `refused`, will never take: those are counted
 * so the rep can see that some of their work stays on this device only.
 */
export async function markSent(
  db: RapportDB,
  seqs: readonly number[],
  refused?: string,
): Promise<void> {
  await inWriteTx(db, ['outbox', 'meta'], async (tx) => {
    const outbox = tx.objectStore('outbox');
    await allOf(seqs.map((seq) => () => outbox.delete(seq)));

    if (refused === undefined || seqs.length === 0) return;

    const meta = await readSyncMeta(tx.objectStore('meta'));

    if (!meta) return;

    const count = (meta.setAside?.count ?? 0) + seqs.length;
    await tx.objectStore('meta').put({ ...meta, setAside: { count, reason: refused } }, META.sync);
  });
}

/**
 * Dates again, from now, the waiting changes that a wrong date on this device put too far
 * ahead for the server, with the shadows that hold their clock values; returns how many. They
 * get new ids too: under its old id the server might know a change with the old date.
 */
export async function restampAhead(db: RapportDB, nowMs: number): Promise<number> {
  return inWriteTx(
    db,
    SYNC_SCOPE,
    async (raw) => {
      const tx = raw as unknown as OutboxTx;
      const meta = await readSyncMeta(tx.objectStore('meta'));

      if (!meta) return 0;

      // From the first change dated too far ahead on, all are dated again, in the order they
      // were made: one made after the date was put right must still sort after it.
      const entries = await tx.objectStore('outbox').getAll();
      const first = entries.findIndex((entry) => tooFarAhead(entry.change.hlc, nowMs));

      if (first === -1) return 0;

      let clock = meta.clock;

      for (const entry of entries.slice(first)) clock = await redate(tx, entry, clock, nowMs);

      await tx.objectStore('meta').put({ ...meta, clock }, META.sync);

      return entries.length - first;
    },
    { noting: false },
  );
}

/** Dates one waiting change again, and its value in its shadow; returns the clock after it. */
async function redate(
  tx: OutboxTx,
  entry: OutboxEntry,
  clock: Clock,
  nowMs: number,
): Promise<Clock> {
  const before = entry.change;
  const stamped = tick(clock, nowMs);
  const change = { ...before, id: crypto.randomUUID(), hlc: stamped.hlc } as Change;
  const shadows = tx.objectStore('syncShadow');
  const shadow = await shadows
    .index(INDEX.shadowByWire)
    .get(entityKey(change.kind, change.entityId));

  await tx.objectStore('outbox').put({ ...entry, change });
  if (shadow)
    await shadows.put({ ...shadow, state: restamped(shadow.state, before.hlc, change.hlc) });

  return stamped.clock;
}

export async function pendingChanges(db: RapportDB): Promise<number> {
  return inReadTx(db, ['outbox'], (tx) => tx.objectStore('outbox').count());
}
