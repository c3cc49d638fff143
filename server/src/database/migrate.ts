import { Migrator } from 'kysely';
import type { Migration, MigrationProvider, MigrationResultSet } from 'kysely';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from '../logger';
import type { Db } from './schema';

/**
 * Migrations are the files in src/migrations, applied in name order, each once. A migration
 * that has been released is never edited: a change to the schema is a new file.
 */
const MIGRATION_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));
const MIGRATION_FILE = /^(\d{4}-[a-z0-9-]+)\.[jt]s$/;

/**
 * Kysely's own file provider imports from inside node_modules, where TypeScript files cannot be
 * loaded; importing from here goes through the same loader (tsx, Vitest) as the rest of the code.
 */
const folderProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    const names = (await readdir(MIGRATION_FOLDER)).filter((file) => MIGRATION_FILE.test(file));
    const entries = await Promise.all(
      names.sort().map(async (file) => {
        const module = (await import(
          pathToFileURL(join(MIGRATION_FOLDER, file)).href
        )) as Migration;

        return [file.replace(MIGRATION_FILE, '$1'), module] as const;
      }),
    );

    return Object.fromEntries(entries);
  },
};

export function createMigrator(db: Db): Migrator {
  return new Migrator({ db, provider: folderProvider });
}

/** Brings the schema up to date; several servers starting at once take turns (Kysely locks). */
export async function migrateToLatest(db: Db, log: Logger): Promise<void> {
  report(await createMigrator(db).migrateToLatest(), log);
}

/** Logs what a migration run did and throws when one of them failed. */
function report({ error, results = [] }: MigrationResultSet, log: Logger): void {
  for (const { migrationName, status } of results) {
    if (status === 'Success') log.info({ migration: migrationName }, 'migration applied');
    if (status === 'Error') log.error({ migration: migrationName }, 'migration failed');
  }

  if (error) throw error;
}
