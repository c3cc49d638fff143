import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../lib/sync/protocol';
import { buildApp } from '../src/app';
import type { Database } from '../src/database/connect';
import { createMigrator } from '../src/database/migrate';
import { silentLogger } from '../src/logger';
import { hashToken } from '../src/tokens';
import { T, at } from './clocks';
import { get, idsOf, push, setContact } from './test-app';
import { openTestDatabase } from './test-database';

/**
 * A server that ran the first release (workspaces, members, changes, no entity table) with data
 * in it, upgraded to the latest schema.
 */
const TOKEN = `rp_${'f'.repeat(43)}`;
const ada = { workspaceId: 'ws_first', memberId: 'mb_first', token: TOKEN };

const released: Change[] = [
  setContact('first-0001', 'ada', { title: 'Controller', company: 'Apollo' }, 0),
  setContact('first-0002', 'ada', { title: 'CFO' }, 30),
];

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase({ migrated: false });
  await createMigrator(database.db).migrateTo('0001-workspaces-members-changes');
  await writeFirstReleaseData();
});

afterAll(() => database.close());

/** Rows as the first release wrote them, in its schema. */
async function writeFirstReleaseData(): Promise<void> {
  const { db } = database;

  await db
    .insertInto('workspaces')
    .values({ id: 'ws_first', name: 'Old team', last_seq: 2 })
    .execute();
  await db
    .insertInto('members')
    .values({ id: 'mb_first', workspace_id: 'ws_first', name: 'Ada', token_hash: hashToken(TOKEN) })
    .execute();
  await db
    .insertInto('changes')
    .values(
      released.map((change, index) => ({
        workspace_id: 'ws_first',
        seq: index + 1,
        change_id: change.id,
        device_id: change.deviceId,
        member_id: 'mb_first',
        hlc: change.hlc,
        kind: change.kind,
        entity_id: change.entityId,
        body: JSON.stringify(change),
      })),
    )
    .execute();
}

describe('migrations', () => {
  it('starts from the first migration only', async () => {
    const migrations = await createMigrator(database.db).getMigrations();

    expect(migrations.map(({ name, executedAt }) => [name, executedAt !== undefined])).toEqual([
      ['0001-workspaces-members-changes', true],
      ['0002-entities', false],
    ]);
  });

  it('keeps the data of a database migrated to the latest, and merges its entities', async () => {
    const { results = [] } = await createMigrator(database.db).migrateToLatest();
    const app = await buildApp({
      db: database.db,
      logger: silentLogger(),
      rateLimit: { max: 100, windowMs: 60_000 },
    });

    const me = await get(app, ada, '/v1/me');
    const pulled = await get(app, ada, '/v1/pull');
    const contact = await get(app, ada, '/v1/entities/contact/ada');

    expect(results.map(({ migrationName, status }) => [migrationName, status])).toEqual([
      ['0002-entities', 'Success'],
    ]);
    expect(me.json().workspace).toEqual({ id: 'ws_first', name: 'Old team' });
    expect(idsOf(pulled)).toEqual(['first-0001', 'first-0002']);
    expect(contact.json().fields).toEqual({
      title: { value: 'CFO', hlc: at(30) },
      company: { value: 'Apollo', hlc: at(0) },
    });
    await app.close();
  });

  it('numbers new changes after the old ones', async () => {
    const app = await buildApp({
      db: database.db,
      logger: silentLogger(),
      rateLimit: { max: 100, windowMs: 60_000 },
      now: () => T,
    });

    await push(app, ada, [setContact('second-0001', 'ada', { company: 'Harbor & Finch' }, 60)]);
    const pulled = await get(app, ada, '/v1/pull?after=2');

    expect(pulled.json().cursor).toBe('3');
    expect(idsOf(pulled)).toEqual(['second-0001']);
    await app.close();
  });

  it('does nothing when the schema is already the latest', async () => {
    const { results, error } = await createMigrator(database.db).migrateToLatest();

    expect(error).toBeUndefined();
    expect(results).toEqual([]);
  });
});
