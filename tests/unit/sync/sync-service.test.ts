import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getContactByKey, saveContact, updateContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { getSyncMeta, pendingChanges, startSyncing } from '@/lib/storage/sync/device';
import { getSyncStatus, setConnection, syncNow } from '@/lib/sync-service';
import type { Fetch } from '@/lib/sync/client';
import { MAX_DRIFT_MS, tooFarAhead } from '@/lib/sync/hlc';
import { PushRequest } from '@/lib/sync/protocol';
import type { Change } from '@/lib/sync/protocol';
import { NOW, draft, freshDb } from '../storage/fixtures';
import { MemoryServer } from './memory-server';

const URL_ = 'https://rapport.example.test';

/** A Rapport server in memory, answering through `fetch`. */
function server(): {
  fetch: Fetch;
  log: Change[];
  revoke: () => void;
  down: (on: boolean) => void;
  /** Puts back the server's data as it was before any change. */
  restoreEmpty: () => void;
} {
  const memory = new MemoryServer();
  const serverNow = Date.now();
  let revoked = false;
  let isDown = false;

  const fetch: Fetch = async (input, init) => {
    if (isDown) throw new TypeError('Failed to fetch');

    const url = new URL(String(input));

    if (revoked) {
      return json(401, { error: { code: 'token-revoked', message: 'This token was revoked.' } });
    }

    if (url.pathname === '/v1/push') {
      const { changes } = PushRequest.parse(JSON.parse(String(init?.body)));

      if (changes.some((change) => tooFarAhead(change.hlc, serverNow))) {
        return json(400, { error: { code: 'clock-ahead', message: 'Check the date and time.' } });
      }

      if (JSON.stringify(changes).includes('Poisoned')) {
        return json(400, { error: { code: 'bad-request', message: 'changes[0]: cannot store' } });
      }

      const accepted = memory.push(changes);

      return json(200, { accepted, duplicates: changes.length - accepted });
    }

    const after = url.searchParams.get('after') ?? '0';
    const seen = url.searchParams.get('seen');
    const there = memory.log[Number(after) - 1];

    if (Number(after) > memory.log.length || (seen !== null && there?.id !== seen)) {
      return json(409, { error: { code: 'cursor-ahead', message: 'Restored from a copy.' } });
    }

    return json(200, memory.pull(after, 1_000));
  };

  return {
    fetch,
    get log() {
      return memory.log;
    },
    revoke: () => (revoked = true),
    restoreEmpty: () => {
      memory.log = [];
      memory.seen.clear();
    },
    down: (on) => (isDown = on),
  };
}

function json(status: number, body: unknown): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify(body), { status }));
}

async function connectedDevice(): Promise<RapportDB> {
  const db = await freshDb();
  await setConnection({ url: URL_, token: 'rp_0123456789abcdef' });
  await startSyncing(db, { serverUrl: URL_, workspaceId: 'w-1' });

  return db;
}

function allowHost(allowed = true): void {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(allowed);
}

