import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../lib/sync/protocol';
import { at } from './clocks';
import { addMember, get, idsOf, notes, push, setContact, startTestApp, touch } from './test-app';
import type { TestApp, TestMember } from './test-app';

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp();
});

afterAll(() => server.close());

function byAccepted(a: { accepted: number }, b: { accepted: number }): number {
  return a.accepted - b.accepted;
}

async function newMember(): Promise<TestMember> {
  return addMember(server.db);
}

describe('push', () => {
  it('stores new changes and counts them', async () => {
    const ada = await newMember();

    const response = await push(server.app, ada, [
      setContact('change-0001', 'ada', { company: 'Harbor & Finch' }),
      touch('change-0002', 'ada', 'Met at the fintech breakfast'),
    ]);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(idsOf(await get(server.app, ada, '/v1/pull'))).toEqual(['change-0001', 'change-0002']);
  });

  it('adds nothing when the same push arrives twice', async () => {
    const ada = await newMember();
    const changes = notes('retry', 3);

    await push(server.app, ada, changes);
    const again = await push(server.app, ada, changes);

    expect(again.json()).toEqual({ accepted: 0, duplicates: 3 });
    expect(idsOf(await get(server.app, ada, '/v1/pull'))).toEqual([
      'retry-000',
      'retry-001',
      'retry-002',
    ]);
  });

  it('takes only the new changes of a retried push that gained some', async () => {
    const ada = await newMember();
    const [first, second, third] = notes('batch', 3);

    await push(server.app, ada, [first, second]);
    const retry = await push(server.app, ada, [third, first, second]);

    expect(retry.json()).toEqual({ accepted: 1, duplicates: 2 });
    expect(idsOf(await get(server.app, ada, '/v1/pull'))).toEqual([
      'batch-000',
      'batch-001',
      'batch-002',
    ]);
  });

  it('stores the changes once when the same push arrives twice at the same time', async () => {
    const ada = await newMember();
    const changes = notes('race', 4);

    const responses = await Promise.all([
      push(server.app, ada, changes),
      push(server.app, ada, changes),
    ]);

    expect(responses.map((response) => response.json()).sort(byAccepted)).toEqual([
      { accepted: 0, duplicates: 4 },
      { accepted: 4, duplicates: 0 },
    ]);
    expect(idsOf(await get(server.app, ada, '/v1/pull'))).toHaveLength(4);
  });

  it('stores a change repeated within one push once', async () => {
    const ada = await newMember();
    const change = setContact('change-twice', 'ada', { title: 'CFO' });

    const response = await push(server.app, ada, [change, change]);

    expect(response.json()).toEqual({ accepted: 1, duplicates: 1 });
    expect(idsOf(await get(server.app, ada, '/v1/pull'))).toEqual(['change-twice']);
  });

  it("refuses a push with a change dated more than a day ahead of the server's clock", async () => {
    const ada = await newMember();
    const dayAndASecond = 24 * 60 * 60 + 1;

    const response = await push(server.app, ada, [
      setContact('change-fine', 'ada', { title: 'CFO' }),
      setContact('change-ahead', 'ada', { title: 'CEO' }, dayAndASecond),
    ]);

    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'clock-ahead',
      message:
        "Change change-ahead is dated more than a day ahead of the server's clock; " +
        "check the device's date and time.",
    });
    expect(idsOf(await get(server.app, ada, '/v1/pull'))).toEqual([]);
  });

  it('accepts a change dated exactly a day ahead', async () => {
    const ada = await newMember();

    const response = await push(server.app, ada, [
      setContact('change-day', 'ada', { title: 'CFO' }, 24 * 60 * 60),
    ]);

    expect(response.json()).toEqual({ accepted: 1, duplicates: 0 });
  });
});

