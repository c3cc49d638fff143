/**
 * The one logger. Quiet unless the rep turns diagnostics on in the options page; warnings and
 * errors are always handed to the sink so the background can keep them for the diagnostics list.
 *
 * @example
 * const log = createLogger('linkedin/profile');
 * log.warn('headline not found');
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  tag: string;
  message: string;
  at: string;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

type Sink = (entry: LogEntry) => void;

let verbose = false;
let sink: Sink | null = null;

/** Turns console output on or off (follows the "diagnostics" option). */
export function setVerbose(on: boolean): void {
  verbose = on;
}

/** Receives every warning and error, e.g. to store them for the options page. */
export function setLogSink(next: Sink | null): void {
  sink = next;
}

export function createLogger(tag: string): Logger {
  const emit = (level: LogLevel, message: string): void => {
    const entry: LogEntry = { level, tag, message, at: new Date().toISOString() };
    if (level === 'warn' || level === 'error') sink?.(entry);
    if (verbose) console[level](`[rapport:${tag}] ${message}`);
  };

  return {
    debug: (message) => emit('debug', message),
    info: (message) => emit('info', message),
    warn: (message) => emit('warn', message),
    error: (message, error) => emit('error', error ? `${message}: ${describe(error)}` : message),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
