import { storage } from 'wxt/utils/storage';
import { StoredReading, readingKey } from './messages';
import type { PageReading } from './model/reading';

/**
 * The latest reading of each tab lives in session storage, not in the service worker's memory:
 * the worker may be stopped at any moment, and the side panel reads it from there too.
 */
export async function saveTabReading(tabId: number, reading: PageReading): Promise<void> {
  const stored: StoredReading = { tabId, reading, receivedAt: new Date().toISOString() };
  await storage.setItem(readingKey(tabId), stored);
}

export async function getTabReading(tabId: number): Promise<StoredReading | null> {
  const parsed = StoredReading.safeParse(await storage.getItem(readingKey(tabId)));
  return parsed.success ? parsed.data : null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await storage.removeItem(readingKey(tabId));
}

/**
 * A tab started loading: its reading no longer holds unless it already describes the new URL
 * (the content script can be quicker than the browser's own "loading" event). The URL is known
 * only on LinkedIn, where Rapport has host access; elsewhere the reading always goes.
 */
export async function forgetUnlessAt(tabId: number, url: string | undefined): Promise<void> {
  const stored = await getTabReading(tabId);
  if (stored && url !== undefined && stored.reading.url === url) return;

  await forgetTab(tabId);
}

export function watchTabReading(
  tabId: number,
  callback: (stored: StoredReading | null) => void,
): () => void {
  return storage.watch(readingKey(tabId), (value) => {
    const parsed = StoredReading.safeParse(value);
    callback(parsed.success ? parsed.data : null);
  });
}

/** Every tab that has a reading, for refreshing badges after stored data changed. */
export async function listReadingTabs(): Promise<number[]> {
  const all = await storage.snapshot('session');
  return Object.keys(all)
    .filter((key) => key.startsWith('reading:'))
    .map((key) => Number(key.slice('reading:'.length)))
    .filter(Number.isInteger);
}
