import { browser } from 'wxt/browser';

/** The storage key through which browser tests pin the content script's clock. */
export const PINNED_CLOCK_KEY = 'e2e:now';

/**
 * The clock the content script reads relative message times with. Browser tests build the
 * extension in `e2e` mode and pin it to a fixture's date through extension storage, because
 * a test's fake clock reaches only the page's own world, never the content script's isolated
 * one. Other builds leave this branch out and always use the real clock.
 */
export async function pageClock(): Promise<() => Date> {
  if (import.meta.env.MODE !== 'e2e') return () => new Date();

  const stored = await browser.storage.local.get(PINNED_CLOCK_KEY);
  const pinned = stored[PINNED_CLOCK_KEY];

  return typeof pinned === 'string' ? () => new Date(pinned) : () => new Date();
}
