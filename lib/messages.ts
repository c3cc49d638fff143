import { z } from 'zod';
import { PageReading } from './model/reading';

/**
 * Every message between Rapport's parts, named by direction. The receiver parses before it
 * acts; anything malformed gets a typed error answer and changes nothing.
 */

/** Content script → background: what the tab's page shows now. */
export const PageReadMessage = z.object({
  type: z.literal('page/read'),
  reading: PageReading,
});

/** Extension page → background: stored data changed, recompute the toolbar badge. */
export const DataChangedMessage = z.object({
  type: z.literal('data/changed'),
});

/** Options page → background: sync with the server now, even after it refused the token. */
export const SyncNowMessage = z.object({
  type: z.literal('sync/now'),
});

export const ToBackground = z.discriminatedUnion('type', [
  PageReadMessage,
  DataChangedMessage,
  SyncNowMessage,
]);
export type ToBackground = z.infer<typeof ToBackground>;

/**
 * Side panel → content script: put this text in the open thread's message box, because the rep
 * clicked Insert. The content script never sends it.
 */
export const InsertTextMessage = z.object({
  type: z.literal('compose/insert'),
  text: z.string().min(1).max(10_000),
});
export type InsertTextMessage = z.infer<typeof InsertTextMessage>;

/** The content script's answer to an insert request. */
export const InsertReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-message-box', 'malformed']) }),
]);
export type InsertReply = z.infer<typeof InsertReply>;

export const ErrorCode = z.enum(['malformed', 'no-tab', 'failed']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), code: ErrorCode, message: z.string() }),
]);
export type Reply = z.infer<typeof Reply>;

export function failure(code: ErrorCode, message: string): Reply {
  return { ok: false, code, message };
}

/** The session-storage key under which the background keeps a tab's latest reading. */
export function readingKey(tabId: number): `session:reading:${number}` {
  return `session:reading:${tabId}`;
}

export const StoredReading = z.object({
  tabId: z.number().int(),
  reading: PageReading,
  receivedAt: z.string(),
});
export type StoredReading = z.infer<typeof StoredReading>;
