/**
 * `npm run server`: brings the database schema up to date, then serves the sync API until
 * SIGTERM or SIGINT. Settings come from the environment (see config.ts and the README).
 */
import { z } from 'zod';
import { buildApp } from './app';
import { loadConfig } from './config';
import type { Config } from './config';
import { openDatabase } from './database/connect';
import { migrateToLatest } from './database/migrate';
import { createLogger } from './logger';
import type { Logger } from './logger';
import { stopOnSignals, stopServer } from './shutdown';

async function main(config: Config, log: Logger): Promise<void> {
  const database = await openDatabase(config.database, log);

  log.info({ database: describe(config) }, 'database open');

  try {
    await migrateToLatest(database.db, log);
  } catch (error) {
    await database.close();

    throw error;
  }

  const app = await buildApp({
    db: database.db,
    logger: log,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
  });
  const stop = (): Promise<void> => stopServer(app, database);

  stopOnSignals(stop, log);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await stop();

    throw error;
  }
}

/** Where the data is, without the connection string's password. */
function describe(config: Config): string {
  if (config.database.kind === 'pglite') return `PGlite in ${config.database.dataDir}`;

  const url = new URL(config.database.url);

  return `PostgreSQL at ${url.host}${url.pathname}`;
}

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;

    createLogger('info').fatal({ problems: z.prettifyError(error) }, 'invalid settings');
    process.exit(1);
  }
}

const config = configOrExit();
const log = createLogger(config.logLevel);

main(config, log).catch((error: unknown) => {
  log.fatal({ err: error }, 'could not start');
  process.exit(1);
});
