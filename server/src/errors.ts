import type { Socket } from 'node:net';
import type { ErrorCode, ErrorResponse } from '../../lib/sync/protocol';

/**
 * Every error the server answers with, in the protocol's shape. Anything that is not one of
 * these (a bug, a driver error) becomes a 500 with a fixed message: the details go to the log,
 * never to the client.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  toResponse(): ErrorResponse {
    return { error: { code: this.code, message: this.message } };
  }
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The longest a part of a URL may be, decoded: room to spare over a 200-character id. */
export const MAX_PARAM_LENGTH = 1000;

const UNAVAILABLE = new ApiError(
  503,
  'unavailable',
  'The database is unavailable; try again soon.',
);
const INTERNAL = new ApiError(500, 'internal', 'Something went wrong on the server.');
const NOT_JSON = new ApiError(400, 'bad-request', 'Send the body as application/json.');
const TOO_LARGE = new ApiError(
  413,
  'too-large',
  'The body is over 1 MiB; push the changes in smaller batches.',
);
const BAD_URL = new ApiError(400, 'bad-request', 'The URL has a broken %-escape.');
const URL_TOO_LONG = new ApiError(
  414,
  'bad-request',
  `A part of the URL is over ${MAX_PARAM_LENGTH} characters; an entity id is at most 200.`,
);

/** The client-facing error for anything thrown while handling a request. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isUnavailable(error)) return UNAVAILABLE;
  if (typeof error !== 'object' || error === null) return INTERNAL;

  const { code, statusCode, message } = error as Partial<Record<string, unknown>>;

  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return TOO_LARGE;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return NOT_JSON;
  if (code === 'FST_ERR_BAD_URL') return BAD_URL;
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return URL_TOO_LONG;

  // Fastify's own 4xx errors (bad JSON, wrong content type) say only what was wrong with the
  // request, so their messages are safe to pass on.
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new ApiError(400, 'bad-request', typeof message === 'string' ? message : 'Bad request.');
  }

  return INTERNAL;
}

/** Codes node-postgres and PostgreSQL give when the database cannot be reached or is stopping. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /driver has already been destroyed/i,
  /pglite is closed/i,
];

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;

  const code = (error as { code?: unknown }).code;

  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) {
    return true;
  }

  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message))) return true;

  // pg's connection errors can arrive wrapped (AggregateError for a host with several addresses).
  return error instanceof AggregateError && error.errors.some(isUnavailable);
}

/**
 * Answers a request Node's HTTP parser refused before any route saw it (headers too large,
 * not HTTP at all) in the protocol's shape too, then closes the connection, as it cannot be
 * read any further.
 */
export function answerBrokenRequest(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;

  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const message = tooLarge ? 'The request headers are too large.' : 'This is not an HTTP request.';
  const body = JSON.stringify(new ApiError(400, 'bad-request', message).toResponse());

  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
