import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../src/tokens';
import { revokeMember } from '../src/workspaces';
import { addMember, get, push, setContact, startTestApp } from './test-app';
import type { TestApp, TestMember } from './test-app';

let server: TestApp;
let ada: TestMember;

beforeAll(async () => {
  server = await startTestApp({ rateLimit: { max: 3, windowMs: 60_000 } });
  ada = await addMember(server.db);
});

afterAll(() => server.close());

describe('limits', () => {
  it('refuses a body over 1 MiB with too-large, before reading it', async () => {
    const bigNote = 'x'.repeat(1024 * 1024);

    const response = await push(server.app, ada, [
      setContact('change-big', 'ada', { notes: bigNote }),
    ]);

    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: {
        code: 'too-large',
        message: 'The body is over 1 MiB; push the changes in smaller batches.',
      },
    });
  });

  it('limits each token on its own, and says when to try again', async () => {
    const grace = await addMember(server.db, ada.workspaceId);

    for (let request = 0; request < 3; request += 1) {
      expect((await get(server.app, grace, '/v1/me')).statusCode).toBe(200);
    }
    const limited = await get(server.app, grace, '/v1/me');
    const other = await get(server.app, await addMember(server.db, ada.workspaceId), '/v1/me');

    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: { code: 'rate-limited', message: 'Too many requests; try again in 1 minute.' },
    });
    expect(limited.headers['retry-after']).toBe('60');
    expect(other.statusCode).toBe(200);
  });

  it('limits requests without a token too, by address', async () => {
    const responses = [];

    for (let request = 0; request < 4; request += 1) {
      responses.push(await get(server.app, null, '/v1/me'));
    }

    expect(responses.map((response) => response.statusCode)).toEqual([401, 401, 401, 429]);
  });

  it('limits failed attempts by address, however many tokens they try', async () => {
    const statuses = [];

    for (let attempt = 0; attempt < 4; attempt += 1) {
      const token = attempt % 2 === 0 ? newToken() : `guess-${attempt}`;
      const response = await server.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${token}` },
        remoteAddress: '203.0.113.7',
      });
      statuses.push(response.statusCode);
    }

    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('believes only the address its proxy adds, not those a client wrote before it', async () => {
    const proxied = await startTestApp({
      rateLimit: { max: 3, windowMs: 60_000 },
      trustProxy: true,
    });
    const statuses = [];

    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await proxied.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: {
          authorization: `Bearer ${newToken()}`,
          'x-forwarded-for': `10.9.0.${attempt}, 198.51.100.4`,
        },
        remoteAddress: '127.0.0.1',
      });
      statuses.push(response.statusCode);
    }
    await proxied.close();

    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('counts a revoked token against its address', async () => {
    const leaver = await addMember(server.db, ada.workspaceId);
    await revokeMember(server.db, leaver.memberId);
    const statuses = [];

    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await server.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${attempt < 2 ? leaver.token : newToken()}` },
        remoteAddress: '203.0.113.8',
      });
      statuses.push(response.statusCode);
    }

    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("keeps a member's limit apart from the failures of others at the same address", async () => {
    const grace = await addMember(server.db, ada.workspaceId);
    const from = (token: string) =>
      server.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${token}` },
        remoteAddress: '203.0.113.9',
      });

    for (let attempt = 0; attempt < 4; attempt += 1) await from(newToken());

    expect((await from(newToken())).statusCode).toBe(429);
    expect((await from(grace.token)).statusCode).toBe(200);
  });

  it('never limits the health check', async () => {
    const responses = [];

    for (let request = 0; request < 5; request += 1) {
      responses.push(await get(server.app, null, '/health'));
    }

    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
  });
});
