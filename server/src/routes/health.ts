import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ApiError } from '../errors';
import type { Deps } from './deps';

/** `GET /health`, for load balancers and uptime checks: no token, and no rate limit. */
export function healthRoutes(app: FastifyInstance, { db }: Deps): void {
  app.get('/health', { config: { rateLimit: false } }, async (request) => {
    try {
      await sql`select 1`.execute(db);
    } catch (error) {
      request.log.warn({ err: error }, 'database check failed');

      throw new ApiError(503, 'unavailable', 'The database is unavailable.');
    }

    return { status: 'ok' };
  });
}
