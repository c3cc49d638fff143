import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { createInterface } from 'node:readline';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { migrateToLatest } from '../src/database/migrate';
import { silentLogger } from '../src/logger';
import { stopServer } from '../src/shutdown';
import { T } from './clocks';
import { addMember, notes } from './test-app';
import { BACKEND, createTestHome, databaseEnv } from './test-database';
import type { TestHome } from './test-database';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

let home: TestHome;

/** A promise and the function that settles it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });

  return { promise, resolve };
}

afterEach(() => home.remove());

/** Resolves once the server has stopped listening (and so takes no new connections). */
async function closed(server: Server): Promise<void> {
  for (let wait = 0; server.listening && wait < 500; wait += 1) await setTimeout(10);
}

describe('graceful shutdown', () => {
  it('lets a push that is under way finish and keeps it, but takes no new requests', async () => {
    home = await createTestHome();
    const database = await home.open();
    await migrateToLatest(database.db, silentLogger());
    const ada = await addMember(database.db);
    const app = await buildApp({
      db: database.db,
      logger: silentLogger(),
      rateLimit: { max: 100, windowMs: 60_000 },
      now: () => T,
    });
    const arrived = signal();
    // The server's own event, which follows Fastify's handler of it: by then the request is past
    // the check for a shutdown, and waits in its first hook (the token lookup) for the database.
    app.server.once('request', () => arrived.resolve());
    const url = await app.listen({ host: '127.0.0.1', port: 0 });

    // Another transaction holds the workspace (with PGlite, the one connection), so the push
    // waits for it.
    const hold = signal();
    const holding = database.db.transaction().execute(async (trx) => {
      await trx.selectFrom('workspaces').selectAll().forUpdate().execute();
      await hold.promise;
    });
    const pushing = fetch(`${url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ changes: notes('in-flight', 2) }),
    });
    await arrived.promise;

    const stopping = stopServer(app, database);
    await closed(app.server);
    const refused = await fetch(`${url}/health`).catch((error: Error) => error);
    hold.resolve();
    await holding;
    const pushed = await pushing;
    await stopping;

    expect(refused).toBeInstanceOf(Error);
    expect(pushed.status).toBe(200);
    expect(pushed.headers.get('connection')).toBe('close');
    expect(await pushed.json()).toEqual({ accepted: 2, duplicates: 0 });

    const reopened = await home.open();
    const stored = await reopened.db.selectFrom('changes').select('change_id').execute();
    await reopened.close();

    expect(stored.map((row) => row.change_id).sort()).toEqual(['in-flight-000', 'in-flight-001']);
  });

  it('stops the server process cleanly on SIGTERM', async () => {
    home = await createTestHome();
    const server = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, ...databaseEnv(home.config), PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const messages: string[] = [];
    const lines = createInterface({ input: server.stdout });
    const listening = new Promise<string>((resolve) => {
      lines.on('line', (line) => {
        const { msg } = JSON.parse(line) as { msg: string };
        messages.push(msg);
        if (msg.startsWith('Server listening at ')) resolve(msg.slice(20));
      });
    });

    const url = await listening;
    const health = await fetch(`${url}/health`);
    server.kill('SIGTERM');
    // 'close' comes once its output has all been read, unlike 'exit'.
    const [code] = await once(server, 'close');

    expect(health.status).toBe(200);
    expect(code).toBe(0);
    expect(messages).toContain('stopping');
    expect(messages.at(-1)).toBe('stopped');
  });
});

describe.runIf(BACKEND === 'pglite')('the data folder', () => {
  it('cannot be opened twice at once', async () => {
    home = await createTestHome();
    const first = await home.open();

    await expect(home.open()).rejects.toThrow(/is open in process/);
    await first.close();
  });
});
