import type { Kysely } from 'kysely';
import { applyChange, entityKey } from '../../../lib/sync/merge';
import type { EntityState } from '../../../lib/sync/merge';
import type { Change } from '../../../lib/sync/protocol';

/**
 * Each entity's merged state, kept current by every push so reading one never replays its
 * changes. Workspaces that already have changes get their entities worked out from them here.
 * The state is derived data: the changes stay the record of what happened.
 *
 * The tables as this migration sees them, whatever later migrations do to them:
 */
type Tables = {
  workspaces: { id: string };
  changes: { workspace_id: string; seq: string | number; body: Change };
  entities: { workspace_id: string; kind: string; entity_id: string; state: string };
};

const PAGE = 1_000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entities')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('entities_pkey', ['workspace_id', 'kind', 'entity_id'])
    .execute();

  const tables = db.withTables<Tables>();
  const workspaces = await tables.selectFrom('workspaces').select('id').execute();

  for (const { id } of workspaces) await backfill(tables, id);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entities').execute();
}

async function backfill(db: Kysely<Tables>, workspaceId: string): Promise<void> {
  const states = new Map<string, EntityState>();

  for (let after: string | number = 0; ;) {
    const rows = await db
      .selectFrom('changes')
      .select(['seq', 'body'])
      .where('workspace_id', '=', workspaceId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();

    for (const { body } of rows) {
      const key = entityKey(body.kind, body.entityId);
      states.set(key, applyChange(states.get(key), body));
    }

    const last = rows.at(-1);

    if (rows.length < PAGE || last === undefined) break;

    after = last.seq;
  }

  await insertStates(db, workspaceId, [...states.values()]);
}

async function insertStates(
  db: Kysely<Tables>,
  workspaceId: string,
  states: EntityState[],
): Promise<void> {
  for (let start = 0; start < states.length; start += PAGE) {
    const rows = states.slice(start, start + PAGE).map((state) => ({
      workspace_id: workspaceId,
      kind: state.kind,
      entity_id: state.id,
      state: JSON.stringify(state),
    }));

    await db.insertInto('entities').values(rows).execute();
  }
}
