import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyToReplica } from '../../lib/sync/merge';
import type { Replica } from '../../lib/sync/merge';
import type { Change } from '../../lib/sync/protocol';
import { at } from './clocks';
import { addMember, get, push, setContact, startTestApp, touch } from './test-app';
import type { TestApp, TestMember } from './test-app';

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp();
});

afterAll(() => server.close());

function tags(id: string, entityId: string, add: string[], remove: string[], seconds: number) {
  return {
    id,
    deviceId: 'phone',
    hlc: at(seconds, 'phone'),
    op: 'members',
    kind: 'contact',
    entityId,
    field: 'tags',
    add,
    remove,
  } satisfies Change;
}

async function entity(member: TestMember, kind: string, id: string): Promise<unknown> {
  return (await get(server.app, member, `/v1/entities/${kind}/${id}`)).json();
}

describe('merged entity state', () => {
  it('keeps the later value of each field, whatever order the changes arrive in', async () => {
    const ada = await addMember(server.db);

    await push(server.app, ada, [setContact('change-late', 'ada', { title: 'CFO' }, 60, 'desk')]);
    await push(server.app, ada, [
      setContact('change-early', 'ada', { title: 'Controller', company: 'Apollo' }, 0, 'phone'),
    ]);

    expect(await entity(ada, 'contact', 'ada')).toEqual({
      kind: 'contact',
      id: 'ada',
      fields: {
        title: { value: 'CFO', hlc: at(60, 'desk') },
        company: { value: 'Apollo', hlc: at(0, 'phone') },
      },
      members: {},
    });
  });

  it('merges tags member by member', async () => {
    const ada = await addMember(server.db);

    await push(server.app, ada, [tags('change-tags-1', 'ada', ['cfo', 'fintech'], [], 0)]);
    await push(server.app, ada, [tags('change-tags-2', 'ada', ['warm-intro'], ['cfo'], 10)]);

    expect(await entity(ada, 'contact', 'ada')).toMatchObject({
      members: {
        tags: {
          cfo: { value: false, hlc: at(10, 'phone') },
          fintech: { value: true, hlc: at(0, 'phone') },
          'warm-intro': { value: true, hlc: at(10, 'phone') },
        },
      },
    });
  });

  it('keeps a touch as it was first written', async () => {
    const ada = await addMember(server.db);

    await push(server.app, ada, [touch('change-touch', 'ada', 'Coffee at the conference')]);

    expect(await entity(ada, 'touch', 'touch-change-touch')).toEqual({
      kind: 'touch',
      id: 'touch-change-touch',
      fields: {},
      members: {},
      contact: { value: 'ada', hlc: at(0) },
      record: { value: { channel: 'linkedin', summary: 'Coffee at the conference' }, hlc: at(0) },
    });
  });

  it('keeps a deleted contact deleted, even against a later edit', async () => {
    const ada = await addMember(server.db);
    const deletion = {
      id: 'change-delete',
      deviceId: 'laptop',
      hlc: at(5),
      op: 'delete',
      kind: 'contact',
      entityId: 'ada',
      into: 'ada-lovelace',
    } satisfies Change;

    await push(server.app, ada, [setContact('change-set', 'ada', { title: 'CFO' }), deletion]);
    await push(server.app, ada, [setContact('change-after', 'ada', { title: 'CEO' }, 50)]);

    expect(await entity(ada, 'contact', 'ada')).toEqual({
      kind: 'contact',
      id: 'ada',
      fields: {},
      members: {},
      deleted: { value: { into: 'ada-lovelace' }, hlc: at(5) },
    });
  });

  it('ends where a device that applied the same changes ends, in any batching', async () => {
    const ada = await addMember(server.db);
    const changes: Change[] = [
      setContact('mix-0001', 'ada', { title: 'CFO', company: 'Apollo' }, 3, 'desk'),
      tags('mix-0002', 'ada', ['cfo'], [], 1),
      setContact('mix-0003', 'ada', { title: 'CEO' }, 2, 'phone'),
      tags('mix-0004', 'ada', ['board'], ['cfo'], 4),
      setContact('mix-0005', 'grace', { company: 'Navy' }, 0, 'desk'),
      setContact('mix-0006', 'ada', { company: 'Harbor & Finch' }, 1, 'laptop'),
    ];
    const device: Replica = new Map();
    for (const change of changes) applyToReplica(device, change);

    // Reversed, in pushes of two, and with the first batch sent again.
    const reversed = [...changes].reverse();
    for (let start = 0; start < reversed.length; start += 2) {
      await push(server.app, ada, reversed.slice(start, start + 2));
    }
    await push(server.app, ada, reversed.slice(0, 2));

    expect(await entity(ada, 'contact', 'ada')).toEqual(device.get('contact:ada'));
    expect(await entity(ada, 'contact', 'grace')).toEqual(device.get('contact:grace'));
  });

  it('answers 404 for an entity nobody pushed', async () => {
    const ada = await addMember(server.db);

    const response = await get(server.app, ada, '/v1/entities/contact/nobody');

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not-found', message: 'This workspace has no contact with that id.' },
    });
  });

  it('answers 400 for a kind the protocol does not have', async () => {
    const ada = await addMember(server.db);

    const response = await get(server.app, ada, '/v1/entities/company/acme');

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad-request');
  });

  it('finds an entity whose id needs escaping in a URL', async () => {
    const ada = await addMember(server.db);
    await push(server.app, ada, [setContact('change-slug', 'in/ada lovelace', { title: 'CFO' })]);

    const response = await get(server.app, ada, '/v1/entities/contact/in%2Fada%20lovelace');

    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe('in/ada lovelace');
  });

  it.each([
    ['of 200 letters', 'a'.repeat(200)],
    ['of 200 characters that are escaped in a URL', '中'.repeat(200)],
  ])('finds an entity whose id is %s', async (_name, id) => {
    const ada = await addMember(server.db);
    await push(server.app, ada, [setContact('change-long', id, { title: 'CFO' })]);

    const response = await get(server.app, ada, `/v1/entities/contact/${encodeURIComponent(id)}`);

    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe(id);
  });

  it('answers 400 bad-request for an id over 200 characters', async () => {
    const ada = await addMember(server.db);

    const response = await get(server.app, ada, `/v1/entities/contact/${'a'.repeat(201)}`);

    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'bad-request', message: expect.stringContaining('Invalid params: id:') },
    });
  });

  it('answers 400 bad-request for a URL with a broken escape', async () => {
    const ada = await addMember(server.db);

    const response = await get(server.app, ada, '/v1/entities/contact/%E0%A4%A');

    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'bad-request', message: 'The URL has a broken %-escape.' },
    });
  });

  it('answers 414 in the protocol shape for a part of the URL far over any id', async () => {
    const ada = await addMember(server.db);

    const response = await get(server.app, ada, `/v1/entities/contact/${'a'.repeat(5_000)}`);

    expect(response.statusCode).toBe(414);
    expect(response.json()).toEqual({
      error: {
        code: 'bad-request',
        message: 'A part of the URL is over 1000 characters; an entity id is at most 200.',
      },
    });
  });
});