describe('events', () => {
  /** Another change, with an id of its own, that writes the event `first` wrote. */
  function rewrite(first: Change, id: string, seconds: number): Change {
    return { ...touch(id, 'grace', 'Rewritten', seconds), entityId: first.entityId };
  }

  it.each([
    ['an earlier', -10],
    ['a later', 10],
  ])('keeps the first append of an event against %s rewrite of it', async (_name, seconds) => {
    const ada = await newMember();
    const first = touch('change-first', 'ada', 'Coffee at the conference');
    await push(server.app, ada, [first]);

    const response = await push(server.app, ada, [rewrite(first, 'change-rewrite', seconds)]);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ accepted: 0, duplicates: 1 });
    expect(idsOf(await get(server.app, ada, '/v1/pull'))).toEqual(['change-first']);
    expect((await get(server.app, ada, `/v1/entities/touch/${first.entityId}`)).json()).toEqual({
      kind: 'touch',
      id: first.entityId,
      fields: {},
      members: {},
      contact: { value: 'ada', hlc: at(0) },
      record: { value: { channel: 'linkedin', summary: 'Coffee at the conference' }, hlc: at(0) },
    });
  });

  it('keeps the first of two appends of one event in the same push', async () => {
    const ada = await newMember();
    const first = touch('change-first', 'ada', 'Coffee at the conference', 10);

    const response = await push(server.app, ada, [first, rewrite(first, 'change-rewrite', 0)]);

    expect(response.json()).toEqual({ accepted: 1, duplicates: 1 });
    expect(idsOf(await get(server.app, ada, '/v1/pull'))).toEqual(['change-first']);
    expect(
      (await get(server.app, ada, `/v1/entities/touch/${first.entityId}`)).json().record.value,
    ).toEqual({ channel: 'linkedin', summary: 'Coffee at the conference' });
  });

  it('keeps events of the same id in different workspaces apart', async () => {
    const ada = await newMember();
    const grace = await newMember();
    const first = touch('change-first', 'ada', 'Coffee at the conference');
    await push(server.app, ada, [first]);

    const response = await push(server.app, grace, [rewrite(first, 'change-rewrite', 0)]);

    expect(response.json()).toEqual({ accepted: 1, duplicates: 0 });
  });
});

describe('push validation', () => {
  const good = setContact('change-0001', 'ada', { title: 'CFO' });

  it.each([
    ['no changes', { changes: [] }],
    ['more than 500 changes', { changes: notes('many', 501) }],
    ['a body that is a list', [good]],
    ['an unknown operation', { changes: [{ ...good, op: 'rename' }] }],
    ['a clock value without its counter', { changes: [{ ...good, hlc: '1796374800000.laptop' }] }],
    ['a clock of another device', { changes: [{ ...good, hlc: '1796374800000.000000.phone' }] }],
    ['a change id too short to be unique', { changes: [{ ...good, id: 'abc' }] }],
    ['a field name with a dot', { changes: [{ ...good, fields: { 'a.b': 1 } }] }],
    ['a NUL character in a value', { changes: [{ ...good, fields: { notes: 'a\u0000b' } }] }],
    ['half a surrogate pair in a value', { changes: [{ ...good, fields: { notes: '\ud83d' } }] }],
    ['a NUL character in an entity id', { changes: [{ ...good, entityId: 'ada\u0000' }] }],
  ])('answers 400 bad-request for %s', async (_name, body) => {
    const ada = await newMember();

    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { authorization: `Bearer ${ada.token}` },
      payload: body,
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad-request');
    expect(idsOf(await get(server.app, ada, '/v1/pull'))).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', 'application/json', '{"changes": [', 'not valid JSON'],
    ['a body of another type', 'text/plain', 'changes', 'Send the body as application/json.'],
  ])('answers 400 bad-request for %s', async (_name, type, payload, message) => {
    const ada = await newMember();

    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': type },
      payload,
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad-request');
    expect(response.json().error.message).toContain(message);
  });

  /** A push whose note is `depth` arrays deep, as text: JSON.stringify runs out of stack first. */
  function nested(depth: number): string {
    const body = JSON.stringify({ changes: [setContact('change-deep', 'ada', { notes: 0 })] });

    return body.replace('"notes":0', `"notes":${'['.repeat(depth)}0${']'.repeat(depth)}`);
  }

  async function pushText(payload: string) {
    const ada = await newMember();

    return server.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
      payload,
    });
  }

  it.each([65, 10_000, 200_000])(
    'answers 400 bad-request for a body that nests %i levels deep',
    async (depth) => {
      // The body, its list of changes, the change and its fields are four levels of it.
      const response = await pushText(nested(depth - 4));

      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: {
          code: 'bad-request',
          message: 'Invalid body: arrays and objects in it nest more than 64 levels deep.',
        },
      });
    },
  );

  it('takes a body that nests 64 levels deep', async () => {
    const response = await pushText(nested(64 - 4));

    expect(response.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('names the field that is wrong', async () => {
    const ada = await newMember();

    const response = await push(server.app, ada, [
      good,
      { ...good, hlc: '1796374800000.1.laptop' },
    ]);

    expect(response.json().error.message).toBe(
      'Invalid body: changes.1.hlc: A clock value is "<13 digits>.<6 digits>.<device>".',
    );
  });
});
