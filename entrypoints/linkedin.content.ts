import { browser } from 'wxt/browser';
import { insertIntoMessageBox, readPage } from '@/lib/sites/linkedin';
import { pageClock } from '@/lib/page-clock';
import { watchPage } from '@/lib/page-watcher';
import type { InsertReply, InsertTextMessage, ToBackground } from '@/lib/messages';

// Reads only what the rep has on screen. It sends nothing to LinkedIn and never opens the
// database: readings go to the background, which validates them. It writes to the page only
// when the rep clicks Insert in the side panel, and then only into the message box.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const clock = await pageClock();

    watchPage(ctx, {
      read: () => readPage(document, location.href, clock()),
      publish: (reading) => {
        const message: ToBackground = { type: 'page/read', reading };
        // The worker may be restarting; the next DOM change sends a fresh reading anyway.
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
    });

    const onMessage = (raw: unknown, sender: { id?: string }): Promise<InsertReply> | undefined => {
      if (sender.id !== browser.runtime.id || !isInsertRequest(raw)) return undefined;

      return Promise.resolve(insertIntoMessageBox(document, raw.text));
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});

/** The panel validated it already; this only keeps other messages out, without zod's weight. */
function isInsertRequest(raw: unknown): raw is InsertTextMessage {
  if (typeof raw !== 'object' || raw === null) return false;

  const message = raw as Partial<InsertTextMessage>;
  return message.type === 'compose/insert' && typeof message.text === 'string';
}
