import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launch, openFixture, tabIdOf, type Session } from '../../scripts/chromium';

describe('the core loop in Chromium', () => {
  let session: Session;
  let panel: Page;
  let tabId: number;
  const PERSON = 'Sofía Ramírez Ortega';
  const CANONICAL = 'https://www.linkedin.com/in/sofia-ramirez-ortega-4a7b2/';

  beforeAll(async () => {
    session = await launch();
    const { sc } = await openFixture(session, 'profile-classic.html');
    tabId = await tabIdOf(session, sc.servedAt);
    panel = await session.context.newPage();
    await panel.goto(extensionPage(session, `sidepanel.html?tab=${tabId}`));
  });

  afterAll(async () => {
    await session.close();
  });

  it('saves the person on the page with one click', async () => {
    await expect.poll(() => panel.inputValue('input[name="name"]')).toBe(PERSON);

    await panel.click('[data-testid="new-contact"] button.primary');

    await panel.waitForSelector('[data-testid="saved-contact"]');
    await expect.poll(() => badge(session, tabId)).toBe('✓');
  });

  it('tags the contact and sets its status', async () => {
    const rep = panel.locator('[data-testid="rep-fields"]');

    await rep.locator('select[name="status"]').selectOption('lead');
    await rep.locator('input[name="tags"]').fill('logistics, priority');
    await rep.locator('button.primary').click();

    await rep.getByRole('status').waitFor();
    await expect
      .poll(() => rep.locator('input[name="tags"]').inputValue())
      .toBe('logistics, priority');
  });

  it('logs a touch and shows it in the history', async () => {
    const touches = panel.locator('[data-testid="touches"]');

    await touches.locator('textarea[name="summary"]').fill('Met at the logistics webinar');
    await touches.locator('button.primary').click();

    await expect.poll(() => touches.locator('[data-testid="touch-history"] li').count()).toBe(1);
    expect(await touches.locator('[data-testid="touch-history"]').textContent()).toContain(
      'Met at the logistics webinar',
    );
  });

  it('sets a next step that the popup lists as due', async () => {
    const step = panel.locator('[data-testid="next-step"]');

    await step.locator('input[name="action"]').fill('Send the proposal');
    await step.locator('input[name="due"]').fill(await localToday(panel));
    await step.locator('button.primary').click();
    await step.locator('[data-testid="open-step"]').waitFor();

    const popup = await session.context.newPage();
    await popup.goto(extensionPage(session, 'popup.html'));
    const today = popup.locator('[data-testid="due-today"]');
    await today.waitFor();
    expect(await today.textContent()).toContain(PERSON);
    expect(await today.textContent()).toContain('Send the proposal');
    await popup.close();
  });

  it('exports a backup that holds the canonical profile URL', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export backup' }).click(),
    ]);

    const backup = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
    expect(download.suggestedFilename()).toMatch(/^rapport-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(backup.format).toBe('rapport-backup');
    expect(backup.contacts.map((c: { profileUrl: string }) => c.profileUrl)).toEqual([CANONICAL]);
    expect(backup.touches).toHaveLength(1);
    expect(backup.nextSteps).toHaveLength(1);
    await options.close();
  });
});

async function badge(session: Session, tabId: number): Promise<string> {
  return session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function localToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  });
}
