import type { RapportDB } from '@/lib/storage/db';
import { applyPulled } from '@/lib/storage/sync/apply';
import {
  finishJoining,
  getSyncMeta,
  markSent,
  outgoing,
  startSyncing,
} from '@/lib/storage/sync/device';
import { saveContact } from '@/lib/storage/contacts';
import type { Contact } from '@/lib/model/contact';
import { logTouch } from '@/lib/storage/touches';
import { NOW, draft, freshDb } from '../storage/fixtures';
import type { MemoryServer } from './memory-server';

/**
 * Devices syncing through the in-memory server, each step as the sync runner takes it: what
 * the device tests share.
 */
export const WORKSPACE = { serverUrl: 'https://sync.example.test', workspaceId: 'w-1' };

/** A new device that has joined the workspace. */
export async function device(server: MemoryServer): Promise<RapportDB> {
  const db = await freshDb();
  await startSyncing(db, WORKSPACE);
  await sync(db, server);

  return db;
}

/** What the sync runner does, against the in-memory server. */
export async function sync(db: RapportDB, server: MemoryServer, pageSize = 2): Promise<void> {
  if ((await getSyncMeta(db))?.joining) {
    await pullAll(db, server, pageSize);
    await finishJoining(db);
  }

  for (;;) {
    const batch = await outgoing(db, 3);
    if (batch.changes.length === 0) break;

    server.push(batch.changes);
    await markSent(db, batch.seqs);
  }

  await pullAll(db, server, pageSize);
}

async function pullAll(db: RapportDB, server: MemoryServer, pageSize: number): Promise<void> {
  for (;;) {
    const meta = await getSyncMeta(db);
    const page = server.pull(meta!.cursor, pageSize);
    await applyPulled(db, page.changes, page.cursor);

    if (!page.more) break;
  }
}

/** Every device syncs twice, so that each has what all the others sent. */
export async function syncAll(server: MemoryServer, ...dbs: RapportDB[]): Promise<void> {
  for (const db of dbs) await sync(db, server);
  for (const db of dbs) await sync(db, server);
}

/** Ada saved twice on `db`, the second card with a touch: a duplicate to merge. */
export async function duplicateWithTouch(
  db: RapportDB,
): Promise<{ kept: Contact; dropped: Contact }> {
  const kept = (await saveContact(db, draft('ada-lovelace'), { now: NOW })).contact;
  const dropped = (await saveContact(db, draft('ada-lovelace-2'), { now: NOW })).contact;
  await logTouch(db, {
    contactId: dropped.id,
    at: NOW.toISOString(),
    channel: 'email',
    direction: 'outbound',
    summary: 'Sent the deck',
  });

  return { kept, dropped };
}
