import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type * as Data from '@/components/data';
import { PopupApp } from '@/components/popup/PopupApp';
import { TodayApp } from '@/components/today/TodayApp';
import { defaultReplySettings } from '@/lib/reply-targets';
import { updateSettings } from '@/lib/settings';
import { getContact, saveContact, type ContactDraft } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { setNextStep } from '@/lib/storage/next-steps';
import { logTouch } from '@/lib/storage/touches';
import { draft, freshDb } from '../storage/fixtures';
import { speakEnglish } from './english';

let db: RapportDB;

// The page opens the extension's one database; each test gets a fresh one in its place.
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
  window.history.replaceState(null, '', '/today.html');
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

describe('the Today page', () => {
  it('lists replies due, next steps and contacts past their cadence, each in its section', async () => {
    await threeContacts();

    const page = await showToday();

    const sections = [...page.querySelectorAll('section')].map((s) => s.dataset.testid);
    expect(sections).toEqual(['today-replies', 'today-steps', 'today-keep-in-touch']);
    expect(names(page)).toEqual({
      replies: ['Grace Hopper'],
      steps: ['Alan Turing'],
      keepInTouch: ['Grace Hopper', 'Ada Lovelace'],
    });
  });

  it("shows a contact's stage, last touch, how far past the cadence and what to do", async () => {
    await threeContacts();

    const page = await showToday();

    expect(texts(row(page, 'today-keep-in-touch', 'Ada Lovelace'))).toEqual([
      'Ada Lovelace',
      'Retention & referrals',
      'Last touch Apr 17, 2026',
      '15 days past a 45-day cadence',
      'Suggested: Check in; ask for feedback or a referral',
    ]);
    expect(texts(row(page, 'today-replies', 'Grace Hopper'))).toEqual([
      'Grace Hopper',
      'Warm',
      'waiting 10d',
      'target missed',
    ]);
  });

  it('opens every profile in a new tab', async () => {
    await threeContacts();

    const page = await showToday();

    const links = [...page.querySelectorAll('[data-testid="today-item"] a')];
    expect(links.map((link) => link.getAttribute('target'))).toEqual([
      '_blank',
      '_blank',
      '_blank',
      '_blank',
    ]);
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://www.linkedin.com/in/grace-hopper/',
      'https://www.linkedin.com/in/alan-turing/',
      'https://www.linkedin.com/in/grace-hopper/',
      'https://www.linkedin.com/in/ada-lovelace/',
    ]);
  });

  it('narrows all three lists to the stage its address names', async () => {
    await threeContacts();
    window.history.replaceState(null, '', '/today.html?stage=connection');

    const page = await showToday();

    expect(names(page)).toEqual({
      replies: ['Grace Hopper'],
      steps: [],
      keepInTouch: ['Grace Hopper'],
    });
    expect(section(page, 'today-steps').querySelector('p')?.textContent).toBe(
      'Nothing here matches the filters.',
    );
    expect(select(page, 'stage').value).toBe('connection');
  });

  it('narrows by relevance and puts the choice in the address', async () => {
    await threeContacts();
    const page = await showToday();

    choose(page, 'relevance', 'B');

    expect(names(page)).toEqual({
      replies: ['Grace Hopper'],
      steps: ['Alan Turing'],
      keepInTouch: ['Grace Hopper'],
    });
    expect(window.location.search).toBe('?relevance=B');
  });

  it('offers the segments of the listed contacts and narrows to the one chosen', async () => {
    await threeContacts();
    const page = await showToday();

    choose(page, 'segment', 'Fintech');

    const options = [...select(page, 'segment').options].map((option) => option.textContent);
    expect(options).toEqual(['All', 'Fintech', 'Logistics']);
    expect(names(page)).toEqual({
      replies: [],
      steps: ['Alan Turing'],
      keepInTouch: ['Ada Lovelace'],
    });
    expect(window.location.search).toBe('?segment=Fintech');
  });

  it('takes a snoozed contact off Keep in touch at once and puts the touch off a week', async () => {
    const { ada } = await threeContacts();
    const page = await showToday();

    buttonIn(row(page, 'today-keep-in-touch', 'Ada Lovelace'), 'Snooze 1 week').click();

    await vi.waitFor(() => expect(names(page).keepInTouch).toEqual(['Grace Hopper']));
    const stored = await getContact(db, ada);
    // Waiting for the page moves the fake clock on by a few milliseconds.
    expect(stored?.keepInTouchSnoozedUntil).toMatch(/^2026-06-23T10:00:00\.\d{3}Z$/);
  });
});

