import type { FastifyInstance } from 'fastify';
import { MAX_DRIFT_MS, parseHlc } from '../../../lib/sync/hlc';
import { PushRequest } from '../../../lib/sync/protocol';
import type { Change, PushResponse } from '../../../lib/sync/protocol';
import { callerOf } from '../auth';
import { pushChanges } from '../changes';
import { ApiError } from '../errors';
import { findUnstorableText, parseRequest } from '../validation';
import type { Deps } from './deps';

/** `POST /v1/push`: all of the changes are stored, or (on any error) none. */
export function pushRoutes(app: FastifyInstance, { db, now }: Deps): void {
  app.post('/push', async (request): Promise<PushResponse> => {
    const { changes } = parseRequest(PushRequest, request.body, 'body');

    assertStorable(changes);
    assertNotAhead(changes, now());

    const { workspace, member } = callerOf(request);
    const pusher = { workspaceId: workspace.id, memberId: member.id };
    const result = await pushChanges(db, pusher, changes);

    request.log.info({ workspace: workspace.id, ...result }, 'push');

    return result;
  });
}

function assertStorable(changes: readonly Change[]): void {
  const path = findUnstorableText(changes);

  if (path === null) return;

  throw new ApiError(
    400,
    'bad-request',
    `Invalid body: changes.${path} holds a NUL character or broken Unicode.`,
  );
}

/**
 * A clock far ahead would sort every later change on every device behind this one, so the
 * whole push is refused and the device is told to fix its date and time.
 */
function assertNotAhead(changes: readonly Change[], nowMs: number): void {
  const ahead = changes.find((change) => parseHlc(change.hlc).wall > nowMs + MAX_DRIFT_MS);

  if (ahead === undefined) return;

  throw new ApiError(
    400,
    'clock-ahead',
    `Change ${ahead.id} is dated more than a day ahead of the server's clock; ` +
      `check the device's date and time.`,
  );
}
