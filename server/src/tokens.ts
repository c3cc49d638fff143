import { createHash, randomBytes } from 'node:crypto';

/**
 * A member's token is 32 random bytes: too many to guess, so it can be looked up by its hash
 * directly, and a leaked database holds no token that works.
 *
 * @example
 * newToken() // 'rp_3q2-…' (46 characters)
 */
export const TOKEN_PATTERN = /^rp_[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return `rp_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** An id that says what it names: `ws_…` for a workspace, `mb_…` for a member. */
export function newId(prefix: 'ws' | 'mb'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
