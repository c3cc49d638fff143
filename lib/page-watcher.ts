import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageReading } from './model/reading';

/** Quiet time after the last DOM change before a page counts as settled. */
const SETTLE_MS = 250;
/** LinkedIn's pages never stop mutating entirely; read at least this often while they do. */
const MAX_WAIT_MS = 1_500;

export interface PageWatcherOptions {
  read: () => PageReading;
  publish: (reading: PageReading) => void;
}

/**
 * Reads the page when it loads, after each in-app navigation and whenever the DOM settles,
 * and publishes a reading only when it differs from the last one. Everything it starts hangs
 * off the content-script context, so it ends with the page or an extension update.
 */
export function watchPage(ctx: ContentScriptContext, options: PageWatcherOptions): void {
  let last = '';
  let timer: number | undefined;
  let firstChangeAt = 0;

  const readNow = (): void => {
    timer = undefined;
    firstChangeAt = 0;
    const reading = options.read();
    const serialised = JSON.stringify(reading, withoutClock);
    if (serialised === last) return;

    last = serialised;
    options.publish(reading);
  };

  const schedule = (): void => {
    const now = Date.now();
    firstChangeAt ||= now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.min(SETTLE_MS, MAX_WAIT_MS - (now - firstChangeAt));
    timer = ctx.setTimeout(readNow, Math.max(0, wait));
  };

  observeDom(ctx, schedule);
  // The navigate event fires before the URL commits: read on the next task.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(readNow, 0));
  readNow();
}

function observeDom(ctx: ContentScriptContext, onChange: () => void): void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  ctx.onInvalidated(() => observer.disconnect());
}

/**
 * A conversation reading carries the time it was read at, which differs on every read: left
 * out of the comparison, an unchanged thread is not sent to the background again and again.
 * Its messages' resolved times still change when the day does.
 */
function withoutClock(key: string, value: unknown): unknown {
  return key === 'now' ? undefined : value;
}
