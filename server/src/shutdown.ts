import type { FastifyInstance } from 'fastify';
import type { Database } from './database/connect';
import type { Logger } from './logger';

/**
 * Stops the server without losing a write: it stops accepting connections, lets every request
 * already being handled (a push in its transaction) finish and answer, and only then closes the
 * database. A push that was never answered was never committed, so its device sends it again.
 */
export async function stopServer(app: FastifyInstance, database: Database): Promise<void> {
  await app.close();
  await database.close();
}

/** A stop that hangs (a request that never ends) is cut short after this long. */
const STOP_TIMEOUT_MS = 30_000;

/** Stops on SIGTERM (service managers, containers) and SIGINT (Ctrl+C). */
export function stopOnSignals(stop: () => Promise<void>, log: Logger): void {
  let stopping = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;

    stopping = true;
    log.info({ signal }, 'stopping');
    setTimeout(() => giveUp(log), STOP_TIMEOUT_MS).unref();

    stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };

  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

function giveUp(log: Logger): void {
  log.error(`requests still running after ${STOP_TIMEOUT_MS / 1000} s; exiting anyway`);
  process.exit(1);
}
