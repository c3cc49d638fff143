import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * The one logger: pino, which Fastify also uses for every request, so startup, migrations,
 * requests and shutdown come out as one stream of JSON lines on stdout.
 */
export function createLogger(level: Config['logLevel'], fd: 1 | 2 = 1): Logger {
  // Written as each line is logged: in the background, lines could come out of order or be cut
  // off by the exit that follows a shutdown.
  return pino({ name: 'rapport-server', level }, pino.destination({ dest: fd, sync: true }));
}

/** For tests and the admin tool, where only failures matter. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
