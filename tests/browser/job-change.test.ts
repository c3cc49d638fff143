import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  FIXTURES,
  extensionPage,
  launch,
  openFixture,
  tabIdOf,
  type Session,
  type Sidecar,
} from '../../scripts/chromium';

describe('a saved contact who changed jobs, in Chromium', () => {
  let session: Session;
  let profile: Page;
  let panel: Page;
  let sc: Sidecar;
  let scratch: string;

  beforeAll(async () => {
    session = await launch();
    ({ page: profile, sc } = await openFixture(session, 'profile-classic.html'));
    const tabId = await tabIdOf(session, sc.servedAt);
    panel = await session.context.newPage();
    await panel.goto(extensionPage(session, `sidepanel.html?tab=${tabId}`));
    scratch = await mkdtemp(join(tmpdir(), 'rapport-job-change-'));
  });

  afterAll(async () => {
    await session.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('saves Sofía from her profile', async () => {
    await expect
      .poll(() => panel.inputValue('input[name="company"]'))
      .toBe('Harbor & Finch Logistics');

    await panel.click('[data-testid="new-contact"] button.primary');

    await panel.waitForSelector('[data-testid="saved-contact"]');
    expect(await panel.textContent('[data-testid="field-history"]')).toContain(
      'No changes read from their profile yet.',
    );
  });

  it('shows her new company in the history with a badge when her page says she moved', async () => {
    session.serveFile(await movedCopy(scratch), sc);

    await profile.reload();

    const history = panel.locator('[data-testid="field-history"]');
    await expect.poll(() => history.locator('li').count()).toBe(3);
    expect(await history.textContent()).toContain(
      'Company: Harbor & Finch Logistics → Cobaltmere Bank, ',
    );
    expect(await history.textContent()).toContain(
      'Title: Senior Account Executive → Head of Treasury Sales, ',
    );
    expect(await history.locator('[data-testid="changed-jobs"]').textContent()).toBe(
      'Changed jobs',
    );
  });

  it('leaves the stored card to the rep and suggests congratulating her', async () => {
    const card = panel.locator('[data-testid="stored-card"]');

    expect(await card.locator('[data-field="company"]').textContent()).toBe(
      'Harbor & Finch Logistics',
    );
    await card.locator('[data-testid="changed-company"]').waitFor();
    expect(await panel.textContent('[data-testid="next-step"]')).toContain(
      'Congratulate them on the new role',
    );
  });
});

/** The classic profile page after Sofía moved to a bank as Head of Treasury Sales. */
async function movedCopy(dir: string): Promise<string> {
  const html = await readFile(join(FIXTURES, 'profile-classic.html'), 'utf8');
  const moved = html
    .replaceAll('Harbor &amp; Finch Logistics', 'Cobaltmere Bank')
    .replaceAll('Senior Account Executive', 'Head of Treasury Sales');
  const path = join(dir, 'profile-moved.html');

  await writeFile(path, moved);

  return path;
}
