import { browser } from 'wxt/browser';
import { readPage } from '@/lib/sites/linkedin';
import { watchPage } from '@/lib/page-watcher';
import type { ToBackground } from '@/lib/messages';

// Reads only what the rep has on screen. It sends nothing to LinkedIn, adds nothing to the
// page and never opens the database: readings go to the background, which validates them.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, {
      read: () => readPage(document, location.href),
      publish: (reading) => {
        const message: ToBackground = { type: 'page/read', reading };
        // The worker may be restarting; the next DOM change sends a fresh reading anyway.
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
    });
  },
});
