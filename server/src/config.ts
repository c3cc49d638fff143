import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The server's settings, all from the environment. An empty variable counts as unset, as
 * container runtimes and `.env` files often leave them.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL is a postgres:// connection string.')
    .optional(),
  RAPPORT_DATA_DIR: z.string().min(1).optional(),
  RAPPORT_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  RAPPORT_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  RAPPORT_TRUST_PROXY: z.stringbool().default(false),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export type DatabaseConfig =
  { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface RateLimit {
  /** Requests one member (or one address, without a valid token) may make per window. */
  max: number;
  windowMs: number;
}

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  rateLimit: RateLimit;
  /** Behind a proxy on this machine: take the client's address from what it adds. */
  trustProxy: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
}

/** `server/data/`, wherever the command was started from. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

/** Throws a `z.ZodError` naming every variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.parse(withoutEmpty(env));

  return {
    port: parsed.PORT,
    host: parsed.HOST,
    database: databaseConfig(parsed.DATABASE_URL, parsed.RAPPORT_DATA_DIR, env),
    rateLimit: {
      max: parsed.RAPPORT_RATE_LIMIT_MAX,
      windowMs: parsed.RAPPORT_RATE_LIMIT_WINDOW_MS,
    },
    trustProxy: parsed.RAPPORT_TRUST_PROXY,
    logLevel: parsed.LOG_LEVEL,
  };
}

function databaseConfig(
  url: string | undefined,
  dataDir: string | undefined,
  env: NodeJS.ProcessEnv,
): DatabaseConfig {
  if (url !== undefined) return { kind: 'postgres', url };
  if (dataDir === undefined) return { kind: 'pglite', dataDir: DEFAULT_DATA_DIR };

  // npm runs workspace scripts inside server/; a relative path means the folder it was typed in.
  const base = env.INIT_CWD ?? process.cwd();

  return { kind: 'pglite', dataDir: isAbsolute(dataDir) ? dataDir : resolve(base, dataDir) };
}

function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}
