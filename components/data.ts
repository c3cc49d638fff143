import { browser } from 'wxt/browser';
import { openRapportDB, type RapportDB } from '@/lib/storage/db';
import type { ToBackground } from '@/lib/messages';
import { DATA_CHANNEL } from '@/lib/data-channel';

let dbPromise: Promise<RapportDB> | null = null;

/** The extension pages share one connection each; a failed open is retried next time. */
export function database(): Promise<RapportDB> {
  dbPromise ??= openRapportDB().catch((error: unknown) => {
    dbPromise = null;
    throw error;
  });
  return dbPromise;
}

/** Tells apart this page's own announcements from other pages'. */
const PAGE_ID = crypto.randomUUID();

/**
 * Tells the background that stored data changed, so the toolbar badge follows, and every other
 * open Rapport page, so none keeps showing what was deleted or replaced.
 */
export function announceChange(): void {
  const message: ToBackground = { type: 'data/changed' };
  browser.runtime.sendMessage(message).catch(() => undefined);

  const channel = new BroadcastChannel(DATA_CHANNEL);
  channel.postMessage(PAGE_ID);
  channel.close();
}

/** Calls `reload` whenever another Rapport page changed stored data; returns the unsubscribe. */
export function onDataChanged(reload: () => void): () => void {
  const channel = new BroadcastChannel(DATA_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (event.data !== PAGE_ID) reload();
  };

  return () => channel.close();
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
