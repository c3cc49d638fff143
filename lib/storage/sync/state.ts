import { z } from 'zod';
import { DeviceId } from '../../sync/hlc';
import type { Clock } from '../../sync/hlc';
import { Cursor } from '../../sync/protocol';
import type { Change, Fields } from '../../sync/protocol';
import type { EntityState } from '../../sync/merge';
import { META } from '../db';

/**
 * This device's part in syncing, kept in the database so that it moves in the same
 * transactions as the data: present only while sync is on.
 * - `clock`: the highest clock value this device made or saw;
 * - `cursor`: how far into the workspace's changes it has read and applied, and `seen` the id
 *   of the change there, by which the server tells that the cursor is still its own;
 * - `serverUrl`, `workspaceId`: the workspace this state belongs to; connecting to another
 *   starts over;
 * - `joining`: set from connecting until this device has read everything the others did and
 *   queued only what it holds differently, so that joining never undoes their work;
 * - `setAside`: how many changes the server refused for good, and why the last one was: they
 *   stay in this device's data only.
 */
export const SyncMeta = z.object({
  deviceId: DeviceId,
  clock: z.object({ deviceId: DeviceId, wall: z.number().int(), counter: z.number().int() }),
  cursor: Cursor,
  seen: z.string().optional(),
  serverUrl: z.string(),
  workspaceId: z.string(),
  joining: z.boolean().optional(),
  setAside: z.object({ count: z.number().int().positive(), reason: z.string() }).optional(),
});
export type SyncMeta = z.infer<typeof SyncMeta> & { clock: Clock };

/** This device's sync state as the `meta` store holds it; null while sync is off. */
export async function readSyncMeta(meta: {
  get(key: typeof META.sync): Promise<unknown>;
}): Promise<SyncMeta | null> {
  const parsed = SyncMeta.safeParse(await meta.get(META.sync));

  return parsed.success ? parsed.data : null;
}

/** A change waiting to be sent, in the order it was made. */
export interface OutboxEntry {
  seq?: number;
  change: Change;
}

/**
 * What this device last agreed with the others about one record: its fields with their clock
 * values. Local edits are compared with it to find what changed; remote changes are merged into
 * it. `key` is `<kind>:<id on this device>`, `wire` is `<kind>:<id on the wire>` (they differ
 * only for contacts, which travel under their profile key), `parent` is the id on this device
 * of the contact a touch, next step or history entry belongs to, `pending` the wire id of
 * that contact while it has not arrived here yet, and `held` the values this device kept, by
 * field, where the others' could not be stored here (a newer Rapport's, say): they count as
 * changed here only once the rep changes them. `since`, while joining, is when this device
 * last edited the record it held before the others' copy arrived.
 */
export interface Shadow {
  key: string;
  wire: string;
  parent?: string;
  pending?: string;
  held?: Fields;
  since?: string;
  state: EntityState;
}
