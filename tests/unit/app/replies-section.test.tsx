import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AutoLogSection } from '@/components/options/AutoLogSection';
import { RepliesSection } from '@/components/options/RepliesSection';
import { getSettings } from '@/lib/settings';
import { speakEnglish } from './english';

let root: Root | null = null;

beforeEach(() => {
  speakEnglish();
});

afterEach(() => {
  root?.unmount();
  root = null;
});

describe('the replies options', () => {
  it('saves a new working week and target', async () => {
    const form = await showSection();

    click(form, 'input[name="day-5"]');
    type(form, 'input[name="start"]', '08:30');
    type(form, 'input[name="target-lead"]', '2');
    choose(form, 'select[name="unit-partner"]', 'hours');
    click(form, 'button.primary');

    await vi.waitFor(() => expect(banner(form)).toBe('Reply settings saved.'));
    const { replies } = await getSettings();
    expect(replies.schedule).toEqual({ days: [1, 2, 3, 4], start: '08:30', end: '18:00' });
    expect(replies.targets.lead).toEqual({ amount: 2, unit: 'hours' });
    expect(replies.targets.partner).toEqual({ amount: 1, unit: 'hours' });
  });

  it('refuses a working day that ends before it starts and saves nothing', async () => {
    const form = await showSection();

    type(form, 'input[name="end"]', '08:00');
    click(form, 'button.primary');

    await vi.waitFor(() => expect(banner(form)).toBe('The working day must end after it starts.'));
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('refuses a week without a working day and saves nothing', async () => {
    const form = await showSection();

    for (const day of [1, 2, 3, 4, 5]) click(form, `input[name="day-${day}"]`);
    click(form, 'button.primary');

    await vi.waitFor(() => expect(banner(form)).toBe('Choose at least one working day.'));
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('refuses an emptied target, naming its status', async () => {
    const form = await showSection();

    type(form, 'input[name="target-client"]', '');
    click(form, 'button.primary');

    await vi.waitFor(() =>
      expect(banner(form)).toBe(
        'The target for “Client” must be a whole number from 1 to 99 and fit in a year of working time.',
      ),
    );
  });

  it('logs conversations automatically only once the rep turns it on', async () => {
    const section = await show(<AutoLogSection />, 'input[name="autoLogConversations"]');
    const checkbox = section.querySelector<HTMLInputElement>('input[name="autoLogConversations"]');
    const before = checkbox?.checked;

    click(section, 'input[name="autoLogConversations"]');

    expect(before).toBe(false);
    await vi.waitFor(async () => expect((await getSettings()).autoLogConversations).toBe(true));
  });
});

async function showSection(): Promise<HTMLElement> {
  return show(<RepliesSection />, 'input[name="target-lead"]');
}

async function show(element: React.ReactNode, readySelector: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  root = createRoot(container);

  root.render(element);
  await vi.waitFor(() => expect(container.querySelector(readySelector)).not.toBeNull());

  return container;
}

function field<T extends HTMLElement>(form: HTMLElement, selector: string): T {
  const found = form.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} is not in the form`);

  return found;
}

function click(form: HTMLElement, selector: string): void {
  field(form, selector).click();
}

/** Sets a value the way typing does, so that React's change tracking sees it. */
function type(form: HTMLElement, selector: string, value: string): void {
  const input = field<HTMLInputElement>(form, selector);
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(form: HTMLElement, selector: string, value: string): void {
  const select = field<HTMLSelectElement>(form, selector);
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function banner(form: HTMLElement): string | null | undefined {
  return form.querySelector('.banner')?.textContent;
}
