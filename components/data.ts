import { browser } from 'wxt/browser';
import { openRapportDB, type RapportDB } from '@/lib/storage/db';
import type { ToBackground } from '@/lib/messages';

let dbPromise: Promise<RapportDB> | null = null;

/** The extension pages share one connection each; a failed open is retried next time. */
export function database(): Promise<RapportDB> {
  dbPromise ??= openRapportDB().catch((error: unknown) => {
    dbPromise = null;
    throw error;
  });
  return dbPromise;
}

/** Tells the background that stored data changed, so the toolbar badge follows. */
export function announceChange(): void {
  const message: ToBackground = { type: 'data/changed' };
  browser.runtime.sendMessage(message).catch(() => undefined);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
