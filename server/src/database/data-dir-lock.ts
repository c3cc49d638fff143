import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * PGlite is PostgreSQL inside this process: two processes opening one data folder would corrupt
 * it. The server and the admin tool each hold this lock while the folder is open.
 */
export class DataDirInUseError extends Error {}

const LOCK_FILE = 'in-use.pid';

/** Takes the folder's lock; the returned function gives it back. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });

  const file = join(dir, LOCK_FILE);

  if (!(await tryCreate(file))) {
    await removeIfStale(file, dir);

    if (!(await tryCreate(file))) throw new DataDirInUseError(`${dir} was locked meanwhile.`);
  }

  return () => rm(file, { force: true });
}

async function tryCreate(file: string): Promise<boolean> {
  try {
    await writeFile(file, String(process.pid), { flag: 'wx' });

    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;

    throw error;
  }
}

/** A lock left by a process that died (killed, power cut) is taken over. */
async function removeIfStale(file: string, dir: string): Promise<void> {
  const pid = Number((await readFile(file, 'utf8')).trim());

  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
    throw new DataDirInUseError(
      `The data folder ${dir} is open in process ${pid} (a running server or admin command). ` +
        `Stop it first; if no such process is Rapport, delete ${file}.`,
    );
  }

  await rm(file, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
