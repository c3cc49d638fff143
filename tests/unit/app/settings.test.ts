import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ReplySettings, ReplyTargets } from '@/lib/reply-targets';
import { getSettings, updateSettings } from '@/lib/settings';

const DEFAULT_TARGETS: ReplyTargets = {
  new: { amount: 1, unit: 'days' },
  warm: { amount: 1, unit: 'days' },
  lead: { amount: 4, unit: 'hours' },
  client: { amount: 4, unit: 'hours' },
  partner: { amount: 1, unit: 'days' },
  dormant: { amount: 1, unit: 'days' },
  'not-a-fit': { amount: 1, unit: 'days' },
};
const DEFAULT_SCHEDULE = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
const REMINDER_OFF = { enabled: false, time: '09:00' };

async function store(settings: unknown): Promise<void> {
  await fakeBrowser.storage.local.set({ settings });
}

async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get('settings')).settings;
}

describe('the settings', () => {
  it('are the defaults when nothing is stored', async () => {
    const settings = await getSettings();

    expect(settings).toEqual({
      diagnostics: false,
      autoLogConversations: false,
      replies: { schedule: DEFAULT_SCHEDULE, targets: DEFAULT_TARGETS },
      reminder: REMINDER_OFF,
    });
  });

  it('keep the diagnostics choice of an older version and fill in the new fields', async () => {
    await store({ diagnostics: true });

    const settings = await getSettings();

    expect(settings).toEqual({
      diagnostics: true,
      autoLogConversations: false,
      replies: { schedule: DEFAULT_SCHEDULE, targets: DEFAULT_TARGETS },
      reminder: REMINDER_OFF,
    });
  });

  it('fill in the target of a status that has none stored, keeping the others', async () => {
    const schedule = { days: [1, 2, 3, 4], start: '08:00', end: '16:00' };
    await store({
      diagnostics: true,
      autoLogConversations: true,
      replies: { schedule, targets: { lead: { amount: 2, unit: 'hours' } } },
    });

    const settings = await getSettings();

    expect(settings).toEqual({
      diagnostics: true,
      autoLogConversations: true,
      replies: { schedule, targets: { ...DEFAULT_TARGETS, lead: { amount: 2, unit: 'hours' } } },
      reminder: REMINDER_OFF,
    });
  });

  it('replace a damaged field alone and keep the rest', async () => {
    await store({
      diagnostics: true,
      autoLogConversations: 'yes',
      replies: {
        schedule: { days: [1, 2], start: '18:00', end: '09:00' },
        targets: { ...DEFAULT_TARGETS, client: { amount: 3, unit: 'days' } },
      },
    });

    const settings = await getSettings();

    expect(settings).toEqual({
      diagnostics: true,
      autoLogConversations: false,
      replies: {
        schedule: DEFAULT_SCHEDULE,
        targets: { ...DEFAULT_TARGETS, client: { amount: 3, unit: 'days' } },
      },
      reminder: REMINDER_OFF,
    });
  });

  it('keep the reminder off for settings stored before there was one', async () => {
    const schedule = { days: [1, 2, 3, 4], start: '08:00', end: '16:00', timeZone: 'Asia/Tokyo' };
    await store({
      diagnostics: true,
      autoLogConversations: true,
      replies: { schedule, targets: DEFAULT_TARGETS },
    });

    const settings = await getSettings();

    expect(settings).toEqual({
      diagnostics: true,
      autoLogConversations: true,
      replies: { schedule, targets: DEFAULT_TARGETS },
      reminder: { enabled: false, time: '09:00' },
    });
  });

  it('keep the reminder being on when only its stored time is damaged', async () => {
    await store({ diagnostics: false, reminder: { enabled: true, time: '25:00' } });

    const settings = await getSettings();

    expect(settings.reminder).toEqual({ enabled: true, time: '09:00' });
  });

  it('store a new reminder with the rest of the settings', async () => {
    await store({ diagnostics: true });

    await updateSettings({ reminder: { enabled: true, time: '08:15' } });

    expect(await stored()).toEqual({
      diagnostics: true,
      autoLogConversations: false,
      replies: { schedule: DEFAULT_SCHEDULE, targets: DEFAULT_TARGETS },
      reminder: { enabled: true, time: '08:15' },
    });
  });

  it('are the defaults when what is stored is not settings at all', async () => {
    await store('diagnostics');

    const settings = await getSettings();

    expect(settings.diagnostics).toBe(false);
    expect(settings.replies.targets).toEqual(DEFAULT_TARGETS);
  });

  it('store every field on a change, bringing an older record up to date', async () => {
    await store({ diagnostics: true });

    await updateSettings({ autoLogConversations: true });

    expect(await stored()).toEqual({
      diagnostics: true,
      autoLogConversations: true,
      replies: { schedule: DEFAULT_SCHEDULE, targets: DEFAULT_TARGETS },
      reminder: REMINDER_OFF,
    });
  });

  it('refuse a working day that ends before it starts, and store nothing', async () => {
    await store({ diagnostics: true });
    const backwards: ReplySettings = {
      schedule: { days: [1], start: '17:00', end: '08:00' },
      targets: DEFAULT_TARGETS,
    };

    const update = updateSettings({ replies: backwards });

    await expect(update).rejects.toThrow();
    expect(await stored()).toEqual({ diagnostics: true });
  });
});
