import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launch, openFixture, tabIdOf, type Session } from '../../scripts/chromium';
import { importBackup } from './extension-data';

const DAY_MS = 86_400_000;
const SOFIA = 'Sofía Ramírez Ortega';

function contact(id: string, key: string, name: string, stage: string, status: string): object {
  const createdAt = new Date(Date.now() - 200 * DAY_MS).toISOString();
  return {
    id,
    key,
    profileUrl: `https://www.linkedin.com/in/${key}/`,
    memberUrn: null,
    name: { display: name, given: null, family: null },
    headline: null,
    company: null,
    title: null,
    location: null,
    avatarUrl: null,
    openToWork: false,
    segment: '',
    relevance: null,
    role: null,
    source: null,
    sourceDetail: '',
    status,
    tags: [],
    notes: '',
    stage,
    stageHistory: [{ stage, since: createdAt }],
    keepInTouchDays: null,
    createdAt,
    updatedAt: createdAt,
  };
}

function touch(id: string, contactId: string, daysAgo: number): object {
  const at = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
  return {
    id,
    contactId,
    at,
    channel: 'meeting',
    direction: 'outbound',
    summary: 'Catch-up',
    supersedes: null,
    createdAt: at,
  };
}

/** A retention-stage client last touched 60 days ago, a new connection touched yesterday. */
function backup(): string {
  return JSON.stringify({
    format: 'rapport-backup',
    version: 3,
    exportedAt: new Date().toISOString(),
    contacts: [
      contact('c-sofia', 'sofia-ramirez-ortega-4a7b2', SOFIA, 'retention', 'client'),
      contact('c-tomas', 'tomas-lind', 'Tomas Lind', 'connection', 'warm'),
    ],
    touches: [touch('t-sofia', 'c-sofia', 60), touch('t-tomas', 'c-tomas', 1)],
    nextSteps: [],
    templates: [],
  });
}

describe('keeping in touch in Chromium', () => {
  let session: Session;
  let popup: Page;

  beforeAll(async () => {
    session = await launch();
    await importBackup(session, backup());
    popup = await session.context.newPage();
    await popup.goto(extensionPage(session, 'popup.html'));
  });

  afterAll(async () => {
    await session.close();
  });

  it('lists only the client who is past the retention cadence', async () => {
    const items = popup.locator('[data-testid="keep-in-touch-item"]');

    await expect.poll(() => items.allTextContents()).toEqual([expect.stringContaining(SOFIA)]);
    expect(await items.first().textContent()).toContain('15 days past a 45-day cadence');
  });

  it('empties the list once a touch is logged for her in the side panel', async () => {
    const { sc } = await openFixture(session, 'profile-classic.html', { realClock: true });
    const panel = await session.context.newPage();
    await panel.goto(
      extensionPage(session, `sidepanel.html?tab=${await tabIdOf(session, sc.servedAt)}`),
    );
    const touches = panel.locator('[data-testid="touches"]');
    await touches.locator('textarea[name="summary"]').fill('Quarterly check-in');

    await touches.locator('button.primary').click();

    await panel.locator('[data-testid="touch-due"][data-overdue="false"]').waitFor();
    await expect.poll(() => popup.locator('[data-testid="keep-in-touch"]').count()).toBe(0);
  });
});
