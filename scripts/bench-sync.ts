/**
 * Sync server benchmark: 50 devices in one workspace push small batches and pull what the others
 * pushed, for a bounded time, against the server on 127.0.0.1 (PGlite in a temporary folder, the
 * rate limit raised). A separate reader then checks that it pulled every accepted change exactly
 * once. Run with `npx tsx scripts/bench-sync.ts`; prints JSON. RAPPORT_BENCH_SYNC_SECONDS sets
 * how long the devices run (60 by default).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newClock, tick } from '../lib/sync/hlc';
import type { Clock } from '../lib/sync/hlc';
import type { Change, PullResponse } from '../lib/sync/protocol';
import { openDatabase } from '../server/src/database/connect';
import { migrateToLatest } from '../server/src/database/migrate';
import { silentLogger } from '../server/src/logger';
import { createWorkspace, inviteMember } from '../server/src/workspaces';
import type { Figure } from './bench-content';

const DEVICES = 50;
const BATCH = 5;
const CONTACTS = 500;
const PULL_LIMIT = 1_000;
/** Per device, whatever the time: the loops stop on their own even on a very fast machine. */
const MAX_ROUNDS = 20_000;
const SERVER_ENTRY = fileURLToPath(new URL('../server/src/main.ts', import.meta.url));

interface Device {
  name: string;
  token: string;
  clock: Clock;
  cursor: string;
  made: number;
}

interface Timings {
  push: number[];
  pull: number[];
  accepted: number;
  pushed: string[];
}

export async function runSyncBench(seconds = benchSeconds()): Promise<Figure[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-bench-sync-'));

  try {
    const { tokens, reader } = await seedWorkspace(dataDir);
    const port = await freePort();
    const server = await startServer(dataDir, port);

    try {
      return await measure(`http://127.0.0.1:${port}`, tokens, reader, seconds);
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measure(
  url: string,
  tokens: string[],
  reader: string,
  seconds: number,
): Promise<Figure[]> {
  const devices = tokens.map((token, index) => newDevice(`device-${index}`, token));
  const timings: Timings = { push: [], pull: [], accepted: 0, pushed: [] };
  const deadline = Date.now() + seconds * 1000;

  const started = performance.now();
  await Promise.all(devices.map((device) => runDevice(url, device, timings, deadline)));
  const elapsed = (performance.now() - started) / 1000;

  const pulled = await pullEverything(url, reader);
  const check = compare(timings.pushed, pulled);

  return [
    figure('pushes per second', timings.push.length / elapsed, 'pushes/s'),
    figure('changes accepted per second', timings.accepted / elapsed, 'changes/s'),
    figure(`push of ${BATCH} changes, p95`, p95(timings.push), 'ms'),
    figure('pull, p95', p95(timings.pull), 'ms'),
    figure('changes a reader missed', check.lost, 'changes', '= 0'),
    figure('changes a reader got twice', check.doubled, 'changes', '= 0'),
  ];
}

/** Push a batch, pull what is new, again, until the time is up. */
async function runDevice(
  url: string,
  device: Device,
  timings: Timings,
  deadline: number,
): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS && Date.now() < deadline; round += 1) {
    const changes = Array.from({ length: BATCH }, () => nextChange(device));

    const pushStart = performance.now();
    const pushed = await call<{ accepted: number }>(url, device.token, '/v1/push', { changes });
    timings.push.push(performance.now() - pushStart);
    timings.accepted += pushed.accepted;
    timings.pushed.push(...changes.map((change) => change.id));

    const pullStart = performance.now();
    const page = await call<PullResponse>(url, device.token, pullPath(device.cursor));
    timings.pull.push(performance.now() - pullStart);
    device.cursor = page.cursor;
  }
}

/** Every change in the workspace, page by page, as a device that was offline would. */
async function pullEverything(url: string, token: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '0';

  for (let pages = 0; pages < 100_000; pages += 1) {
    const page = await call<PullResponse>(url, token, pullPath(cursor));
    ids.push(...page.changes.map((change) => change.id));
    cursor = page.cursor;

    if (!page.more) break;
  }

  return ids;
}

function compare(pushed: string[], pulled: string[]): { lost: number; doubled: number } {
  const seen = new Set(pulled);
  const lost = pushed.filter((id) => !seen.has(id)).length;

  return { lost, doubled: pulled.length - seen.size };
}

function nextChange(device: Device): Change {
  const { clock, hlc } = tick(device.clock, Date.now());
  device.clock = clock;
  device.made += 1;

  const id = `${device.name}-${String(device.made).padStart(6, '0')}`;
  const contact = `contact-${device.made % CONTACTS}`;

  if (device.made % 3 === 0) {
    const record = { channel: 'linkedin', summary: `Touch ${id}` };

    return {
      id,
      deviceId: device.name,
      hlc,
      op: 'append',
      kind: 'touch',
      entityId: id,
      contactId: contact,
      record,
    };
  }

  const fields = { title: `Title from ${id}`, notes: 'Met at the fintech breakfast.' };

  return { id, deviceId: device.name, hlc, op: 'set', kind: 'contact', entityId: contact, fields };
}

async function call<T>(url: string, token: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);

  return (await response.json()) as T;
}

function pullPath(cursor: string): string {
  return `/v1/pull?after=${cursor}&limit=${PULL_LIMIT}`;
}

/** The workspace and its members are made before the server opens the data folder. */
async function seedWorkspace(dataDir: string): Promise<{ tokens: string[]; reader: string }> {
  const database = await openDatabase({ kind: 'pglite', dataDir }, silentLogger());

  try {
    await migrateToLatest(database.db, silentLogger());
    const workspace = await createWorkspace(database.db, 'Benchmark');
    const tokens: string[] = [];

    for (let index = 0; index <= DEVICES; index += 1) {
      const member = await inviteMember(database.db, workspace, `Device ${index}`);
      if (member) tokens.push(member.token);
    }

    return { tokens: tokens.slice(0, DEVICES), reader: tokens[DEVICES] ?? '' };
  } finally {
    await database.close();
  }
}

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  // The seeded PGlite folder, whatever database this shell points at.
  const { DATABASE_URL: _elsewhere, ...inherited } = process.env;
  const server = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    env: {
      ...inherited,
      RAPPORT_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      RAPPORT_RATE_LIMIT_MAX: '100000000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

  for (let attempt = 0; attempt < 300; attempt += 1) {
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.ok,
      () => false,
    );

    if (healthy) return server;

    await sleep(100);
  }

  server.kill('SIGTERM');
  throw new Error('The sync server did not start within 30 s.');
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();

  if (address === null || typeof address === 'string') throw new Error('No port.');

  return address.port;
}

function newDevice(name: string, token: string): Device {
  return { name, token, clock: newClock(name), cursor: '0', made: 0 };
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

function figure(name: string, value: number, unit: string, aim = '—'): Figure {
  return {
    name: `sync server (${DEVICES} devices): ${name}`,
    value: Math.round(value * 10) / 10,
    unit,
    aim,
  };
}

function benchSeconds(): number {
  const seconds = Number(process.env.RAPPORT_BENCH_SYNC_SECONDS ?? 60);

  return Number.isFinite(seconds) && seconds > 0 ? seconds : 60;
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const figures = await runSyncBench();
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
