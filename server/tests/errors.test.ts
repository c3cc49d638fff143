import { connect } from 'node:net';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { openPostgres } from '../src/database/connect';
import { silentLogger } from '../src/logger';
import { addMember, get, push, setContact, startTestApp } from './test-app';

const rateLimit = { max: 100, windowMs: 60_000 };

describe('errors', () => {
  it('answers 404 not-found for an endpoint that does not exist', async () => {
    const server = await startTestApp();

    const response = await get(server.app, null, '/v2/pull?after=0');

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not-found', message: 'No such endpoint: GET /v2/pull.' },
    });
    await server.close();
  });

  it('answers 503 unavailable, on health and the API, while the database is down', async () => {
    const server = await startTestApp();
    const ada = await addMember(server.db);
    await server.close();

    const down = await buildApp({ db: server.db, logger: silentLogger(), rateLimit });
    const health = await get(down, null, '/health');
    const me = await get(down, ada, '/v1/me');

    expect([health.statusCode, me.statusCode]).toEqual([503, 503]);
    expect(health.json().error.code).toBe('unavailable');
    expect(me.json()).toEqual({
      error: { code: 'unavailable', message: 'The database is unavailable; try again soon.' },
    });
    await down.close();
  });

  it('answers 503 when PostgreSQL cannot be reached at all', async () => {
    const unreachable = openPostgres('postgres://rapport@127.0.0.1:9/rapport', silentLogger());
    const app = await buildApp({ db: unreachable.db, logger: silentLogger(), rateLimit });

    const health = await get(app, null, '/health');
    const me = await get(
      app,
      { workspaceId: '', memberId: '', token: `rp_${'a'.repeat(43)}` },
      '/v1/me',
    );

    expect([health.statusCode, me.statusCode]).toEqual([503, 503]);
    await app.close();
    await unreachable.close();
  });

  it('answers 500 internal without saying what broke', async () => {
    const server = await startTestApp();
    const ada = await addMember(server.db);
    await sql`drop table entities`.execute(server.db);

    const response = await push(server.app, ada, [setContact('change-0001', 'ada', {})]);

    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on the server.' },
    });
    await server.close();
  });
});

describe('requests Node cannot even parse', () => {
  /** Sends raw bytes to a listening server and reads everything it answers. */
  async function raw(text: string): Promise<string> {
    const server = await startTestApp();
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);

    try {
      return await new Promise<string>((resolve, reject) => {
        let answer = '';
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    } finally {
      await server.close();
    }
  }

  function bodyOf(answer: string): unknown {
    return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
  }

  it('answers what is not HTTP with 400 in the protocol shape', async () => {
    const answer = await raw('HELLO THERE\r\n\r\n');

    expect(answer.startsWith('HTTP/1.1 400 ')).toBe(true);
    expect(bodyOf(answer)).toEqual({
      error: { code: 'bad-request', message: 'This is not an HTTP request.' },
    });
  });

  it('answers headers over the limit with 431 in the protocol shape', async () => {
    const answer = await raw(`GET /health HTTP/1.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);

    expect(answer.startsWith('HTTP/1.1 431 ')).toBe(true);
    expect(bodyOf(answer)).toMatchObject({ error: { code: 'bad-request' } });
  });
});
