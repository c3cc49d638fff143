import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launch, type Session } from '../../scripts/chromium';
import { importBackup } from './extension-data';

const DAY_MS = 86_400_000;

/** The time `days` before the test runs, as a backup writes it. */
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();

function contact(id: string, slug: string, name: string, fields: object): object {
  return {
    id,
    key: slug,
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    memberUrn: null,
    name: { display: name, given: null, family: null },
    headline: null,
    company: null,
    title: null,
    location: null,
    avatarUrl: null,
    openToWork: false,
    segment: 'Fintech',
    relevance: 'A',
    role: null,
    source: null,
    sourceDetail: '',
    tags: [],
    notes: '',
    keepInTouchDays: null,
    createdAt: daysAgo(90),
    updatedAt: daysAgo(90),
    ...fields,
  };
}

function touch(id: string, contactId: string, at: string): object {
  const fields = { channel: 'meeting', direction: 'outbound', summary: 'Catch-up' };

  return { id, contactId, at, ...fields, supersedes: null, createdAt: at };
}

/**
 * Ada: a client in retention, last touched 60 days ago, past the 45-day cadence.
 * Grace: a connection touched yesterday, well within its 7 days.
 * Alan: just spotted, no cadence, with a next step due three days ago.
 */
function backup(): string {
  const since = (stage: string): object => ({
    stage,
    stageHistory: [{ stage, since: daysAgo(90) }],
  });
  // Three days back in UTC is before today in every time zone.
  const due = daysAgo(3).slice(0, 10);

  return JSON.stringify({
    format: 'rapport-backup',
    version: 3,
    exportedAt: daysAgo(0),
    contacts: [
      contact('c-ada', 'ada-lovelace', 'Ada Lovelace', { status: 'client', ...since('retention') }),
      contact('c-grace', 'grace-hopper', 'Grace Hopper', {
        status: 'warm',
        ...since('connection'),
      }),
      contact('c-alan', 'alan-turing', 'Alan Turing', {
        status: 'new',
        ...since('identification'),
      }),
    ],
    touches: [touch('t-ada', 'c-ada', daysAgo(60)), touch('t-grace', 'c-grace', daysAgo(1))],
    nextSteps: [
      {
        id: 's-alan',
        contactId: 'c-alan',
        action: 'Send the proposal',
        due,
        state: 'open',
        createdAt: daysAgo(5),
        updatedAt: daysAgo(5),
      },
    ],
    templates: [],
  });
}

describe('the Today page in Chromium', () => {
  let session: Session;
  let today: Page;

  beforeAll(async () => {
    session = await launch();
    await importBackup(session, backup());

    today = await session.context.newPage();
    await today.goto(extensionPage(session, 'today.html'));
  });

  afterAll(async () => {
    await session.close();
  });

  const items = (section: string) =>
    today.locator(`[data-testid="${section}"] [data-testid="today-item"]`);

  it('lists only the contact past its cadence under Keep in touch', async () => {
    await items('today-keep-in-touch').first().waitFor();

    expect(await items('today-keep-in-touch').locator('a').allTextContents()).toEqual([
      'Ada Lovelace',
    ]);
    expect(await items('today-keep-in-touch').textContent()).toContain(
      'Check in; ask for feedback or a referral',
    );
  });

  it('lists the overdue next step', async () => {
    await items('today-steps').first().waitFor();

    expect(await items('today-steps').locator('a').allTextContents()).toEqual(['Alan Turing']);
    expect(await items('today-steps').textContent()).toContain('Send the proposal');
  });

  it('hides the client once filtered to the connection stage, and says so in the address', async () => {
    await today.selectOption('select[name="stage"]', 'connection');

    await expect.poll(() => items('today-keep-in-touch').count()).toBe(0);
    expect(await today.locator('[data-testid="today-keep-in-touch"]').textContent()).toContain(
      'Nothing here matches the filters.',
    );
    expect(new URL(today.url()).search).toBe('?stage=connection');
  });

  it('opens filtered as linked', async () => {
    const linked = await session.context.newPage();

    await linked.goto(extensionPage(session, 'today.html?stage=retention'));

    const keep = linked.locator('[data-testid="today-keep-in-touch"] [data-testid="today-item"]');
    await keep.first().waitFor();
    expect(await keep.locator('a').allTextContents()).toEqual(['Ada Lovelace']);
    expect(
      await linked.locator('[data-testid="today-steps"] [data-testid="today-item"]').count(),
    ).toBe(0);
    await linked.close();
  });
});
