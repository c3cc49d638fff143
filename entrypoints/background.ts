import { browser } from 'wxt/browser';
import { handleMessage, refreshBadges } from '@/lib/inbox';
import { startReminders } from '@/lib/reminder-service';
import { startSyncAlarm } from '@/lib/sync-service';
import { forgetTab, forgetUnlessAt } from '@/lib/tab-readings';
import { openRapportDB, type RapportDB } from '@/lib/storage/db';

const BADGE_ALARM = 'refresh-badge';

// Everything is registered synchronously at start-up: the worker may be stopped at any moment
// and is woken again by the next event, which must find its listener in place.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => handleMessage(raw, sender, database));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetUnlessAt(tabId, change.url);
  });

  browser.alarms.create(BADGE_ALARM, { periodInMinutes: 30 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void database().then(refreshBadges);
  });
  void database().then(refreshBadges);

  startReminders(database);
  startSyncAlarm(database, refreshBadges);
});

let dbPromise: Promise<RapportDB> | null = null;

/** Opened lazily and reopened after a failure. */
function database(): Promise<RapportDB> {
  dbPromise ??= openRapportDB().catch((error: unknown) => {
    dbPromise = null;
    throw error;
  });
  return dbPromise;
}
