import { browser, type Browser } from 'wxt/browser';
import { createLogger } from '@/lib/logger';
import { ToBackground, failure, type Reply } from '@/lib/messages';
import { saveTabReading, forgetTab, getTabReading, listReadingTabs } from '@/lib/tab-readings';
import { showOverdueBadge, showTabBadge } from '@/lib/badge';
import { recordDiagnostics } from '@/lib/diagnostics';
import { getSettings } from '@/lib/settings';
import type { PageReading } from '@/lib/model/reading';
import { openRapportDB, type RapportDB } from '@/lib/storage/db';

const log = createLogger('background');
const BADGE_ALARM = 'refresh-badge';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => handle(raw, sender));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document is loading: the old reading no longer describes the tab.
    if (change.status === 'loading' && change.url) void forgetTab(tabId);
  });

  browser.alarms.create(BADGE_ALARM, { periodInMinutes: 30 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void refreshBadges();
  });
  void refreshBadges();
});

let dbPromise: Promise<RapportDB> | null = null;

/** Opened lazily and reopened after a failure: the worker may restart at any time. */
function database(): Promise<RapportDB> {
  dbPromise ??= openRapportDB().catch((error: unknown) => {
    dbPromise = null;
    throw error;
  });
  return dbPromise;
}

async function handle(raw: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> {
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) {
    log.warn(`dropped a malformed message: ${parsed.error.issues[0]?.message ?? ''}`);
    return failure('malformed', parsed.error.message);
  }

  try {
    if (parsed.data.type === 'data/changed') await refreshBadges();
    else await onPageRead(parsed.data.reading, sender);
    return { ok: true };
  } catch (error) {
    log.error('message failed', error);
    return failure('failed', error instanceof Error ? error.message : String(error));
  }
}

async function onPageRead(
  reading: PageReading,
  sender: Browser.runtime.MessageSender,
): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('page readings come only from tabs');

  await saveTabReading(tabId, reading);
  await showTabBadge(await database(), tabId, reading);
  if ((await getSettings()).diagnostics) await recordDiagnostics(reading.url, reading.diagnostics);
}

async function refreshBadges(): Promise<void> {
  const db = await database();
  await showOverdueBadge(db);

  for (const tabId of await listReadingTabs()) {
    const stored = await getTabReading(tabId);
    if (stored) await showTabBadge(db, tabId, stored.reading).catch(() => forgetTab(tabId));
  }
}
