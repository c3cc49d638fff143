import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReminderSection } from '@/components/options/ReminderSection';
import { getSettings, updateSettings } from '@/lib/settings';
import { defaultReplySettings } from '@/lib/reply-targets';
import { speakEnglish } from './english';

let root: Root | null = null;

beforeEach(() => {
  speakEnglish();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
});

afterEach(() => {
  root?.unmount();
  root = null;
  vi.restoreAllMocks();
});

describe('the daily reminder options', () => {
  it('asks for notifications when the rep turns the reminder on, and turns it on', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const section = await showSection();

    click(section, 'input[name="reminderEnabled"]');

    await vi.waitFor(() => expect(banner(section)).toBe('Reminder saved.'));
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(checkbox(section).checked).toBe(true);
    expect((await getSettings()).reminder).toEqual({ enabled: true, time: '09:00' });
  });

  it('stays off and says why when the rep refuses notifications', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const section = await showSection();

    click(section, 'input[name="reminderEnabled"]');

    await vi.waitFor(() =>
      expect(banner(section)).toBe('Notifications were not allowed, so the reminder stays off.'),
    );
    expect(checkbox(section).checked).toBe(false);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('gives notifications back when the rep turns the reminder off', async () => {
    await updateSettings({ reminder: { enabled: true, time: '09:00' } });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    const section = await showSection();

    click(section, 'input[name="reminderEnabled"]');

    await vi.waitFor(() => expect(remove).toHaveBeenCalledWith({ permissions: ['notifications'] }));
    expect((await getSettings()).reminder).toEqual({ enabled: false, time: '09:00' });
  });

  it('saves a new time', async () => {
    const section = await showSection();

    type(section, 'input[name="reminderTime"]', '08:15');

    await vi.waitFor(() => expect(banner(section)).toBe('Reminder saved.'));
    expect((await getSettings()).reminder).toEqual({ enabled: false, time: '08:15' });
  });

  it('keeps a half-typed time off the settings and says what to enter', async () => {
    const section = await showSection();

    type(section, 'input[name="reminderTime"]', '');

    await vi.waitFor(() => expect(banner(section)).toBe('Enter the time of the reminder.'));
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('says that it follows the working days and zone set under Replies', async () => {
    const replies = defaultReplySettings();
    await updateSettings({
      replies: { ...replies, schedule: { ...replies.schedule, timeZone: 'Asia/Tokyo' } },
    });

    const section = await showSection();

    expect(section.querySelector('p.muted')?.textContent).toBe(
      'It comes on the working days set under Replies, at this time in your time zone, ' +
        'Asia/Tokyo. When nothing is due, it stays quiet.',
    );
  });

  it('warns when the reminder is on but notifications were taken back', async () => {
    await updateSettings({ reminder: { enabled: true, time: '09:00' } });

    const section = await showSection();

    await vi.waitFor(() =>
      expect(banner(section)).toBe(
        'The reminder is on, but Rapport may no longer show notifications. Turn the reminder ' +
          'off and on again to allow them.',
      ),
    );
  });
});

async function showSection(): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  root = createRoot(container);

  root.render(<ReminderSection />);
  await vi.waitFor(() => expect(container.querySelector('[name="reminderTime"]')).not.toBeNull());

  return container;
}

function checkbox(section: HTMLElement): HTMLInputElement {
  const found = section.querySelector<HTMLInputElement>('input[name="reminderEnabled"]');
  if (!found) throw new Error('the reminder has no on/off switch');

  return found;
}

function click(section: HTMLElement, selector: string): void {
  section.querySelector<HTMLElement>(selector)?.click();
}

/** Sets a value the way typing does, so that React's change tracking sees it. */
function type(section: HTMLElement, selector: string, value: string): void {
  const input = section.querySelector<HTMLInputElement>(selector);
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input?.dispatchEvent(new Event('input', { bubbles: true }));
}

function banner(section: HTMLElement): string | null | undefined {
  return section.querySelector('.banner')?.textContent;
}
