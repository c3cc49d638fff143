import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from './database/schema';
import { ApiError } from './errors';
import { TOKEN_PATTERN } from './tokens';
import { findTokenOwner } from './workspaces';

/** The member a request comes from, and the workspace that every query of it is scoped to. */
export interface Caller {
  workspace: { id: string; name: string };
  member: { id: string; name: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent a /v1 request; null when its token is missing, unknown or revoked. */
    caller: Caller | null;
    /** Why the token was refused: answered once the rate limit has counted the request. */
    refusal: ApiError | null;
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

/**
 * Who sent the request, or the error that refuses it; throws only when the database does.
 * The refusal is returned rather than thrown so the rate limit can count it first.
 */
export async function authenticate(db: Db, request: FastifyRequest): Promise<Caller | ApiError> {
  const headers = BearerHeaders.safeParse(request.headers);

  if (!headers.success) return MISSING;

  const token = headers.data.authorization;

  // A string that cannot be a token is not worth a database round trip.
  if (!TOKEN_PATTERN.test(token)) return UNKNOWN;

  const owner = await findTokenOwner(db, token);

  if (owner === null) return UNKNOWN;
  if (owner.revoked) return REVOKED;

  return { workspace: owner.workspace, member: owner.member };
}

/** Set by the /v1 routes' hook before any handler runs. */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw new Error('A /v1 route ran without authentication.');

  return request.caller;
}

/**
 * One rate limit per member; every other request (no token, or one unknown or revoked) shares
 * its address's limit. Keying a refused token by the token itself would give a stranger trying
 * one made-up token after another a fresh limit each time.
 */
export function rateLimitKey(request: FastifyRequest): string {
  // Not decorated outside /v1, where no route is limited by member.
  const caller = request.caller ?? null;

  return caller === null ? `ip:${request.ip}` : `member:${caller.member.id}`;
}
