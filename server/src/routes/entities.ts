import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EntityState } from '../../../lib/sync/merge';
import { EntityId, EntityKind } from '../../../lib/sync/protocol';
import { callerOf } from '../auth';
import { findEntity } from '../entities';
import { ApiError } from '../errors';
import { isStorableText, parseRequest } from '../validation';
import type { Deps } from './deps';

const EntityParams = z.object({ kind: EntityKind, id: EntityId });

/** `GET /v1/entities/:kind/:id`: one entity's state, merged from every change pushed so far. */
export function entityRoutes(app: FastifyInstance, { db }: Deps): void {
  app.get('/entities/:kind/:id', async (request): Promise<EntityState> => {
    const { kind, id } = parseRequest(EntityParams, request.params, 'params');
    const { workspace } = callerOf(request);
    // No entity could be stored under an id PostgreSQL cannot hold.
    const state = isStorableText(id) ? await findEntity(db, workspace.id, kind, id) : null;

    if (state === null) {
      throw new ApiError(404, 'not-found', `This workspace has no ${kind} with that id.`);
    }

    return state;
  });
}
