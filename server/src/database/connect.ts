import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Logger } from '../logger';
import { lockDataDir } from './data-dir-lock';
import type { Db, Schema } from './schema';

/** An open database and the one way to close it. */
export interface Database {
  db: Db;
  /** Closes every connection; for PGlite also gives the data folder back. */
  close(): Promise<void>;
}

/** PostgreSQL when a connection string is configured, else PGlite in the data folder. */
export async function openDatabase(config: DatabaseConfig, log: Logger): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url, log);

  return openPglite(config.dataDir);
}

export function openPostgres(url: string, log: Logger): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A database that does not answer is reported as unavailable, not waited on forever.
    connectionTimeoutMillis: 5_000,
    application_name: 'rapport-server',
  });

  // A connection dropped while idle must not end the process; the next query opens another.
  pool.on('error', (error) => log.warn({ err: error }, 'idle database connection lost'));

  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });

  return { db, close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const unlock = await lockDataDir(dataDir);

  try {
    const pglite = await PGlite.create(join(dataDir, 'pglite'));
    const db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite) });

    return { db, close: () => db.destroy().finally(unlock) };
  } catch (error) {
    await unlock();

    throw error;
  }
}

/** A PGlite database that lives in memory and is gone when closed. */
export async function openMemoryDatabase(): Promise<Database> {
  const db = new Kysely<Schema>({ dialect: new PGliteDialect(await PGlite.create()) });

  return { db, close: () => db.destroy() };
}
