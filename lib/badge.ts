import { browser } from 'wxt/browser';
import { createLogger } from './logger';
import { getContactByKey } from './storage/contacts';
import { countOverdue } from './storage/due';
import { countKeepInTouch } from './storage/keep-in-touch';
import type { RapportDB } from './storage/db';
import { todayIn } from './dates';
import type { PageReading } from './model/reading';

const log = createLogger('badge');

const SAVED = { text: '✓', color: '#1f7a4d' };
const NOT_SAVED = { text: '+', color: '#6b7280' };
const OVERDUE_COLOR = '#b42318';

// Firefox's Manifest V2 build names the toolbar button `browserAction`.
export function toolbar(): typeof browser.action {
  return (
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction
  );
}

/** On a profile tab: whether that person is saved. Elsewhere the global overdue count shows. */
export async function showTabBadge(
  db: RapportDB,
  tabId: number,
  reading: PageReading,
): Promise<void> {
  if (reading.kind !== 'profile') {
    // Chrome documents `text: null` with a tabId as "fall back to the global text".
    await toolbar().setBadgeText({ tabId, text: null as unknown as string });
    return;
  }

  const saved = await getContactByKey(db, reading.profile.key);
  const look = saved ? SAVED : NOT_SAVED;
  await toolbar().setBadgeText({ tabId, text: look.text });
  await toolbar().setBadgeBackgroundColor({ tabId, color: look.color });
}

/** Off a profile the badge counts what waits: overdue follow-ups and contacts due a touch. */
export async function showOverdueBadge(db: RapportDB): Promise<void> {
  const [overdue, keepInTouch] = await Promise.all([
    countOverdue(db, todayIn()),
    countKeepInTouch(db, new Date()),
  ]);
  const waiting = overdue + keepInTouch;

  await toolbar().setBadgeText({ text: waiting > 0 ? String(waiting) : '' });
  await toolbar().setBadgeBackgroundColor({ color: OVERDUE_COLOR });
  log.debug(`overdue follow-ups: ${overdue}, due a touch: ${keepInTouch}`);
}
