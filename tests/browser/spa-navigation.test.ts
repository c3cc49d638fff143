import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extensionPage,
  launch,
  openFixture,
  tabIdOf,
  waitForReading,
  type Session,
} from '../../scripts/chromium';

interface Emitted {
  url: string;
  kind: string;
  profile?: Record<string, unknown>;
}

interface Step {
  action: string | null;
  waitFor: string;
  url: string;
  expected: Record<string, unknown> | null;
  mustNeverEmit?: Record<string, unknown>[];
}

const FIELDS = [
  'profileUrl',
  'key',
  'memberUrn',
  'name',
  'headline',
  'company',
  'title',
  'location',
];

describe('in-app navigation between profiles', () => {
  let session: Session;

  beforeAll(async () => {
    session = await launch();
    // Every reading the background stores, in order, for the whole run.
    await session.worker.evaluate(() => {
      const log: unknown[] = [];
      (globalThis as { emitted?: unknown[] }).emitted = log;
      chrome.storage.session.onChanged.addListener((changes) => {
        for (const change of Object.values(changes)) {
          const reading = (change.newValue as { reading?: unknown } | undefined)?.reading;
          if (reading) log.push(reading);
        }
      });
    });
  });

  afterAll(async () => {
    await session.close();
  });

  it("never shows one person under the other's URL, and captures nothing on the feed", async () => {
    const { page, sc } = await openFixture(session, 'spa-navigation.html');
    const tabId = await tabIdOf(session, sc.servedAt);
    const panel = await session.context.newPage();
    await panel.goto(extensionPage(session, `sidepanel.html?tab=${tabId}`));
    const sequence = sc.sequence as Step[];

    for (const step of sequence) {
      if (step.action) await page.click(step.action.replace(/^click /, ''));
      await page.waitForSelector(step.waitFor, { state: 'attached' });
      await waitForReading(session, tabId, step.url);
      await expect
        .poll(() => lastFor(session, step.url), { timeout: 15_000 })
        .toEqual(step.expected ? pickFields(step.expected) : null);
      if (step.expected) {
        await expect.poll(() => panel.inputValue('input[name="name"]')).toBe(step.expected.name);
      } else {
        await panel.waitForSelector('[data-testid="empty"]');
      }
    }

    const emitted = await allEmitted(session);
    const forbidden = sequence.flatMap((step) => step.mustNeverEmit ?? []);
    for (const reading of emitted) {
      for (const bad of forbidden) expect(matches(reading, bad), JSON.stringify(bad)).toBe(false);
    }
    const complete = emitted.filter(
      (r) => r.profile && (r.profile.missing as unknown[]).length === 0,
    );
    const people = [...new Set(complete.map((r) => r.profile?.key))];
    expect(people).toEqual((sc.expectedRecords as { key: string }[]).map((r) => r.key));
  });
});

async function allEmitted(session: Session): Promise<Emitted[]> {
  return session.worker.evaluate(() => (globalThis as { emitted?: Emitted[] }).emitted ?? []);
}

async function lastFor(session: Session, url: string): Promise<Record<string, unknown> | null> {
  const mine = (await allEmitted(session)).filter((r) => r.url === url);
  const last = mine.at(-1);
  return last?.profile ? pickFields(last.profile) : null;
}

function pickFields(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((field) => [field, record[field]]));
}

function matches(reading: Emitted, bad: Record<string, unknown>): boolean {
  const profile = reading.profile;
  if (!profile) return false;

  return Object.entries(bad).every(([field, value]) => profile[field] === value);
}