describe('names that objects use for themselves', () => {
  it('keeps a contact whose id and values are "__proto__"', async () => {
    const ada = await addMember(server.db);
    await push(server.app, ada, [
      setContact('change-proto', '__proto__', { title: '__proto__', company: 'constructor' }),
    ]);

    expect(await entity(ada, 'contact', '__proto__')).toEqual({
      kind: 'contact',
      id: '__proto__',
      fields: {
        title: { value: '__proto__', hlc: at(0) },
        company: { value: 'constructor', hlc: at(0) },
      },
      members: {},
    });
  });

  it('keeps tags named like the properties every object has', async () => {
    const ada = await addMember(server.db);
    const names = ['constructor', 'hasOwnProperty', 'toString', 'valueOf'];

    await push(server.app, ada, [tags('change-builtin-1', 'ada', names, [], 0)]);
    await push(server.app, ada, [tags('change-builtin-2', 'ada', [], ['toString'], 5)]);

    expect(await entity(ada, 'contact', 'ada')).toMatchObject({
      members: {
        tags: {
          constructor: { value: true, hlc: at(0, 'phone') },
          hasOwnProperty: { value: true, hlc: at(0, 'phone') },
          toString: { value: false, hlc: at(5, 'phone') },
          valueOf: { value: true, hlc: at(0, 'phone') },
        },
      },
    });
  });

  it('passes a "__proto__" tag on to other devices as it was pushed', async () => {
    const ada = await addMember(server.db);
    const change = tags('change-proto-tag', 'ada', ['__proto__', 'cfo'], [], 0);

    await push(server.app, ada, [change]);

    expect((await get(server.app, ada, '/v1/pull')).json().changes).toEqual([change]);
  });

  it('keeps a "__proto__" tag in the merged state', async () => {
    const ada = await addMember(server.db);

    await push(server.app, ada, [tags('change-proto-merged', 'ada', ['__proto__', 'cfo'], [], 0)]);

    const state = (await entity(ada, 'contact', 'ada')) as {
      members: { tags: Record<string, unknown> };
    };
    expect(Object.keys(state.members.tags).sort()).toEqual(['__proto__', 'cfo']);
    expect(Object.getOwnPropertyDescriptor(state.members.tags, '__proto__')?.value).toEqual({
      value: true,
      hlc: at(0, 'phone'),
    });
  });

  it('answers 400 bad-request for a value with a "__proto__" key, and stores nothing', async () => {
    const ada = await addMember(server.db);
    const body = JSON.stringify({ changes: [setContact('change-poison', 'ada', { notes: 0 })] });

    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
      payload: body.replace('"notes":0', '"notes":{"__proto__":{"admin":true}}'),
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad-request');
    expect((await get(server.app, ada, '/v1/pull')).json().changes).toEqual([]);
  });
});
