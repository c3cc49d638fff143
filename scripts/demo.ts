/**
 * `npm start`: a short demo on built-in sample pages, fully offline. Opens Chromium with the
 * extension; on a profile it saves the person, logs a touch, sets a next step and opens the
 * popup; in an InMail thread it saves the partner and logs the conversation, which the popup
 * then lists as a reply due. It saves a screenshot of each step. With a display the
 * browser stays open to try things by hand.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionPage, launch, openFixture, tabIdOf, type Session } from './chromium';

const OUT = resolve('artifacts/demo');
const wantsHeaded = process.argv.includes('--headed');
// A headed browser needs a display; without one the demo still runs, headless.
const headed = Boolean(process.env.DISPLAY);

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  if (wantsHeaded && !headed) console.log('No display found: running headless.');
  const session = await launch({ headed });
  const { page, sc } = await openFixture(session, 'profile-classic.html', { realClock: true });
  await shot(page, '1-linkedin-profile');

  const tabId = await tabIdOf(session, sc.servedAt);
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1100 });
  await panel.goto(extensionPage(session, `sidepanel.html?tab=${tabId}`));
  await panel.waitForSelector('[data-testid="new-contact"] input[name="name"]');
  await shot(panel, '2-panel-reads-the-person');

  await saveLogAndPlan(panel);
  await shot(panel, '3-panel-saved-with-touch-and-step');

  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(extensionPage(session, 'popup.html'));
  await popup.waitForSelector('[data-testid="due-item"]');
  await shot(popup, '4-popup-due-follow-ups');

  await addStarterTemplates(session);
  const inmail = await openFixture(session, 'messaging-inmail.html', { realClock: true });
  const threadTab = await tabIdOf(session, inmail.sc.servedAt);
  await panel.goto(extensionPage(session, `sidepanel.html?tab=${threadTab}`));
  await saveAndLogConversation(panel);
  await shot(panel, '5-panel-in-a-conversation');

  await popup.reload();
  await popup.waitForSelector('[data-testid="reply-due"]');
  await shot(popup, '6-popup-replies-due');

  console.log(`Demo finished. Screenshots are in ${OUT}`);
  if (headed) console.log('The browser stays open: close it (or press Ctrl+C) when done.');
  else await session.close();
}

async function saveLogAndPlan(panel: Page): Promise<void> {
  await panel.click('[data-testid="new-contact"] button.primary');
  await panel.waitForSelector('[data-testid="saved-contact"]');

  await panel.fill(
    '[data-testid="touches"] textarea[name="summary"]',
    'Met at the logistics webinar',
  );
  await panel.click('[data-testid="touches"] button.primary');
  await panel.waitForSelector('[data-testid="touch-history"] li');

  await panel.fill('[data-testid="next-step"] input[name="action"]', 'Send the proposal');
  await panel.getByRole('button', { name: 'Tomorrow' }).click();
  await panel.click('[data-testid="next-step"] button.primary');
  await panel.waitForSelector('[data-testid="open-step"]');
}

/** The options page's starter set, so the panel has templates to offer. */
async function addStarterTemplates(session: Session): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html'));
  await options.getByRole('button', { name: 'Add starter templates' }).click();
  await options.waitForSelector('[data-testid="template-list"] li');
  await options.close();
}

async function saveAndLogConversation(panel: Page): Promise<void> {
  await panel.click('[data-testid="partner"] button.primary');
  await panel.waitForSelector('[data-testid="partner"][data-saved="true"]');

  await panel.click('[data-testid="log-conversation"] button.primary');
  await panel.waitForSelector('[data-testid="log-conversation"] [role="status"]');
}

async function shot(page: Page, name: string): Promise<void> {
  const path = `${OUT}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(`saved ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
