import { applyChange, entityKey } from '../../lib/sync/merge';
import type { EntityState } from '../../lib/sync/merge';
import type { Change, EntityKind } from '../../lib/sync/protocol';
import type { Db } from './database/schema';

/**
 * Each entity's merged state, updated in the push transaction with the rules every device
 * uses, so the server's view of a contact is the one the devices converge to.
 */
export async function mergeIntoEntities(
  trx: Db,
  workspaceId: string,
  changes: readonly Change[],
): Promise<void> {
  const states = await loadStates(trx, workspaceId, changes);

  for (const change of changes) {
    const key = entityKey(change.kind, change.entityId);
    states.set(key, applyChange(states.get(key), change));
  }

  const rows = [...states.values()].map((state) => ({
    workspace_id: workspaceId,
    kind: state.kind,
    entity_id: state.id,
    state: JSON.stringify(state),
  }));

  await trx
    .insertInto('entities')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .columns(['workspace_id', 'kind', 'entity_id'])
        .doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })),
    )
    .execute();
}

/**
 * The events (by `entityKey`) that the appends among `changes` write and the workspace already
 * holds. Only appends ever write an event, so an event's row is there once one was accepted.
 */
export async function storedEvents(
  trx: Db,
  workspaceId: string,
  changes: readonly Change[],
): Promise<Set<string>> {
  const appends = changes.filter((change) => change.op === 'append');

  if (appends.length === 0) return new Set();

  const rows = await trx
    .selectFrom('entities')
    .select(['kind', 'entity_id'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', 'in', [...new Set(appends.map((change) => change.kind))])
    .where('entity_id', 'in', [...new Set(appends.map((change) => change.entityId))])
    .execute();

  // Rows come back only of the kinds asked for, which are event kinds.
  return new Set(rows.map((row) => entityKey(row.kind as EntityKind, row.entity_id)));
}

export async function findEntity(
  db: Db,
  workspaceId: string,
  kind: EntityKind,
  entityId: string,
): Promise<EntityState | null> {
  const row = await db
    .selectFrom('entities')
    .select('state')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();

  return row?.state ?? null;
}

async function loadStates(
  trx: Db,
  workspaceId: string,
  changes: readonly Change[],
): Promise<Map<string, EntityState>> {
  const kinds = [...new Set(changes.map((change) => change.kind))];
  const ids = [...new Set(changes.map((change) => change.entityId))];
  const keys = new Set(changes.map((change) => entityKey(change.kind, change.entityId)));

  const rows = await trx
    .selectFrom('entities')
    .select('state')
    .where('workspace_id', '=', workspaceId)
    .where('kind', 'in', kinds)
    .where('entity_id', 'in', ids)
    .execute();

  // One kind's id may be another's too; such rows are read but left alone.
  const states = rows
    .map((row) => row.state)
    .filter((state) => keys.has(entityKey(state.kind, state.id)));

  return new Map(states.map((state) => [entityKey(state.kind, state.id), state]));
}
