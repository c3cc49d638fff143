import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * The one logger: pino, which Fastify also uses for every request, so startup, migrations,
 * requests and shutdown come out as one stream of JSON lines on stdout.
 */
export function createLogger(level: Config['logLevel'], fd: 1 | 2 = 1): Logger {
  return pino({ name: 'rapport-server', level }, pino.destination(fd));
}

/** For tests and the admin tool, where only failures matter. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
