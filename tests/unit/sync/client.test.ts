import { describe, expect, it } from 'vitest';
import { ServerConnection, SyncError, pull, push, whoAmI } from '@/lib/sync/client';
import type { Fetch } from '@/lib/sync/client';

const CONNECTION = ServerConnection.parse({
  url: 'https://rapport.example.test/',
  token: 'rp_0123456789abcdef',
});

function answering(status: number, body: unknown, seen: Request[] = []): Fetch {
  return (input, init) => {
    seen.push(new Request(input, init));

    return Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
    );
  };
}

async function failureOf(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.catch((e: unknown) => e);

  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

describe('the sync client', () => {
  it('drops the trailing slash of the address and sends the token as a bearer', async () => {
    const seen: Request[] = [];
    const me = { workspace: { id: 'w1', name: 'Acme' }, member: { id: 'm1', name: 'Noor' } };

    expect(await whoAmI(CONNECTION, answering(200, me, seen))).toEqual(me);
    expect(seen[0]?.url).toBe('https://rapport.example.test/v1/me');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer rp_0123456789abcdef');
  });

  it('asks for changes after its cursor', async () => {
    const seen: Request[] = [];
    const page = { changes: [], cursor: '42', more: false };

    expect(await pull(CONNECTION, '42', 100, answering(200, page, seen))).toEqual(page);
    expect(seen[0]?.url).toBe('https://rapport.example.test/v1/pull?after=42&limit=100');
  });

  it('tells a revoked token from an unknown one', async () => {
    const revoked = { error: { code: 'token-revoked', message: 'This token was revoked.' } };
    const unknown = { error: { code: 'unauthorized', message: 'Unknown token.' } };

    expect((await failureOf(whoAmI(CONNECTION, answering(401, revoked)))).failure).toBe(
      'token-revoked',
    );
    expect((await failureOf(whoAmI(CONNECTION, answering(401, unknown)))).failure).toBe(
      'unauthorized',
    );
  });

  it('counts a server that does not answer as unreachable', async () => {
    const offline: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));

    expect((await failureOf(push(CONNECTION, [], offline))).failure).toBe('unreachable');
  });

  it('refuses an answer that is not from a Rapport server', async () => {
    const html = answering(200, '<html>Welcome to nginx</html>');
    const proxyError = answering(502, '<html>Bad gateway</html>');

    expect((await failureOf(whoAmI(CONNECTION, html))).failure).toBe('bad-response');
    expect((await failureOf(whoAmI(CONNECTION, proxyError))).failure).toBe('bad-response');
  });

  it('accepts only web addresses and a whole token', () => {
    expect(
      ServerConnection.safeParse({ url: 'ftp://x.test', token: 'rp_0123456789' }).success,
    ).toBe(false);
    expect(ServerConnection.safeParse({ url: 'https://x.test', token: 'rp' }).success).toBe(false);
  });
});
