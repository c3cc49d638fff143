import type { FastifyInstance } from 'fastify';
import { PullQuery } from '../../../lib/sync/protocol';
import type { PullResponse } from '../../../lib/sync/protocol';
import { callerOf } from '../auth';
import { changeIdAt, lastSeq, pullChanges } from '../changes';
import { ApiError } from '../errors';
import { parseRequest } from '../validation';
import type { Deps } from './deps';

/** The largest sequence number PostgreSQL's bigint holds: a larger cursor was never given out. */
const MAX_CURSOR = 2n ** 63n - 1n;

// Zod runs this even when the cursor already failed its pattern, so it checks digits first.
const ServerPullQuery = PullQuery.refine(
  ({ after }) => !isDigits(after) || BigInt(after) <= MAX_CURSOR,
  {
    message: 'A cursor is what the server returned.',
    path: ['after'],
  },
);

const CURSOR_AHEAD = new ApiError(
  409,
  'cursor-ahead',
  'This device has read changes the server no longer holds: its data was restored from an ' +
    'older copy. The device joins again.',
);

function isDigits(text: string): boolean {
  return /^\d+$/.test(text);
}

/** `GET /v1/pull?after=<cursor>&limit=<n>` */
export function pullRoutes(app: FastifyInstance, { db }: Deps): void {
  app.get('/pull', async (request): Promise<PullResponse> => {
    const { after, seen, limit } = parseRequest(ServerPullQuery, request.query, 'query');
    const { workspace } = callerOf(request);

    // The change at the cursor is not the one the device read there: this server's data was
    // restored from an older copy and has numbered other changes the same since.
    if (seen !== undefined && (await changeIdAt(db, workspace.id, after)) !== seen) {
      throw CURSOR_AHEAD;
    }

    const page = await pullChanges(db, workspace.id, after, limit);

    // A cursor given without `seen` (a device that has read nothing yet, or an older one) is
    // checked against the last change instead, only when nothing follows it.
    if (seen === undefined && page.changes.length === 0) {
      if (BigInt(after) > BigInt(await lastSeq(db, workspace.id))) throw CURSOR_AHEAD;
    }

    return page;
  });
}
