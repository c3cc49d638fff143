import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { i18n } from '#i18n';
import { toolbar } from './badge';
import { dueSummary, nothingDue, type DueSummary } from './due-summary';
import { createLogger } from './logger';
import {
  NOTIFICATIONS,
  ReminderState,
  checkReminder,
  nextReminderAt,
  type ReminderInputs,
} from './reminders';
import { getSettings, watchSettings } from './settings';
import type { RapportDB } from './storage/db';

const log = createLogger('reminder');

export const REMINDER_ALARM = 'daily-reminder';
export const REMINDER_NOTIFICATION = 'daily-reminder';

// Chrome needs an icon for every notification and Rapport ships no image files: a plain
// square in Rapport's green, 48 × 48.
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAiElEQVR42u3auQ3AMAxDUW3' +
  'iibJQlk+6FAl8KBUpfwLu+RofkCMGaedxKazIRqV4GqJafAniUr6LsAa4lf8grAGu5R8EAAAAAAAAAOC1erEAzCIN' +
  'WI0kIBspwN8AAAAAANtonYOsxFWixGWO9wAAAAAAAACwy5SmzpCPOTHT+k3+TNj+Whl1vAGmsbTgo/DrFwAAAABJ' +
  'RU5ErkJggg==';

/** One line of the reminder per count; a count added to `DueSummary` needs its line here. */
const LINES: { [K in keyof DueSummary]: (count: number) => string } = {
  repliesDue: (count) => i18n.t('reminder.repliesDue', [String(count)]),
  overdue: (count) => i18n.t('reminder.overdue', [String(count)]),
  dueToday: (count) => i18n.t('reminder.dueToday', [String(count)]),
  keepInTouch: (count) => i18n.t('reminder.keepInTouch', [String(count)]),
};

// Persisted, not kept in memory: the worker may be stopped between two checks.
const stateItem = storage.defineItem<unknown>('local:reminderState');

export interface Reminders {
  /** Shows the reminder when one is due (one for any number missed), then sets the next alarm. */
  check(): Promise<void>;
}

/**
 * The daily reminder of one service worker's life. Checks run one at a time: start-up, the
 * browser's start and a settings change can arrive together and must not read the same state.
 */
export function createReminders(
  database: () => Promise<RapportDB>,
  now: () => Date = () => new Date(),
): Reminders {
  let queue = Promise.resolve();

  const check = (): Promise<void> => {
    queue = queue
      .then(() => checkOnce(database, now()))
      .catch((error: unknown) => log.error('the reminder check failed', error));

    return queue;
  };

  return { check };
}

/**
 * Wires the reminder to the browser's events and checks once. Called synchronously at
 * start-up, like every listener of the service worker.
 */
export function startReminders(database: () => Promise<RapportDB>, now?: () => Date): Reminders {
  const reminders = createReminders(database, now);

  browser.alarms.onAlarm.addListener((alarm) =>
    alarm.name === REMINDER_ALARM ? reminders.check() : undefined,
  );
  browser.runtime.onStartup.addListener(() => reminders.check());
  browser.runtime.onInstalled.addListener(() => reminders.check());
  watchSettings(() => void reminders.check());

  listenForReminderClicks();
  browser.permissions.onAdded.addListener(() => listenForReminderClicks());

  void reminders.check();

  return reminders;
}

async function checkOnce(database: () => Promise<RapportDB>, at: Date): Promise<void> {
  const settings = await getSettings();
  const { show, state } = checkReminder(await readState(), at, settings);

  // Saved before showing: a worker stopped in between misses one reminder, never shows two.
  await stateItem.setValue(state);
  await scheduleNext(settings, at);

  if (show) await notify(database, at);
}

async function readState(): Promise<ReminderState | null> {
  const parsed = ReminderState.safeParse(await stateItem.getValue());

  return parsed.success ? parsed.data : null;
}

async function scheduleNext(settings: ReminderInputs, at: Date): Promise<void> {
  const next = nextReminderAt(at, settings);
  if (next === null) {
    await browser.alarms.clear(REMINDER_ALARM);
    return;
  }

  await browser.alarms.create(REMINDER_ALARM, { when: next.getTime() });
  log.debug(`next reminder at ${next.toISOString()}`);
}

/** The reminder itself: what is due, and nothing at all when nothing is. */
async function notify(database: () => Promise<RapportDB>, at: Date): Promise<void> {
  if (!(await mayNotify())) {
    log.warn('the reminder is on but notifications are not allowed');
    return;
  }

  const summary = await dueSummary(await database(), at);
  if (nothingDue(summary)) return;

  await browser.notifications.create(REMINDER_NOTIFICATION, {
    type: 'basic',
    iconUrl: ICON,
    title: i18n.t('reminder.title'),
    message: reminderLines(summary).join('\n'),
  });
}

/** The reminder's lines: only the counts that are not zero. */
export function reminderLines(summary: DueSummary): string[] {
  const kinds = Object.keys(LINES) as (keyof DueSummary)[];

  return kinds.filter((kind) => summary[kind] > 0).map((kind) => LINES[kind](summary[kind]));
}

/** Whether the rep allowed notifications; they may take it back in the browser at any time. */
export function mayNotify(): Promise<boolean> {
  return browser.permissions.contains(NOTIFICATIONS);
}

/**
 * The notifications API exists only once the rep allowed it, which can be after start-up, so
 * this runs again when a permission is added.
 */
export function listenForReminderClicks(): void {
  const clicked = browser.notifications?.onClicked;
  if (!clicked || clicked.hasListener(onReminderClicked)) return;

  clicked.addListener(onReminderClicked);
}

function onReminderClicked(notificationId: string): void {
  openFromReminder(notificationId).catch((error: unknown) =>
    log.error('could not open Rapport from the reminder', error),
  );
}

/** A click on the reminder opens the popup's due list, else the options page. */
async function openFromReminder(notificationId: string): Promise<void> {
  if (notificationId !== REMINDER_NOTIFICATION) return;

  await browser.notifications.clear(notificationId);

  try {
    // Chrome opens the popup only over a focused window; older browsers cannot at all.
    await toolbar().openPopup();
  } catch {
    await browser.runtime.openOptionsPage();
  }
}
