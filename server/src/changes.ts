import { sql } from 'kysely';
import { entityKey } from '../../lib/sync/merge';
import type { Change, Cursor, PullResponse, PushResponse } from '../../lib/sync/protocol';
import type { Db } from './database/schema';
import { mergeIntoEntities, storedEvents } from './entities';

/** Who is pushing: every query below is scoped to this workspace. */
export interface Pusher {
  workspaceId: string;
  memberId: string;
}

/**
 * Stores the changes the workspace does not have yet, numbered in the order they are accepted,
 * and merges them into the entities, all in one transaction.
 *
 * The workspace row stays locked until the transaction commits, so pushes to one workspace take
 * turns: a change numbered n + 1 can never become visible before change n, and a pull that
 * moved its cursor past n never misses it. The same lock makes the duplicate check exact.
 */
export async function pushChanges(
  db: Db,
  pusher: Pusher,
  changes: readonly Change[],
): Promise<PushResponse> {
  return db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, pusher.workspaceId);

    const fresh = await withoutKnown(trx, pusher.workspaceId, changes);

    if (fresh.length > 0) {
      const first = await reserveSeqs(trx, pusher.workspaceId, fresh.length);
      await insertChanges(trx, pusher, fresh, first);
      await mergeIntoEntities(trx, pusher.workspaceId, fresh);
    }

    return { accepted: fresh.length, duplicates: changes.length - fresh.length };
  });
}

/**
 * About how much change text one pull returns: a page stops before it would pass this, so a
 * workspace holding many long notes is read in more pages rather than in one answer too large
 * to build. A page always holds at least one change.
 */
export const PULL_BYTES = 4 * 1024 * 1024;

/**
 * The workspace's changes after `after`, in the order they were accepted. Their sizes are read
 * first, so a page's end is known before any change's text is loaded.
 */
export async function pullChanges(
  db: Db,
  workspaceId: string,
  after: Cursor,
  limit: number,
  maxBytes = PULL_BYTES,
): Promise<PullResponse> {
  const sizes = await db
    .selectFrom('changes')
    .select(['seq', sql<number>`octet_length(body::text)`.as('bytes')])
    .where('workspace_id', '=', workspaceId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();

  const count = pageLength(sizes.slice(0, limit), maxBytes);
  const last = sizes[count - 1];

  if (last === undefined) return { changes: [], cursor: after, more: false };

  const rows = await db
    .selectFrom('changes')
    .select('body')
    .where('workspace_id', '=', workspaceId)
    .where('seq', '>', after)
    .where('seq', '<=', last.seq)
    .orderBy('seq')
    .execute();

  return {
    changes: rows.map((row) => row.body),
    cursor: String(last.seq),
    more: sizes.length > count,
  };
}

/** How many of the changes, in order, fit in `maxBytes`; at least one when there are any. */
function pageLength(sizes: readonly { bytes: number | string }[], maxBytes: number): number {
  let total = 0;

  for (const [index, size] of sizes.entries()) {
    total += Number(size.bytes);
    if (index > 0 && total > maxBytes) return index;
  }

  return sizes.length;
}

/** The id of the workspace's change numbered `seq`, or null when it has none such. */
export async function changeIdAt(db: Db, workspaceId: string, seq: Cursor): Promise<string | null> {
  const row = await db
    .selectFrom('changes')
    .select('change_id')
    .where('workspace_id', '=', workspaceId)
    .where('seq', '=', seq)
    .executeTakeFirst();

  return row?.change_id ?? null;
}

/** The number of the workspace's latest change, 0 when it has none. */
export async function lastSeq(db: Db, workspaceId: string): Promise<string> {
  const row = await db
    .selectFrom('workspaces')
    .select('last_seq')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();

  return String(row.last_seq);
}

async function lockWorkspace(trx: Db, workspaceId: string): Promise<void> {
  await trx
    .selectFrom('workspaces')
    .select('id')
    .where('id', '=', workspaceId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/**
 * Drops changes the workspace already has, and repeats within the push itself. An event is
 * written once, so an append to an event the workspace already holds is dropped too, even under
 * another change id: the server keeps the first and never passes a second one on, so it cannot
 * rewrite a touch that devices already pulled. Either way the change counts as a duplicate, so
 * the device that pushed it moves on.
 */
async function withoutKnown(
  trx: Db,
  workspaceId: string,
  changes: readonly Change[],
): Promise<Change[]> {
  const known = await trx
    .selectFrom('changes')
    .select('change_id')
    .where('workspace_id', '=', workspaceId)
    .where(
      'change_id',
      'in',
      changes.map((change) => change.id),
    )
    .execute();

  const seen = new Set(known.map((row) => row.change_id));
  const events = await storedEvents(trx, workspaceId, changes);

  return changes.filter((change) => {
    if (seen.has(change.id)) return false;

    if (change.op === 'append') {
      const event = entityKey(change.kind, change.entityId);

      if (events.has(event)) return false;

      events.add(event);
    }

    seen.add(change.id);

    return true;
  });
}

/** Takes `count` sequence numbers and returns the first. */
async function reserveSeqs(trx: Db, workspaceId: string, count: number): Promise<number> {
  const { last_seq } = await trx
    .updateTable('workspaces')
    .set({ last_seq: sql`last_seq + ${count}` })
    .where('id', '=', workspaceId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();

  return Number(last_seq) - count + 1;
}

async function insertChanges(
  trx: Db,
  pusher: Pusher,
  changes: readonly Change[],
  first: number,
): Promise<void> {
  const rows = changes.map((change, index) => ({
    workspace_id: pusher.workspaceId,
    seq: first + index,
    change_id: change.id,
    device_id: change.deviceId,
    member_id: pusher.memberId,
    hlc: change.hlc,
    kind: change.kind,
    entity_id: change.entityId,
    body: JSON.stringify(change),
  }));

  await trx.insertInto('changes').values(rows).execute();
}
