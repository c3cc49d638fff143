import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse } from '../../lib/sync/protocol';
import { revokeMember } from '../src/workspaces';
import { addMember, get, push, setContact, startTestApp } from './test-app';
import type { TestApp, TestMember } from './test-app';

let server: TestApp;
let ada: TestMember;

beforeAll(async () => {
  server = await startTestApp();
  ada = await addMember(server.db);
});

afterAll(() => server.close());

describe('tokens', () => {
  it('tells a member who they are and which workspace they sync to', async () => {
    const response = await get(server.app, ada, '/v1/me');

    expect(response.statusCode).toBe(200);
    expect(MeResponse.parse(response.json())).toEqual({
      workspace: { id: ada.workspaceId, name: 'Harbor & Finch' },
      member: { id: ada.memberId, name: 'Ada Lovelace' },
    });
  });

  it('refuses a request without a token, saying how to send one', async () => {
    const response = await get(server.app, null, '/v1/me');

    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="rapport"');
    expect(response.json()).toEqual({
      error: {
        code: 'unauthorized',
        message: 'Send your member token as "Authorization: Bearer <token>".',
      },
    });
  });

  it.each([
    ['a well-formed token it never gave out', `rp_${'A'.repeat(43)}`],
    ['a string that cannot be a token', 'hunter2'],
  ])('refuses %s', async (_name, token) => {
    const stranger = { ...ada, token };

    const response = await get(server.app, stranger, '/v1/me');

    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });

  it('refuses a revoked token on every endpoint, with its own code', async () => {
    const leaver = await addMember(server.db, ada.workspaceId);
    await revokeMember(server.db, leaver.memberId);

    const responses = await Promise.all([
      get(server.app, leaver, '/v1/me'),
      get(server.app, leaver, '/v1/pull'),
      get(server.app, leaver, '/v1/entities/contact/ada'),
      push(server.app, leaver, [setContact('change-0001', 'ada', { title: 'CFO' })]),
    ]);

    for (const response of responses) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('token-revoked');
    }
  });

  it('answers the health check without a token', async () => {
    const response = await get(server.app, null, '/health');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
