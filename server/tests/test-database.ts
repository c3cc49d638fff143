import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config';
import { openDatabase, openMemoryDatabase } from '../src/database/connect';
import type { Database } from '../src/database/connect';
import { migrateToLatest } from '../src/database/migrate';
import { silentLogger } from '../src/logger';

/**
 * Where a test file keeps its data: PGlite, or (in the `postgres` test project) a PostgreSQL
 * database of its own made on the server RAPPORT_TEST_DATABASE_URL names, dropped at the end.
 */
export const BACKEND = process.env.RAPPORT_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

/** A database that outlives one connection: a PGlite folder or a PostgreSQL database. */
export interface TestHome {
  config: DatabaseConfig;
  /** Opens it as the server would, without migrating. */
  open(): Promise<Database>;
  remove(): Promise<void>;
}

export async function createTestHome(): Promise<TestHome> {
  const config = BACKEND === 'postgres' ? await createPostgresDatabase() : await createDataDir();

  return {
    config,
    open: () => openDatabase(config, silentLogger()),
    remove: () => removeHome(config),
  };
}

/** A fresh database for one test file, migrated unless told otherwise. */
export async function openTestDatabase({ migrated = true } = {}): Promise<Database> {
  const home = BACKEND === 'pglite' ? null : await createTestHome();
  const database = home === null ? await openMemoryDatabase() : await home.open();

  if (migrated) await migrateToLatest(database.db, silentLogger());

  return {
    db: database.db,
    close: async () => {
      await database.close();
      await home?.remove();
    },
  };
}

async function createDataDir(): Promise<DatabaseConfig> {
  return { kind: 'pglite', dataDir: await mkdtemp(join(tmpdir(), 'rapport-test-')) };
}

async function createPostgresDatabase(): Promise<DatabaseConfig> {
  const name = `rapport_test_${randomBytes(6).toString('hex')}`;

  await asAdmin((client) => client.query(`CREATE DATABASE ${name}`));

  const url = new URL(adminUrl());
  url.pathname = `/${name}`;

  return { kind: 'postgres', url: url.toString() };
}

async function removeHome(config: DatabaseConfig): Promise<void> {
  if (config.kind === 'pglite') {
    await rm(config.dataDir, { recursive: true, force: true });

    return;
  }

  const name = new URL(config.url).pathname.slice(1);

  await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

async function asAdmin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });

  await client.connect();

  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function adminUrl(): string {
  const url = process.env.RAPPORT_TEST_DATABASE_URL;

  if (!url) throw new Error('The postgres tests need RAPPORT_TEST_DATABASE_URL.');

  return url;
}

/** The environment that points the server (or the admin tool) at `config`. */
export function databaseEnv(config: DatabaseConfig): Record<string, string> {
  return config.kind === 'postgres'
    ? { DATABASE_URL: config.url }
    : { RAPPORT_DATA_DIR: config.dataDir };
}
