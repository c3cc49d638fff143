import { spawn, execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TSX = resolve('node_modules/.bin/tsx');

/** A Rapport sync server of its own for a test: on loopback, with its data in a temp folder. */
export interface SyncServer {
  url: string;
  workspaceId: string;
  /** The tokens of the workspace's members: one for each browser, and one to switch to. */
  tokens: { laptop: string; desktop: string; spare: string };
  stop: () => Promise<void>;
}

export async function startSyncServer(): Promise<SyncServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-server-'));
  const env = { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };

  // The admin tool and the server may not hold the embedded database at once: members are
  // made before the server starts.
  const admin = async (...args: string[]): Promise<string> =>
    (await run(TSX, ['server/src/admin.ts', ...args], { env })).stdout;

  const created = await admin('create-workspace', 'Browser test team');
  const workspaceId = /: (\S+)\s*$/m.exec(created)?.[1] ?? '';
  const token = async (name: string): Promise<string> =>
    /^\s+(\S+)\s*$/m.exec(await admin('invite', workspaceId, name))?.[1] ?? '';
  const tokens = {
    laptop: await token('Laptop'),
    desktop: await token('Desktop'),
    spare: await token('Laptop, new token'),
  };

  const port = await freePort();
  const server = spawn(TSX, ['server/src/main.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;

  await healthy(url, server);

  return {
    url,
    workspaceId,
    tokens,
    stop: async () => {
      await stopped(server);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function healthy(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;

  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The sync server exited (${server.exitCode}).`);

    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;

    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  throw new Error('The sync server did not start within a minute.');
}

function stopped(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();

  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}