describe('the sync runner', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends what waits, reads what the others did, and says when it last synced', async () => {
    allowHost();
    const remote = server();
    const [laptop, desktop] = [await connectedDevice(), await connectedDevice()];

    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await syncNow(laptop, { fetchFn: remote.fetch });
    await syncNow(desktop, { fetchFn: remote.fetch });

    expect(await getContactByKey(desktop, 'ada-lovelace')).toBeDefined();
    expect(await pendingChanges(laptop)).toBe(0);
    expect((await getSyncStatus())?.state).toBe('ok');
  });

  it('keeps changes while the server is unreachable, and sends them when it is back', async () => {
    allowHost();
    const remote = server();
    const laptop = await connectedDevice();
    await syncNow(laptop, { fetchFn: remote.fetch });
    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });

    remote.down(true);
    await syncNow(laptop, { fetchFn: remote.fetch });

    expect(await getSyncStatus()).toMatchObject({ state: 'failed', failure: 'unreachable' });
    expect(await pendingChanges(laptop)).toBeGreaterThan(0);

    remote.down(false);
    await syncNow(laptop, { fetchFn: remote.fetch });

    expect(await pendingChanges(laptop)).toBe(0);
    expect(remote.log.length).toBeGreaterThan(0);
  });

  it('stops after the token is revoked until the rep asks again', async () => {
    allowHost();
    const remote = server();
    const laptop = await connectedDevice();
    remote.revoke();

    await syncNow(laptop, { fetchFn: remote.fetch });
    expect((await getSyncStatus())?.failure).toBe('token-revoked');

    const calls = vi.fn(remote.fetch);
    await syncNow(laptop, { fetchFn: calls });
    expect(calls).not.toHaveBeenCalled();

    await syncNow(laptop, { fetchFn: calls, force: true });
    expect(calls).toHaveBeenCalled();
  });

  it('sends nothing queued for one workspace while connected to another', async () => {
    allowHost();
    const remote = server();
    const laptop = await connectedDevice();
    await syncNow(laptop, { fetchFn: remote.fetch });
    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });

    await setConnection({ url: URL_, token: 'rp_0123456789abcdef', workspaceId: 'w-2' });
    const calls = vi.fn(remote.fetch);
    await syncNow(laptop, { fetchFn: calls });

    expect(calls).not.toHaveBeenCalled();
    expect(await pendingChanges(laptop)).toBeGreaterThan(0);
  });

  it('asks for nothing without the permission for the server', async () => {
    allowHost(false);
    const remote = server();
    const calls = vi.fn(remote.fetch);
    const laptop = await connectedDevice();

    await syncNow(laptop, { fetchFn: calls });

    expect(calls).not.toHaveBeenCalled();
    expect((await getSyncStatus())?.failure).toBe('no-permission');
  });

  it('sets aside a change the server will never take and sends the others', async () => {
    allowHost();
    const remote = server();
    const laptop = await connectedDevice();
    await saveContact(laptop, draft('ada-lovelace', { company: 'Poisoned' }), { now: NOW });
    await saveContact(laptop, draft('grace-hopper'), { now: NOW });

    await syncNow(laptop, { fetchFn: remote.fetch });

    expect(remote.log.map((c) => c.entityId)).toEqual(['grace-hopper']);
    expect(await pendingChanges(laptop)).toBe(0);
    expect((await getSyncStatus())?.state).toBe('ok');
    expect(await getContactByKey(laptop, 'ada-lovelace')).toBeDefined();
    expect((await getSyncMeta(laptop))?.setAside).toEqual({
      count: 1,
      reason: 'changes[0]: cannot store',
    });
  });

  it('keeps an edit made after the date was put right ahead of one made before', async () => {
    allowHost();
    const remote = server();
    const [laptop, desktop] = [await connectedDevice(), await connectedDevice()];
    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await syncNow(laptop, { fetchFn: remote.fetch });
    await syncNow(laptop, { fetchFn: remote.fetch });
    const ada = (await getContactByKey(laptop, 'ada-lovelace'))!;

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3 * MAX_DRIFT_MS });
    await updateContact(laptop, ada.id, { company: 'While ahead' });
    vi.useRealTimers();
    await updateContact(laptop, ada.id, { company: 'After fixing the date' });
    await syncNow(laptop, { fetchFn: remote.fetch });
    await syncNow(desktop, { fetchFn: remote.fetch });

    for (const db of [laptop, desktop]) {
      expect((await getContactByKey(db, 'ada-lovelace'))?.company).toBe('After fixing the date');
    }
  });

  it('finds a refused change among hundreds in a few requests', async () => {
    allowHost();
    const remote = server();
    const laptop = await connectedDevice();
    await syncNow(laptop, { fetchFn: remote.fetch });
    for (let i = 0; i < 300; i += 1) {
      const company = i === 150 ? 'Poisoned' : `Firm ${i}`;
      await saveContact(laptop, draft(`person-${i}`, { company }), { now: NOW });
    }
    const pushes = vi.fn(remote.fetch);

    await syncNow(laptop, { fetchFn: pushes });

    expect(remote.log).toHaveLength(299);
    expect(pushes.mock.calls.length).toBeLessThan(40);
  });

  it('sends what was saved while the date here was days ahead, once it is put right', async () => {
    allowHost();
    const remote = server();
    const laptop = await connectedDevice();
    await syncNow(laptop, { fetchFn: remote.fetch });

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3 * MAX_DRIFT_MS });
    await saveContact(laptop, draft('ada-lovelace'));
    await syncNow(laptop, { fetchFn: remote.fetch });

    expect((await getSyncStatus())?.failure).toBe('clock-ahead');
    expect(await pendingChanges(laptop)).toBeGreaterThan(0);

    vi.useRealTimers();
    await syncNow(laptop, { fetchFn: remote.fetch });

    expect((await getSyncStatus())?.state).toBe('ok');
    expect(await pendingChanges(laptop)).toBe(0);
    expect(remote.log.map((change) => change.entityId)).toContain('ada-lovelace');

    const desktop = await connectedDevice();
    await syncNow(desktop, { fetchFn: remote.fetch });
    const there = (await getContactByKey(desktop, 'ada-lovelace'))!;
    await updateContact(desktop, there.id, { company: 'Difference Engine' });
    await syncNow(desktop, { fetchFn: remote.fetch });
    await syncNow(laptop, { fetchFn: remote.fetch });

    expect((await getContactByKey(laptop, 'ada-lovelace'))?.company).toBe('Difference Engine');
  });

  it('joins a server restored from an older copy again, and sends what it lost', async () => {
    allowHost();
    const remote = server();
    const laptop = await connectedDevice();
    await syncNow(laptop, { fetchFn: remote.fetch });
    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await syncNow(laptop, { fetchFn: remote.fetch });
    const before = await getSyncMeta(laptop);

    // The others' changes fill the restored log past where the laptop had read.
    remote.restoreEmpty();
    const desktop = await connectedDevice();
    await syncNow(desktop, { fetchFn: remote.fetch });
    for (const key of ['grace-hopper', 'alan-turing', 'edsger-dijkstra']) {
      await saveContact(desktop, draft(key), { now: NOW });
    }
    await syncNow(desktop, { fetchFn: remote.fetch });
    await syncNow(laptop, { fetchFn: remote.fetch });
    await syncNow(desktop, { fetchFn: remote.fetch });

    expect((await getSyncStatus())?.state).toBe('ok');
    expect((await getSyncMeta(laptop))?.deviceId).not.toBe(before?.deviceId);
    expect(remote.log.map((change) => change.entityId)).toContain('ada-lovelace');
    expect(await getContactByKey(desktop, 'ada-lovelace')).toBeDefined();
    expect(await getContactByKey(laptop, 'grace-hopper')).toBeDefined();
  });

  it('reads what the others did before sending anything of a device that joins', async () => {
    allowHost();
    const remote = server();
    const desktop = await connectedDevice();
    await saveContact(desktop, draft('ada-lovelace', { company: 'Difference' }), { now: NOW });
    await syncNow(desktop, { fetchFn: remote.fetch });

    const laptop = await freshDb();
    const stale = new Date(NOW.getTime() - 86_400_000);
    await saveContact(laptop, draft('ada-lovelace', { company: 'Analytical' }), { now: stale });
    await startSyncing(laptop, { serverUrl: URL_, workspaceId: 'w-1' });
    const order: string[] = [];
    const watched: Fetch = (input, init) => {
      order.push(new URL(String(input)).pathname);
      return remote.fetch(input, init);
    };

    await syncNow(laptop, { fetchFn: watched });

    expect(order[0]).toBe('/v1/pull');
    expect((await getContactByKey(laptop, 'ada-lovelace'))?.company).toBe('Difference');
  });
});
