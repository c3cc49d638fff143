import { z } from 'zod';
import {
  ErrorResponse,
  MeResponse,
  PullResponse,
  PushResponse,
  START_CURSOR,
  type Change,
  type Cursor,
} from './protocol';

/** Where the rep's Rapport server is and the token an admin gave them for it. */
export const ServerConnection = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'Enter the server address, starting with https://' })
    .transform((url) => url.replace(/\/+$/, '')),
  token: z.string().trim().min(8, 'Paste the whole token the admin gave you.').max(500),
  /** The workspace the token belongs to, once the server has said. */
  workspaceId: z.string().optional(),
});
export type ServerConnection = z.infer<typeof ServerConnection>;

/**
 * What can go wrong talking to the server, in words the options page can act on:
 * - `unreachable`: no answer (offline, wrong address, server down); changes wait and are sent
 *   later;
 * - `unauthorized` / `token-revoked`: the token is wrong or was taken back; syncing stops until
 *   the rep enters a new one;
 * - `refused`: the server found the request itself wrong, so sending it again cannot help;
 * - `rate-limited`, `clock-ahead`, `server`: the server answered with an error;
 * - `bad-response`: something answered that is not a Rapport server.
 */
export const SYNC_FAILURES = [
  'unreachable',
  'unauthorized',
  'token-revoked',
  'rate-limited',
  'clock-ahead',
  'cursor-ahead',
  'refused',
  'server',
  'bad-response',
] as const;
export type SyncFailure = (typeof SYNC_FAILURES)[number];

export class SyncError extends Error {
  constructor(
    readonly failure: SyncFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export type Fetch = typeof fetch;

/** How long one request may take before the server counts as unreachable. */
const TIMEOUT_MS = 20_000;

export function whoAmI(connection: ServerConnection, fetchFn: Fetch = fetch): Promise<MeResponse> {
  return request(connection, '/v1/me', { method: 'GET' }, MeResponse, fetchFn);
}

export function push(
  connection: ServerConnection,
  changes: readonly Change[],
  fetchFn: Fetch = fetch,
): Promise<PushResponse> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ changes }),
  };

  return request(connection, '/v1/push', init, PushResponse, fetchFn);
}

export function pull(
  connection: ServerConnection,
  after: Cursor = START_CURSOR,
  limit?: number,
  fetchFn: Fetch = fetch,
  seen?: string,
): Promise<PullResponse> {
  const query = new URLSearchParams({
    after,
    ...(seen && { seen }),
    ...(limit && { limit: String(limit) }),
  });

  return request(connection, `/v1/pull?${query}`, { method: 'GET' }, PullResponse, fetchFn);
}

async function request<S extends z.ZodType>(
  connection: ServerConnection,
  path: string,
  init: RequestInit,
  schema: S,
  fetchFn: Fetch,
): Promise<z.infer<S>> {
  const headers = { ...init.headers, authorization: `Bearer ${connection.token}` };
  let response: Response;

  try {
    const signal = AbortSignal.timeout(TIMEOUT_MS);
    response = await fetchFn(`${connection.url}${path}`, { ...init, headers, signal });
  } catch (error) {
    throw new SyncError('unreachable', `The server did not answer: ${describe(error)}`);
  }

  const body = await response.json().catch(() => undefined);

  if (!response.ok) throw failureOf(response.status, body);

  const parsed = schema.safeParse(body);

  if (!parsed.success) throw new SyncError('bad-response', 'The server is not a Rapport server.');

  return parsed.data;
}

function failureOf(status: number, body: unknown): SyncError {
  const parsed = ErrorResponse.safeParse(body);

  if (!parsed.success) {
    return new SyncError('bad-response', `The server answered ${status}, not as Rapport does.`);
  }

  const { code, message } = parsed.data.error;

  switch (code) {
    case 'unauthorized':
    case 'token-revoked':
    case 'rate-limited':
    case 'clock-ahead':
    case 'cursor-ahead':
      return new SyncError(code, message);
    case 'bad-request':
      return new SyncError('refused', message);
    default:
      return new SyncError('server', message);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
