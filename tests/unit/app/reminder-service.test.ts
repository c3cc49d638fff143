import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dueSummary } from '@/lib/due-summary';
import {
  REMINDER_ALARM,
  REMINDER_NOTIFICATION,
  createReminders,
  reminderLines,
  startReminders,
} from '@/lib/reminder-service';
import { updateSettings } from '@/lib/settings';
import { saveContact } from '@/lib/storage/contacts';
import { openRapportDB, type RapportDB } from '@/lib/storage/db';
import { setNextStep } from '@/lib/storage/next-steps';
import { logTouch } from '@/lib/storage/touches';
import { defaultReplySettings } from '@/lib/reply-targets';
import { draft } from '../storage/fixtures';
import { speakEnglish } from './english';

// Monday 15 to Friday 19 June 2026; the reminder is at 09:00 in Berlin, 07:00 UTC.
const MONDAY_8H = new Date('2026-06-15T06:00:00Z');
const MONDAY_9H = new Date('2026-06-15T07:00:00Z');
const THURSDAY_11H = new Date('2026-06-18T09:00:00Z');

let db: RapportDB;
const database = (): Promise<RapportDB> => Promise.resolve(db);

let clock: Date;
const now = (): Date => clock;

beforeEach(async () => {
  speakEnglish();
  db = await openRapportDB(`reminder-${crypto.randomUUID()}`);
  clock = MONDAY_8H;
  allowNotifications(true);
  await turnReminderOn();
});

afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

function allowNotifications(allowed: boolean): void {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(allowed);
}

async function turnReminderOn(time = '09:00'): Promise<void> {
  const replies = defaultReplySettings();
  const schedule = { ...replies.schedule, timeZone: 'Europe/Berlin' };

  await updateSettings({ replies: { ...replies, schedule }, reminder: { enabled: true, time } });
}

/** One reply due, one follow-up overdue since Friday and one due on Thursday. */
async function somethingDue(): Promise<void> {
  const ada = (await saveContact(db, draft('ada-lovelace'))).contact.id;
  const grace = (await saveContact(db, draft('grace-hopper'))).contact.id;
  await logTouch(db, {
    contactId: ada,
    at: '2026-06-12T10:00:00.000Z',
    channel: 'linkedin-message',
    direction: 'inbound',
    summary: 'Could we talk next week?',
    supersedes: null,
  });
  await setNextStep(db, ada, 'Send the proposal', '2026-06-12');
  await setNextStep(db, grace, 'Call about the pilot', '2026-06-18');
}

async function shown(): Promise<unknown[]> {
  return Object.values(await fakeBrowser.notifications.getAll());
}

describe('the daily reminder', () => {
  it('says what is due when its time comes', async () => {
    await somethingDue();
    const reminders = createReminders(database, now);
    await reminders.check();
    clock = THURSDAY_11H;

    await reminders.check();

    expect(await shown()).toEqual([
      {
        type: 'basic',
        iconUrl: expect.stringMatching(/^data:image\/png;base64,/),
        title: 'What is due in Rapport',
        message: 'Replies due: 1\nOverdue follow-ups: 1\nFollow-ups due today: 1',
      },
    ]);
  });

  it('shows one catch-up reminder for several working days missed', async () => {
    await somethingDue();
    await createReminders(database, now).check();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');

    // The browser was closed from Monday morning to Thursday: a new worker starts.
    clock = THURSDAY_11H;
    await createReminders(database, now).check();

    expect(create).toHaveBeenCalledTimes(1);
  });

  it('shows no second reminder for the same time after the worker restarts', async () => {
    await somethingDue();
    const first = createReminders(database, now);
    await first.check();
    clock = MONDAY_9H;
    await first.check();
    await fakeBrowser.notifications.clear(REMINDER_NOTIFICATION);

    clock = new Date('2026-06-15T07:05:00Z');
    await createReminders(database, now).check();

    expect(await shown()).toEqual([]);
  });

  it('shows one reminder when start-up and the browser’s start check at once', async () => {
    await somethingDue();
    await createReminders(database, now).check();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    clock = THURSDAY_11H;
    const reminders = createReminders(database, now);

    await Promise.all([reminders.check(), reminders.check(), reminders.check()]);

    expect(create).toHaveBeenCalledTimes(1);
  });

  it('shows nothing when nothing is due', async () => {
    const reminders = createReminders(database, now);
    await reminders.check();
    clock = THURSDAY_11H;

    await reminders.check();

    expect(await shown()).toEqual([]);
  });

  it('shows nothing when the rep has taken notifications back', async () => {
    await somethingDue();
    const reminders = createReminders(database, now);
    await reminders.check();
    allowNotifications(false);
    clock = THURSDAY_11H;

    await reminders.check();

    expect(await shown()).toEqual([]);
  });

  it('sets its alarm for the next working day’s reminder', async () => {
    clock = new Date('2026-06-19T08:00:00Z');

    await createReminders(database, now).check();

    const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(alarm?.scheduledTime).toBe(Date.parse('2026-06-22T07:00:00Z'));
  });

  it('clears its alarm once the rep turns it off', async () => {
    const reminders = createReminders(database, now);
    await reminders.check();
    await updateSettings({ reminder: { enabled: false, time: '09:00' } });

    await reminders.check();

    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });
});

describe('the daily reminder wired to the browser', () => {
  beforeEach(() => {
    // The fake browser has no permission events; the wiring only needs to add its listener.
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
  });

  it('moves its alarm when the rep changes the time', async () => {
    const reminders = startReminders(database, now);
    await reminders.check();

    await turnReminderOn('10:30');

    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(
        Date.parse('2026-06-15T08:30:00Z'),
      ),
    );
  });

  it('shows the reminder when its alarm goes off', async () => {
    await somethingDue();
    startReminders(database, now);
    await fakeBrowser.runtime.onStartup.trigger();
    clock = MONDAY_9H;

    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: +MONDAY_9H });

    expect(await shown()).toHaveLength(1);
  });

  it('opens the popup when the rep clicks the reminder', async () => {
    const openPopup = vi.spyOn(fakeBrowser.action, 'openPopup').mockResolvedValue(undefined);
    startReminders(database, now);

    await fakeBrowser.notifications.onClicked.trigger(REMINDER_NOTIFICATION);

    await vi.waitFor(() => expect(openPopup).toHaveBeenCalledTimes(1));
  });

  it('opens the options page when the popup cannot open', async () => {
    vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('no focused window'));
    const openOptions = vi
      .spyOn(fakeBrowser.runtime, 'openOptionsPage')
      .mockResolvedValue(undefined);
    startReminders(database, now);

    await fakeBrowser.notifications.onClicked.trigger(REMINDER_NOTIFICATION);

    await vi.waitFor(() => expect(openOptions).toHaveBeenCalledTimes(1));
  });
});

describe('what the reminder counts', () => {
  it('counts replies due, overdue follow-ups, follow-ups due today and touches due', async () => {
    await somethingDue();

    const summary = await dueSummary(db, THURSDAY_11H);

    expect(summary).toEqual({ repliesDue: 1, overdue: 1, dueToday: 1, keepInTouch: 0 });
  });

  it('names only the counts that are not zero', () => {
    speakEnglish();

    const lines = reminderLines({ repliesDue: 0, overdue: 3, dueToday: 0, keepInTouch: 2 });

    expect(lines).toEqual(['Overdue follow-ups: 3', 'Contacts due for a touch: 2']);
  });
});
