import type { FastifyInstance } from 'fastify';
import type { MeResponse } from '../../../lib/sync/protocol';
import { callerOf } from '../auth';

/** `GET /v1/me`: lets a device check its token and show where it syncs to. */
export function meRoutes(app: FastifyInstance): void {
  app.get('/me', async (request): Promise<MeResponse> => {
    const { workspace, member } = callerOf(request);

    return { workspace, member };
  });
}
