import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extensionPage,
  launch,
  openFixture,
  tabIdOf,
  waitForReading,
  type Session,
} from '../../scripts/chromium';

const PROFILES = [
  'profile-classic.html',
  'profile-hashed-h2.html',
  'profile-shadow.html',
  'profile-open-to-work.html',
  'profile-hostile.html',
  'profile-large.html',
];

const FIELDS = [
  'profileUrl',
  'key',
  'memberUrn',
  'name',
  'rawName',
  'headline',
  'company',
  'title',
  'location',
  'avatarUrl',
  'avatarExpiresAt',
  'openToWork',
] as const;

describe('profile pages in Chromium', () => {
  let session: Session;
  const dialogs: string[] = [];

  beforeAll(async () => {
    session = await launch();
    session.context.on('page', (page) => page.on('dialog', (d) => void dialogs.push(d.message())));
  });

  afterAll(async () => {
    await session.close();
  });

  it.each(PROFILES)(
    'reads %s exactly as its sidecar says, and the panel shows it',
    async (file) => {
      const { page, sc } = await openFixture(session, file);
      page.on('dialog', (d) => void dialogs.push(d.message()));
      const tabId = await tabIdOf(session, sc.servedAt);
      const expected = sc.expected as Record<string, unknown>;

      await expect
        .poll(async () => pick(await waitForReading(session, tabId, sc.servedAt)), {
          timeout: 15_000,
        })
        .toEqual(pickExpected(expected));

      const panel = await session.context.newPage();
      await panel.goto(extensionPage(session, `sidepanel.html?tab=${tabId}`));
      await expect.poll(() => panel.inputValue('input[name="name"]')).toBe(expected.name);
      expect(await panel.inputValue('input[name="company"]')).toBe(expected.company ?? '');
      expect(await panel.inputValue('input[name="title"]')).toBe(expected.title ?? '');
      expect(dialogs).toEqual([]);

      await panel.close();
      await page.close();
    },
  );

  it('offers nothing to save on the feed', async () => {
    const { page, sc } = await openFixture(session, 'feed.html');
    const tabId = await tabIdOf(session, sc.servedAt);

    const reading = (await waitForReading(session, tabId, sc.servedAt)) as { kind: string };
    const panel = await session.context.newPage();
    await panel.goto(extensionPage(session, `sidepanel.html?tab=${tabId}`));

    expect(reading.kind).toBe('none');
    await panel.waitForSelector('[data-testid="empty"]');
    expect(await panel.locator('button.primary').count()).toBe(0);
    await panel.close();
    await page.close();
  });
});

function pick(reading: unknown): Record<string, unknown> {
  const profile = (reading as { profile?: Record<string, unknown> }).profile ?? {};
  return Object.fromEntries(FIELDS.map((field) => [field, profile[field]]));
}

function pickExpected(expected: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((field) => [field, expected[field]]));
}
