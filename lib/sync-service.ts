import { z } from 'zod';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { announceToPages } from './data-channel';
import { createLogger } from './logger';
import type { RapportDB } from './storage/db';
import { applyPulled } from './storage/sync/apply';
import {
  finishJoining,
  getSyncMeta,
  markSent,
  outgoing,
  restampAhead,
  startSyncing,
} from './storage/sync/device';
import type { Outgoing } from './storage/sync/device';
import type { SyncMeta } from './storage/sync/state';
import { SYNC_FAILURES, ServerConnection, SyncError, pull, push } from './sync/client';
import type { Fetch } from './sync/client';
import { MAX_PUSH_CHANGES } from './sync/protocol';

const log = createLogger('sync');

export const SYNC_ALARM = 'sync';
/** How often a device syncs by itself, besides after each change made on it. */
const EVERY_MINUTES = 5;

/**
 * Kept in extension storage rather than the database: the token is a secret that must not end
 * up in backups, and the options page watches both items.
 */
const connectionItem = storage.defineItem<unknown>('local:syncConnection');
const statusItem = storage.defineItem<unknown>('local:syncStatus');

export const SyncStatus = z.object({
  state: z.enum(['ok', 'syncing', 'failed']),
  /** When everything was last sent and read. */
  lastSyncAt: z.string().optional(),
  failure: z.enum([...SYNC_FAILURES, 'no-permission']).optional(),
  message: z.string().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export async function getConnection(): Promise<ServerConnection | null> {
  const parsed = ServerConnection.safeParse(await connectionItem.getValue());

  return parsed.success ? parsed.data : null;
}

export async function setConnection(connection: ServerConnection | null): Promise<void> {
  await (connection ? connectionItem.setValue(connection) : connectionItem.removeValue());
  await statusItem.removeValue();
}

export async function getSyncStatus(): Promise<SyncStatus | null> {
  const parsed = SyncStatus.safeParse(await statusItem.getValue());

  return parsed.success ? parsed.data : null;
}

export function watchSyncStatus(callback: (status: SyncStatus | null) => void): () => void {
  return statusItem.watch((value) => {
    const parsed = SyncStatus.safeParse(value);
    callback(parsed.success ? parsed.data : null);
  });
}

/** The host permission pattern for one server: asked for on its own, never a broad one. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Sends what waits in the outbox, then reads and applies what the others did, until both are
 * done. One run at a time; a request while one runs makes it go round once more, so a change
 * made meanwhile is not left waiting for the next alarm.
 */
export interface SyncOptions {
  /** Try even after the server refused the token: the rep asked. */
  force?: boolean;
  /** Called when changes from the others were applied here. */
  onApplied?: (db: RapportDB) => Promise<void>;
  fetchFn?: Fetch;
}

export function syncNow(db: RapportDB, options: SyncOptions = {}): Promise<void> {
  if (running) {
    again = true;
    return running;
  }

  running = (async () => {
    do {
      again = false;
      await syncOnce(db, options);
    } while (again);
  })().finally(() => {
    running = null;
  });

  return running;
}

async function syncOnce(
  db: RapportDB,
  { force = false, onApplied, fetchFn = fetch }: SyncOptions,
): Promise<void> {
  const [connection, meta] = await Promise.all([getConnection(), getSyncMeta(db)]);

  if (!connection || !meta) return;

  // Switching workspaces: this device's sync state and the connection are changed one after
  // the other, and what was queued for one workspace must never reach another.
  if (!sameWorkspace(connection, meta)) return;

  const previous = await getSyncStatus();

  // A token the server refused stays refused: wait for the rep to enter another, or to ask.
  if (!force && refused(previous)) return;

  if (!(await allowed(connection))) {
    await setStatus({ ...previous, state: 'failed', failure: 'no-permission' });
    return;
  }

  await setStatus({ ...previous, state: 'syncing', failure: undefined, message: undefined });

  try {
    let applied = 0;

    // A device joining reads what the others did before it sends anything of its own.
    if (meta.joining) {
      applied += await pullAll(db, connection, fetchFn);
      await finishJoining(db);
    }

    await pushAll(db, connection, fetchFn);
    // The cursor moves with each page applied; a run that stops halfway starts from there.
    applied += await pullAll(db, connection, fetchFn);

    if (applied > 0) {
      announceToPages('sync');
      await onApplied?.(db);
    }

    await setStatus({ state: 'ok', lastSyncAt: new Date().toISOString() });
  } catch (error) {
    const failure = error instanceof SyncError ? error.failure : 'server';
    const message = error instanceof Error ? error.message : String(error);

    // The server's data was restored from an older copy: what this device read and sent since
    // is gone from it. Joining again reads what it has and sends what this device has besides.
    if (failure === 'cursor-ahead') {
      log.warn(`joining again: ${message}`);
      const { serverUrl, workspaceId } = meta;
      await startSyncing(db, { serverUrl, workspaceId }, { afresh: true });
      again = true;
      return;
    }

    log.warn(`sync failed (${failure}): ${message}`);
    await setStatus({ ...previous, state: 'failed', failure, message });
  }
}

async function pushAll(db: RapportDB, connection: ServerConnection, fetchFn: Fetch): Promise<void> {
  let size = MAX_PUSH_CHANGES;

  for (;;) {
    const waiting = withinBodyLimit(await outgoing(db, size));

    if (waiting.changes.length === 0) return;

    try {
      // Taken off the outbox only once the server has them: a push cut short is sent again,
      // and the server counts the repeats as duplicates.
      await push(connection, waiting.changes, fetchFn);
      size = Math.min(MAX_PUSH_CHANGES, size * 2);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;

      // Changes made while this device's date was days ahead, put right since: dated again,
      // they go. With the date still wrong, the rep is told to fix it.
      if (error.failure === 'clock-ahead' && (await restampAhead(db, Date.now())) > 0) continue;

      if (error.failure !== 'refused') throw error;

      // One change the server will never take would hold back all the others: find it by
      // sending halves of the batch, and set it aside. It stays in this device's data.
      if (waiting.changes.length > 1) {
        size = Math.ceil(waiting.changes.length / 2);
        continue;
      }

      log.warn(`the server refused a change, which was set aside: ${error.message}`);
      await markSent(db, waiting.seqs, error.message);
      continue;
    }

    await markSent(db, waiting.seqs);
  }
}

/** What the server takes in one request: 1 MiB, less room for the envelope. */
const PUSH_BYTES = 900_000;

/**
 * The oldest changes that fit in one request, at least one: long notes would otherwise make a
 * full batch too large for the server, every time, and nothing would get through.
 */
export function withinBodyLimit(batch: Outgoing): Outgoing {
  let bytes = 0;
  let count = 0;

  for (const change of batch.changes) {
    bytes += new TextEncoder().encode(JSON.stringify(change)).length + 1;
    if (count > 0 && bytes > PUSH_BYTES) break;
    count += 1;
  }

  return { seqs: batch.seqs.slice(0, count), changes: batch.changes.slice(0, count) };
}

/** Reads from where this device got to, page by page; each page moves the cursor as it applies. */
async function pullAll(
  db: RapportDB,
  connection: ServerConnection,
  fetchFn: Fetch,
): Promise<number> {
  const meta = await getSyncMeta(db);
  let applied = 0;

  if (!meta) return applied;

  // Kept here as each applied page stores them, rather than read back after every page.
  let { cursor, seen } = meta;

  for (;;) {
    const page = await pull(connection, cursor, undefined, fetchFn, seen);
    const result = await applyPulled(db, page.changes, page.cursor);
    applied += result.applied;
    cursor = page.cursor;
    seen = page.changes.at(-1)?.id ?? seen;

    if (!page.more || !result.syncing) return applied;
  }
}

function sameWorkspace(connection: ServerConnection, meta: SyncMeta): boolean {
  return (
    connection.url === meta.serverUrl &&
    (connection.workspaceId === undefined || connection.workspaceId === meta.workspaceId)
  );
}

function refused(status: SyncStatus | null): boolean {
  return status?.failure === 'unauthorized' || status?.failure === 'token-revoked';
}

function allowed(connection: ServerConnection): Promise<boolean> {
  return browser.permissions
    .contains({ origins: [originPattern(connection.url)] })
    .catch(() => false);
}

async function setStatus(status: SyncStatus): Promise<void> {
  await statusItem.setValue(SyncStatus.parse(status));
}

/** Syncs now and then by itself; each change made on this device asks for a run too. */
export function startSyncAlarm(
  database: () => Promise<RapportDB>,
  onApplied: (db: RapportDB) => Promise<void>,
): void {
  const run = (): void => {
    void database()
      .then((db) => syncNow(db, { onApplied }))
      .catch((error: unknown) => log.error('sync could not start', error));
  };

  browser.alarms.create(SYNC_ALARM, { periodInMinutes: EVERY_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) run();
  });
  run();
}