describe('the popup', () => {
  it('opens the Today page in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const page = await render(<PopupApp />, '[data-testid="due-empty"]');

    linkNamed(page, 'Today').click();

    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/today.html' });
  });
});

/**
 * Ada: a client in retention, last touched 60 days ago on a 45-day cadence.
 * Grace: a new connection whose message of 11 days ago waits for an answer; 7-day cadence.
 * Alan: just spotted, so no cadence, with a next step that was due yesterday.
 */
async function threeContacts(): Promise<{ ada: string }> {
  const ada = await contact('ada-lovelace', '2026-04-01T10:00:00.000Z', {
    status: 'client',
    stage: 'retention',
    segment: 'Fintech',
    relevance: 'A',
  });
  await touch(ada, '2026-04-17T10:00:00.000Z', 'outbound');

  const grace = await contact('grace-hopper', '2026-06-01T12:00:00.000Z', {
    status: 'warm',
    stage: 'connection',
    segment: 'Logistics',
    relevance: 'B',
  });
  await touch(grace, '2026-06-05T12:00:00.000Z', 'inbound');

  const alan = await contact('alan-turing', NOW.toISOString(), {
    segment: 'Fintech',
    relevance: 'B',
  });
  await setNextStep(db, alan, 'Send the proposal', '2026-06-15', NOW);

  return { ada };
}

async function contact(slug: string, at: string, fields: Partial<ContactDraft>): Promise<string> {
  const saved = await saveContact(db, draft(slug, fields), { now: new Date(at) });

  return saved.contact.id;
}

async function touch(contactId: string, at: string, direction: 'inbound' | 'outbound') {
  const fields = {
    contactId,
    at,
    direction,
    channel: 'linkedin-message',
    summary: 'Hello',
  } as const;

  await logTouch(db, fields, new Date(at));
}

async function showToday(): Promise<HTMLElement> {
  return render(<TodayApp />, '[data-testid="today-keep-in-touch"]');
}

async function render(app: ReactNode, readySelector: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  root = createRoot(container);

  root.render(app);
  await vi.waitFor(() => expect(container.querySelector(readySelector)).not.toBeNull());

  return container;
}

/** The names listed in each section, in order. */
function names(page: HTMLElement): Record<'replies' | 'steps' | 'keepInTouch', string[]> {
  const listed = (testId: string): string[] =>
    [...section(page, testId).querySelectorAll('[data-testid="today-item"] a')].map(
      (link) => link.textContent ?? '',
    );

  return {
    replies: listed('today-replies'),
    steps: listed('today-steps'),
    keepInTouch: listed('today-keep-in-touch'),
  };
}

function section(page: HTMLElement, testId: string): HTMLElement {
  const found = page.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`no section ${testId}`);

  return found;
}

function row(page: HTMLElement, testId: string, name: string): HTMLElement {
  const rows = section(page, testId).querySelectorAll<HTMLElement>('[data-testid="today-item"]');
  const found = [...rows].find((item) => item.querySelector('a')?.textContent === name);
  if (!found) throw new Error(`no row for ${name} in ${testId}`);

  return found;
}

/** A row's texts as a rep reads them: the link and each piece of text beside it. */
function texts(item: HTMLElement): string[] {
  return [...item.querySelectorAll('a, span')].map((part) => part.textContent ?? '');
}

function select(page: HTMLElement, name: string): HTMLSelectElement {
  const found = page.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  if (!found) throw new Error(`no select ${name}`);

  return found;
}

function choose(page: HTMLElement, name: string, value: string): void {
  const field = select(page, name);
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(field, value);

  flushSync(() => field.dispatchEvent(new Event('change', { bubbles: true })));
}

function buttonIn(item: HTMLElement, text: string): HTMLButtonElement {
  const found = [...item.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button ${text}`);

  return found;
}

function linkNamed(page: HTMLElement, text: string): HTMLAnchorElement {
  const found = [...page.querySelectorAll('a')].find((link) => link.textContent === text);
  if (!found) throw new Error(`no link ${text}`);

  return found;
}
