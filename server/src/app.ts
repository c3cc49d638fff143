import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import { authenticate, rateLimitKey } from './auth';
import type { RateLimit } from './config';
import type { Db } from './database/schema';
import {
  ApiError,
  BODY_LIMIT_BYTES,
  MAX_PARAM_LENGTH,
  answerBrokenRequest,
  toApiError,
} from './errors';
import type { Logger } from './logger';
import type { Deps } from './routes/deps';
import { entityRoutes } from './routes/entities';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { pullRoutes } from './routes/pull';
import { pushRoutes } from './routes/push';

export interface AppOptions {
  db: Db;
  logger: Logger;
  rateLimit: RateLimit;
  /** Honour X-Forwarded-For from a reverse proxy, for the client's address in logs and limits. */
  trustProxy?: boolean;
  now?: () => number;
}

/** The HTTP API, ready to `listen` or to `inject` requests into. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = options.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Only a proxy on this machine is believed: the address it adds to X-Forwarded-For is the
    // client's, and whatever the client wrote before it is not.
    trustProxy: options.trustProxy === true ? 'loopback' : false,
    // Requests that arrive while closing get the protocol's error shape from the hook below.
    return503OnClosing: false,
    routerOptions: {
      // The router measures a parameter once decoded. Entity ids run to 200 characters, past
      // the default of 100; the schema refuses longer ones with the protocol's message, and
      // only a part far over any id is left to the router's 414.
      maxParamLength: MAX_PARAM_LENGTH,
    },
    // URLs the router refuses before any route runs (a broken %-escape, a part over the length
    // above) are answered in the protocol's shape too.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const apiError = toApiError(error);

      return reply.code(apiError.statusCode).send(apiError.toResponse());
    },
    clientErrorHandler: answerBrokenRequest,
  });
  const deps: Deps = { db: options.db, now: options.now ?? Date.now };

  // The API speaks JSON only; anything else is refused before it reaches a handler.
  app.removeContentTypeParser('text/plain');

  handleErrors(app);
  refuseWhileClosing(app);

  await app.register(rateLimit, {
    max: options.rateLimit.max,
    timeWindow: options.rateLimit.windowMs,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate-limited', `Too many requests; try again in ${context.after}.`),
  });

  healthRoutes(app, deps);
  await app.register((v1) => apiRoutes(v1, deps), { prefix: '/v1' });

  return app;
}

async function apiRoutes(v1: FastifyInstance, deps: Deps): Promise<void> {
  v1.decorateRequest('caller', null);
  v1.decorateRequest('refusal', null);

  // Before the rate limit (a route's own onRequest hook, which runs after this one), so that it
  // can limit each member on their own and everyone else by address.
  v1.addHook('onRequest', async (request) => {
    const result = await authenticate(deps.db, request);

    if (result instanceof ApiError) request.refusal = result;
    else request.caller = result;
  });

  // Once the rate limit has counted the request and before the body is read, so neither a
  // flood of bad tokens nor a large body from a stranger costs more than a lookup.
  v1.addHook('preParsing', async (request, _reply, payload) => {
    if (request.refusal !== null) throw request.refusal;

    return payload;
  });

  meRoutes(v1);
  pushRoutes(v1, deps);
  pullRoutes(v1, deps);
  entityRoutes(v1, deps);
}

function handleErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error);

    if (apiError.statusCode >= 500) request.log.error({ err: error }, 'request failed');

    if (apiError.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="rapport"');

    return reply.code(apiError.statusCode).send(apiError.toResponse());
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const notFound = new ApiError(404, 'not-found', `No such endpoint: ${request.method} ${path}.`);

    return reply.code(404).send(notFound.toResponse());
  });
}

/**
 * Once shutdown starts, new requests on open connections are told to come back later, and every
 * answer closes its connection: a kept-alive connection would hold the shutdown up.
 */
function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;

  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onRequest', async () => {
    if (closing)
      throw new ApiError(503, 'unavailable', 'The server is shutting down; try again soon.');
  });

  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}
