/**
 * `npm run server:admin -- <command>`: manages workspaces and members in the database the
 * server uses (the same DATABASE_URL, or the same PGlite data folder, which must not be open in
 * a running server at the time). Run without a command for the list of commands.
 */
import { z } from 'zod';
import { COMMANDS, USAGE, runAdminCommand } from './admin-commands';
import { loadConfig } from './config';
import { openDatabase } from './database/connect';
import { DataDirInUseError } from './database/data-dir-lock';
import { migrateToLatest } from './database/migrate';
import { createLogger } from './logger';

async function main(args: readonly string[]): Promise<number> {
  const [command] = args;

  // Help, or a typo, needs no database.
  if (!COMMANDS.some((known) => known === command)) {
    console.log(USAGE);

    return command === undefined || command === 'help' ? 0 : 2;
  }

  const config = loadConfig();
  // Only failures, and on stderr: stdout is for what the command prints.
  const log = createLogger('warn', 2);
  const database = await openDatabase(config.database, log);

  try {
    await migrateToLatest(database.db, log);

    return await runAdminCommand(database.db, args, (line) => console.log(line));
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(explain(error));
    process.exit(1);
  },
);

function explain(error: unknown): string {
  if (error instanceof z.ZodError) return `Invalid settings:\n${z.prettifyError(error)}`;
  if (error instanceof DataDirInUseError) return error.message;

  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
