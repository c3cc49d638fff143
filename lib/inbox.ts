import type { Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { createLogger } from './logger';
import { ToBackground, failure, type Reply } from './messages';
import type { PageReading } from './model/reading';
import { saveTabReading, forgetTab, getTabReading, listReadingTabs } from './tab-readings';
import { showOverdueBadge, showTabBadge } from './badge';
import { recordDiagnostics } from './diagnostics';
import { getSettings } from './settings';
import type { RapportDB } from './storage/db';
import { logThread } from './storage/conversations';
import { noteProfileReading, type FollowUpWords } from './storage/job-changes';
import { todayIn } from './dates';
import { announceToPages } from './data-channel';
import { syncNow } from './sync-service';

const log = createLogger('background');

/**
 * The background's receiving end: every message is parsed before anything happens, and a
 * malformed one gets a typed error answer and changes nothing.
 */
export async function handleMessage(
  raw: unknown,
  sender: Browser.runtime.MessageSender,
  database: () => Promise<RapportDB>,
): Promise<Reply> {
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) {
    log.warn(`dropped a malformed message: ${parsed.error.issues[0]?.message ?? ''}`);
    return failure('malformed', parsed.error.message);
  }

  try {
    const db = await database();

    if (parsed.data.type === 'data/changed') {
      await refreshBadges(db);
      // The change goes to the other devices at once; the reply does not wait for the server.
      void syncNow(db, { onApplied: refreshBadges });
    } else if (parsed.data.type === 'sync/now') {
      await syncNow(db, { force: true, onApplied: refreshBadges });
    } else {
      await onPageRead(parsed.data.reading, sender, db);
    }

    return { ok: true };
  } catch (error) {
    log.error('message failed', error);
    return failure('failed', error instanceof Error ? error.message : String(error));
  }
}

async function onPageRead(
  reading: PageReading,
  sender: Browser.runtime.MessageSender,
  db: RapportDB,
): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('page readings come only from tabs');

  await saveTabReading(tabId, reading);
  await showTabBadge(db, tabId, reading);

  const settings = await getSettings();
  if (settings.diagnostics) await recordDiagnostics(reading.url, reading.diagnostics);
  if (settings.autoLogConversations) await autoLog(db, reading);

  await noteJobChanges(db, reading);
}

/** Follow-ups are stored as next steps, in the language of the rep's browser. */
function followUpWords(): FollowUpWords {
  return {
    congratulate: i18n.t('history.congratulate'),
    findReplacement: (company) =>
      company === null
        ? i18n.t('history.findReplacementUnknown')
        : i18n.t('history.findReplacement', [company]),
  };
}

/**
 * A saved contact's profile was read: keep what it said and when, and record what changed
 * since last time. The panel may have reloaded the contact before this was written, so open
 * pages are told when there is something new to show.
 */
async function noteJobChanges(db: RapportDB, reading: PageReading): Promise<void> {
  if (reading.kind !== 'profile') return;

  const now = new Date();
  const seen = { url: reading.url, profile: reading.profile, today: todayIn(undefined, now), now };
  const outcome = await noteProfileReading(db, seen, followUpWords());
  if (!outcome || outcome.changes.length === 0) return;

  log.info(`recorded ${outcome.changes.length} changed fields of a saved contact`);
  announceToPages('background');
}

/**
 * With the option on, an open thread with a saved contact is logged as it is read; refs make
 * every later reading of the same thread add only its new messages.
 */
async function autoLog(db: RapportDB, reading: PageReading): Promise<void> {
  if (reading.kind !== 'conversation') return;

  const { threadId } = reading.conversation;
  if (threadId === null) return;

  const logged = await logThread(db, { ...reading.conversation, threadId });
  if (logged.added > 0) log.info(`logged ${logged.added} new messages of a conversation`);
}

/** The overdue count, and on every tab with a reading whether its person is saved. */
export async function refreshBadges(db: RapportDB): Promise<void> {
  await showOverdueBadge(db);

  for (const tabId of await listReadingTabs()) {
    const stored = await getTabReading(tabId);
    if (stored) await showTabBadge(db, tabId, stored.reading).catch(() => forgetTab(tabId));
  }
}
