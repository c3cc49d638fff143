import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, get, idsOf, push, setContact, startTestApp } from './test-app';
import type { TestApp, TestMember } from './test-app';

/**
 * Two teams on one server: whatever a member of one sends, with whatever ids of the other, they
 * never read or change the other's data.
 */
let server: TestApp;
let ada: TestMember;
let grace: TestMember;

beforeAll(async () => {
  server = await startTestApp();
  ada = await addMember(server.db);
  grace = await addMember(server.db);

  await push(server.app, grace, [
    setContact('grace-change-1', 'linus', { company: 'Cobaltmere Bank' }),
    setContact('grace-change-2', 'margaret', { company: 'Apollo' }),
  ]);
});

afterAll(() => server.close());

describe('workspace isolation', () => {
  it('never pulls the changes of another workspace, from any cursor', async () => {
    await push(server.app, ada, [setContact('ada-change-1', 'linus', { title: 'CFO' })]);

    const pulls = await Promise.all(
      ['0', '1', '2', '5'].map((after) => get(server.app, ada, `/v1/pull?after=${after}`)),
    );

    // Past its own last change the cursor is one it never gave out.
    expect(pulls.map((pull) => pull.statusCode)).toEqual([200, 200, 409, 409]);
    expect(pulls.slice(0, 2).map(idsOf)).toEqual([['ada-change-1'], []]);
  });

  it('answers 404 for an entity that exists only in another workspace', async () => {
    const response = await get(server.app, ada, '/v1/entities/contact/margaret');

    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not-found');
  });

  it('keeps the same entity id apart in each workspace', async () => {
    const ours = await get(server.app, ada, '/v1/entities/contact/linus');
    const theirs = await get(server.app, grace, '/v1/entities/contact/linus');

    expect(Object.keys(ours.json().fields)).toEqual(['title']);
    expect(Object.keys(theirs.json().fields)).toEqual(['company']);
  });

  it('accepts a change whose id another workspace has as new, leaving theirs alone', async () => {
    const response = await push(server.app, ada, [
      setContact('grace-change-2', 'margaret', { company: 'Hamilton Labs' }, 60),
    ]);

    expect(response.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(idsOf(await get(server.app, grace, '/v1/pull'))).toEqual([
      'grace-change-1',
      'grace-change-2',
    ]);
    expect(
      (await get(server.app, grace, '/v1/entities/contact/margaret')).json().fields.company.value,
    ).toBe('Apollo');
  });

  it('ignores any workspace named in the request itself', async () => {
    const headers = { authorization: `Bearer ${ada.token}`, 'x-workspace-id': grace.workspaceId };

    const pull = await server.app.inject({
      method: 'GET',
      url: `/v1/pull?workspace=${grace.workspaceId}&workspaceId=${grace.workspaceId}`,
      headers,
    });
    const me = await server.app.inject({ method: 'GET', url: '/v1/me', headers });

    expect(idsOf(pull)).not.toContain('grace-change-1');
    expect(me.json().workspace.id).toBe(ada.workspaceId);
  });
});
