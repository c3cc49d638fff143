import type { FastifyInstance } from 'fastify';
import { PullQuery } from '../../../lib/sync/protocol';
import type { PullResponse } from '../../../lib/sync/protocol';
import { callerOf } from '../auth';
import { lastSeq, pullChanges } from '../changes';
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

function isDigits(text: string): boolean {
  return /^\d+$/.test(text);
}

/** `GET /v1/pull?after=<cursor>&limit=<n>` */
export function pullRoutes(app: FastifyInstance, { db }: Deps): void {
  app.get('/pull', async (request): Promise<PullResponse> => {
    const { after, limit } = parseRequest(ServerPullQuery, request.query, 'query');
    const { workspace } = callerOf(request);
    const page = await pullChanges(db, workspace.id, after, limit);

    // Nothing after the cursor may mean the cursor is from data this server no longer has.
    if (page.changes.length === 0 && BigInt(after) > BigInt(await lastSeq(db, workspace.id))) {
      throw new ApiError(
        409,
        'cursor-ahead',
        'This device has read further than the server holds: its data was restored from an ' +
          'older copy. The device joins again.',
      );
    }

    return page;
  });
}
