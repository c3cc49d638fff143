import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from './database/schema';
import { ApiError } from './errors';
import { TOKEN_PATTERN, hashToken } from './tokens';
import { findTokenOwner } from './workspaces';

/** The member a request comes from, and the workspace that every query of it is scoped to. */
export interface Caller {
  workspace: { id: string; name: string };
  member: { id: string; name: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

const BearerHeaders = z.object({
  authorization: z
    .string()
    .regex(/^Bearer +\S+$/i)
    .transform((value) => value.replace(/^Bearer +/i, '')),
});

const MISSING = new ApiError(
  401,
  'unauthorized',
  'Send your member token as "Authorization: Bearer <token>".',
);
const UNKNOWN = new ApiError(401, 'unauthorized', 'This token is not known to the server.');
const REVOKED = new ApiError(
  401,
  'token-revoked',
  'This token was revoked; ask your workspace admin for a new one.',
);

export async function authenticate(db: Db, request: FastifyRequest): Promise<Caller> {
  const token = bearerToken(request);

  // A string that cannot be a token is not worth a database round trip.
  if (!TOKEN_PATTERN.test(token)) throw UNKNOWN;

  const owner = await findTokenOwner(db, token);

  if (owner === null) throw UNKNOWN;
  if (owner.revoked) throw REVOKED;

  return { workspace: owner.workspace, member: owner.member };
}

/** Set by the /v1 routes' hook before any handler runs. */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw new Error('A /v1 route ran without authentication.');

  return request.caller;
}

/** One rate limit per token; requests without one share a limit per address. */
export function rateLimitKey(request: FastifyRequest): string {
  const headers = BearerHeaders.safeParse(request.headers);

  // Hashed, so the limiter's memory never holds a working token.
  return headers.success ? `token:${hashToken(headers.data.authorization)}` : `ip:${request.ip}`;
}

function bearerToken(request: FastifyRequest): string {
  const headers = BearerHeaders.safeParse(request.headers);

  if (!headers.success) throw MISSING;

  return headers.data.authorization;
}
