import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import type * as Data from '@/components/data';
import { PopupApp } from '@/components/popup/PopupApp';
import { formatWaited } from '@/components/popup/waited';
import type { Status } from '@/lib/model/contact';
import { defaultReplySettings } from '@/lib/reply-targets';
import { updateSettings } from '@/lib/settings';
import { saveContact, updateContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { setNextStep } from '@/lib/storage/next-steps';
import { logTouch } from '@/lib/storage/touches';
import { draft, freshDb } from '../storage/fixtures';
import { speakEnglish } from './english';

let db: RapportDB;

// The popup opens the extension's one database; each test gets a fresh one in its place.
vi.mock('@/components/data', async (original) => ({
  ...(await original<typeof Data>()),
  database: () => Promise.resolve(db),
}));

/** Tuesday 16 June 2026, 12:00 in Berlin. */
const NOW = new Date('2026-06-16T10:00:00.000Z');

let root: Root | null = null;

beforeEach(async () => {
  db = await freshDb();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  speakEnglish();
  const replies = defaultReplySettings();
  await updateSettings({
    replies: { ...replies, schedule: { ...replies.schedule, timeZone: 'Europe/Berlin' } },
  });
});

afterEach(() => {
  root?.unmount();
  root = null;
  vi.useRealTimers();
});

describe('the popup', () => {
  it('lists replies due above follow-ups, longest wait first, missed targets marked', async () => {
    await waitingContact('grace-hopper', 'warm', '2026-06-16T08:00:00.000Z');
    await waitingContact('ada-lovelace', 'lead', '2026-06-15T08:00:00.000Z');
    await plannedContact('alan-turing', '2026-06-16');

    const page = await showPopup('[data-testid="due-today"]');

    const sections = [...page.querySelectorAll('section')].map((s) => s.dataset.testid);
    expect(sections).toEqual(['replies-due', 'due-today']);
    expect(rows(page)).toEqual([
      ['Ada Lovelace', 'Lead', 'waiting 26h', 'target missed'],
      ['Grace Hopper', 'Warm', 'waiting 2h'],
    ]);
  });

  it('opens the profile of a waiting contact in a new tab', async () => {
    await waitingContact('ada-lovelace', 'lead', '2026-06-15T08:00:00.000Z');

    const page = await showPopup('[data-testid="replies-due"]');

    const link = page.querySelector('[data-testid="reply-due"] a');
    expect(link?.getAttribute('href')).toBe('https://www.linkedin.com/in/ada-lovelace/');
    expect(link?.getAttribute('target')).toBe('_blank');
  });

  it('says no follow-ups are due, not that nothing is, when only replies wait', async () => {
    await waitingContact('ada-lovelace', 'lead', '2026-06-16T09:00:00.000Z');

    const page = await showPopup('[data-testid="replies-due"]');

    expect(page.querySelector('[data-testid="due-none"]')?.textContent).toBe(
      'No follow-ups due in the next 7 days.',
    );
    expect(page.querySelector('[data-testid="due-empty"]')).toBeNull();
    expect(page.querySelector('.target-missed')).toBeNull();
  });

  it('shows the follow-ups alone when no reply is due', async () => {
    await plannedContact('alan-turing', '2026-06-16');

    const page = await showPopup('[data-testid="due-today"]');

    expect(page.querySelector('[data-testid="replies-due"]')).toBeNull();
    expect(page.querySelector('[data-testid="due-none"]')).toBeNull();
    expect(page.querySelector('[data-testid="due-empty"]')).toBeNull();
  });

  it('explains how to start when nothing at all is due', async () => {
    const page = await showPopup('[data-testid="due-empty"]');

    expect(page.querySelector('[data-testid="replies-due"]')).toBeNull();
    expect(page.querySelector('[data-testid="due-empty"] strong')?.textContent).toBe(
      'Nothing due.',
    );
  });
});

describe('how long someone has waited', () => {
  it.each([
    [0, 'en', '0m'],
    [25 * 60_000, 'en', '25m'],
    [2 * 3_600_000, 'en', '2h'],
    [47 * 3_600_000 + 59 * 60_000, 'en', '47h'],
    [3 * 86_400_000 + 5 * 3_600_000, 'en', '3d'],
    [2 * 3_600_000, 'ru', '2 ч'],
  ])('reads %i ms in %s as "%s"', (ms, locale, text) => {
    expect(formatWaited(ms, locale)).toBe(text);
  });
});

async function waitingContact(slug: string, status: Status, since: string): Promise<void> {
  const { contact } = await saveContact(db, draft(slug), { now: new Date(since) });
  await updateContact(db, contact.id, { status }, new Date(since));
  const message = { contactId: contact.id, at: since, channel: 'linkedin-message' } as const;

  await logTouch(db, { ...message, direction: 'inbound', summary: 'Hello' }, new Date(since));
}

async function plannedContact(slug: string, due: string): Promise<void> {
  const { contact } = await saveContact(db, draft(slug), { now: NOW });

  await setNextStep(db, contact.id, 'Send the proposal', due, NOW);
}

async function showPopup(readySelector: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  root = createRoot(container);

  root.render(<PopupApp />);
  await vi.waitFor(() => expect(container.querySelector(readySelector)).not.toBeNull());

  return container;
}

/** Each reply due as the texts a rep reads: name, status, wait and the missed marker. */
function rows(page: HTMLElement): string[][] {
  return [...page.querySelectorAll('[data-testid="reply-due"]')].map((row) =>
    [...row.querySelectorAll('a, span')].map((part) => part.textContent ?? ''),
  );
}
