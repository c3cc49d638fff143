import { useEffect, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { mayNotify } from '@/lib/reminder-service';
import { NOTIFICATIONS, ReminderSettings } from '@/lib/reminders';
import { workingScheduleOf } from '@/lib/reply-targets';
import { getSettings, updateSettings } from '@/lib/settings';
import { Banner } from '../Banner';
import { messageOf } from '../data';

type Notice = { tone: 'ok' | 'warn' | 'error'; text: string } | null;

/**
 * The daily reminder: off until the rep turns it on, which asks the browser for notifications
 * then; refused, it stays off. It follows the working days set under Replies.
 */
export function ReminderSection(): ReactNode {
  const [reminder, setReminder] = useState<ReminderSettings | null>(null);
  const [time, setTime] = useState('');
  const [timeZone, setTimeZone] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    void load().then((loaded) => {
      setReminder(loaded.reminder);
      setTime(loaded.reminder.time);
      setTimeZone(loaded.timeZone);
      if (loaded.blocked) setNotice({ tone: 'warn', text: i18n.t('reminder.blocked') });
    });
  }, []);

  const save = async (next: ReminderSettings): Promise<void> => {
    try {
      const saved = (await updateSettings({ reminder: next })).reminder;
      setReminder(saved);
      setTime(saved.time);
      setNotice({ tone: 'ok', text: i18n.t('reminder.saved') });
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('reminder.failed', [messageOf(error)]) });
    }
  };

  const toggle = async (current: ReminderSettings, on: boolean): Promise<void> => {
    // Browsers ask the rep only while a click is being handled: request before anything else.
    if (on && !(await allowNotifications())) {
      setNotice({ tone: 'error', text: i18n.t('reminder.refused') });
      return;
    }

    await save({ ...current, enabled: on });
    if (!on) await browser.permissions.remove(NOTIFICATIONS).catch(() => false);
  };

  const changeTime = (current: ReminderSettings, value: string): void => {
    setTime(value);

    // A half-typed time is kept on screen but not saved.
    if (!ReminderSettings.shape.time.safeParse(value).success) {
      setNotice({ tone: 'error', text: i18n.t('reminder.badTime') });
      return;
    }

    void save({ ...current, time: value });
  };

  return (
    <section aria-labelledby="reminder-heading" data-testid="reminder-settings">
      <h2 id="reminder-heading">{i18n.t('reminder.section')}</h2>
      {reminder && (
        <>
          <label className="row">
            <input
              type="checkbox"
              name="reminderEnabled"
              checked={reminder.enabled}
              onChange={(e) => void toggle(reminder, e.target.checked)}
            />
            {i18n.t('reminder.enable')}
          </label>
          <label className="row">
            {i18n.t('reminder.time')}
            <input
              type="time"
              name="reminderTime"
              value={time}
              onChange={(e) => changeTime(reminder, e.target.value)}
            />
          </label>
          <p className="muted">{i18n.t('reminder.how', [timeZone])}</p>
        </>
      )}
      {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}
    </section>
  );
}

interface Loaded {
  reminder: ReminderSettings;
  timeZone: string;
  /** On, but the rep has since taken the permission back in the browser. */
  blocked: boolean;
}

async function load(): Promise<Loaded> {
  const settings = await getSettings();
  const allowed = settings.reminder.enabled ? await mayNotify() : true;

  return {
    reminder: settings.reminder,
    timeZone: workingScheduleOf(settings.replies.schedule).timeZone,
    blocked: !allowed,
  };
}

function allowNotifications(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS).catch(() => false);
}
