import { setImmediate } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponse } from '../../lib/sync/protocol';
import type { Change } from '../../lib/sync/protocol';
import { addMember, get, notes, push, startTestApp } from './test-app';
import type { TestApp, TestMember } from './test-app';

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp();
});

afterAll(() => server.close());

async function pull(member: TestMember, after: string, limit: number): Promise<PullResponse> {
  const response = await get(server.app, member, `/v1/pull?after=${after}&limit=${limit}`);

  return PullResponse.parse(response.json());
}

/** Pulls page by page from the start, as a device catching up does. */
async function pullAll(member: TestMember, limit: number): Promise<PullResponse[]> {
  const pages = [await pull(member, '0', limit)];

  while (pages.at(-1)?.more) pages.push(await pull(member, pages.at(-1)?.cursor ?? '0', limit));

  return pages;
}

describe('pull', () => {
  it('finds nothing in a new workspace and keeps the cursor it was given', async () => {
    const ada = await addMember(server.db);

    expect(await pull(ada, '0', 10)).toEqual({ changes: [], cursor: '0', more: false });
  });

  it('sees every change exactly once, in the order accepted, page by page', async () => {
    const ada = await addMember(server.db);
    await push(server.app, ada, notes('first', 4));
    await push(server.app, ada, notes('second', 3));
    await push(server.app, ada, notes('third', 3));

    const pages = await pullAll(ada, 3);

    expect(pages.map((page) => page.changes.map((change) => change.id))).toEqual([
      ['first-000', 'first-001', 'first-002'],
      ['first-003', 'second-000', 'second-001'],
      ['second-002', 'third-000', 'third-001'],
      ['third-002'],
    ]);
    expect(pages.map((page) => [page.cursor, page.more])).toEqual([
      ['3', true],
      ['6', true],
      ['9', true],
      ['10', false],
    ]);
  });

  it('returns the changes as they were pushed', async () => {
    const ada = await addMember(server.db);
    const [change] = notes('exact', 1) as [Change];

    await push(server.app, ada, [change]);

    expect((await pull(ada, '0', 1)).changes).toEqual([change]);
  });

  it('ends a page before it passes a few MiB, however many changes were asked for', async () => {
    const ada = await addMember(server.db);
    const long = 'x'.repeat(900_000);

    for (const [index, change] of notes('long', 6).entries()) {
      const fields = { notes: `${index} ${long}` };
      await push(server.app, ada, [{ ...change, fields } as Change]);
    }

    const pages = await pullAll(ada, 1_000);

    expect(pages.map((page) => page.changes.length)).toEqual([4, 2]);
    expect(pages.map((page) => page.more)).toEqual([true, false]);
  });

  it('finds nothing after the last change, and no more', async () => {
    const ada = await addMember(server.db);
    await push(server.app, ada, notes('only', 2));

    expect(await pull(ada, '2', 10)).toEqual({ changes: [], cursor: '2', more: false });
  });

  it('answers cursor-ahead when the change at the cursor is not the one read there', async () => {
    const ada = await addMember(server.db);
    const [first, second] = notes('renumbered', 2) as [Change, Change];
    await push(server.app, ada, [first, second]);

    const same = await get(server.app, ada, `/v1/pull?after=1&seen=${first.id}`);
    const other = await get(server.app, ada, `/v1/pull?after=1&seen=${second.id}`);

    expect(same.statusCode).toBe(200);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ error: { code: 'cursor-ahead' } });
  });

  it('answers cursor-ahead for a cursor past its last change, as after a restore', async () => {
    const ada = await addMember(server.db);
    await push(server.app, ada, notes('restored', 2));

    const response = await get(server.app, ada, '/v1/pull?after=900');

    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'cursor-ahead' } });
  });

  it('returns up to 1,000 changes when no limit is given', async () => {
    const ada = await addMember(server.db);
    await push(server.app, ada, notes('page-a', 500));
    await push(server.app, ada, notes('page-b', 500));
    await push(server.app, ada, notes('page-c', 1));

    const response = await get(server.app, ada, '/v1/pull');

    expect(response.json().changes).toHaveLength(1_000);
    expect(response.json().more).toBe(true);
  });

  it('never skips a change while pushes run side by side', async () => {
    const ada = await addMember(server.db);
    const devices = Array.from({ length: 8 }, (_, device) => device);
    const pushed: string[] = [];
    const pulled: string[] = [];
    let pushing = true;

    const pushers = devices.map(async (device) => {
      for (let round = 0; round < 6; round += 1) {
        const batch = notes(`d${device}-r${round}`, 3);
        await push(server.app, ada, batch);
        pushed.push(...batch.map((change) => change.id));
      }
    });
    const reader = (async () => {
      let cursor = '0';

      // The reader keeps going while pushes land, then drains what is left; the bound only
      // stops a broken server from hanging the test.
      for (let done = false, pulls = 0; !done && pulls < 5_000; pulls += 1) {
        const wasPushing = pushing;
        const page = await pull(ada, cursor, 4);
        pulled.push(...page.changes.map((change) => change.id));
        cursor = page.cursor;
        done = !wasPushing && !page.more;

        // Injected requests can finish without leaving the microtask queue; let the pushes in.
        await setImmediate();
      }
    })();

    await Promise.all(pushers);
    pushing = false;
    await reader;

    expect(pulled).toHaveLength(8 * 6 * 3);
    expect([...pulled].sort()).toEqual([...pushed].sort());
  });
});

describe('pull validation', () => {
  it.each([
    ['a cursor that is not a number', 'after=abc'],
    ['a negative cursor', 'after=-1'],
    ['a cursor longer than any the server gives', 'after=12345678901234567890'],
    ['a cursor past the largest sequence number', 'after=9223372036854775808'],
    ['two cursors', 'after=1&after=2'],
    ['a limit of 0', 'limit=0'],
    ['a limit over 1,000', 'limit=1001'],
    ['a limit that is not a number', 'limit=ten'],
  ])('answers 400 bad-request for %s', async (_name, query) => {
    const ada = await addMember(server.db);

    const response = await get(server.app, ada, `/v1/pull?${query}`);

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad-request');
    expect(response.json().error.message).toMatch(/^Invalid query: (after|limit): /);
  });

  it('takes the largest cursor there can be as one, past what it holds', async () => {
    const ada = await addMember(server.db);

    const response = await get(server.app, ada, '/v1/pull?after=9223372036854775807');

    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'cursor-ahead' } });
  });
});
