import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launch, openFixture, tabIdOf, type Session } from '../../scripts/chromium';
import { countRecords } from './extension-data';
import { startSyncServer, type SyncServer } from './sync-server';

/**
 * Two browsers with Rapport, as a rep's laptop and desktop, sync through a Rapport server on
 * loopback: what one saves and logs, the other shows, and both end with the same backup.
 */
describe('sync between two browsers', () => {
  let server: SyncServer;
  let laptop: Session;
  let desktop: Session;

  beforeAll(async () => {
    server = await startSyncServer();
    [laptop, desktop] = await Promise.all([launch(), launch()]);
  });

  afterAll(async () => {
    await Promise.all([laptop?.close(), desktop?.close()]);
    await server?.stop();
  });

  it('sends a contact saved on the laptop to the server', async () => {
    await connect(laptop, server, server.tokens.laptop);
    const panel = await panelFor(laptop);

    await panel.click('[data-testid="new-contact"] button.primary');
    await panel.waitForSelector('[data-testid="saved-contact"]');

    await expect.poll(() => kindsOnServer(server), { timeout: 30_000 }).toContain('contact');
    await panel.close();
  });

  it('shows that contact on the desktop once it connects', async () => {
    const options = await connect(desktop, server, server.tokens.desktop);

    await expect.poll(() => countRecords(options, 'contacts'), { timeout: 30_000 }).toBe(1);
  });

  it('brings a touch logged on the desktop back to the laptop', async () => {
    const panel = await panelFor(desktop);
    const touches = panel.locator('[data-testid="touches"]');

    await panel.waitForSelector('[data-testid="saved-contact"]');
    await touches.locator('textarea[name="summary"]').fill('Call about the pilot');
    await touches.locator('button.primary').click();
    await expect.poll(() => touches.locator('[data-testid="touch-history"] li').count()).toBe(1);
    await expect.poll(() => kindsOnServer(server), { timeout: 30_000 }).toContain('touch');

    const laptopOptions = await optionsOf(laptop);
    await syncNow(laptopOptions);

    await expect.poll(() => countRecords(laptopOptions, 'touches'), { timeout: 30_000 }).toBe(1);
  });

  it('leaves both with the same backup', async () => {
    // Reading the profile on the desktop is a change too (when it was last checked): both sync
    // until neither has anything the other lacks.
    await expect
      .poll(
        async () => {
          await syncNow(await optionsOf(desktop));
          await syncNow(await optionsOf(laptop));

          return isDeepStrictEqual(await backupOf(desktop), await backupOf(laptop));
        },
        { timeout: 60_000 },
      )
      .toBe(true);

    const backup = await backupOf(laptop);
    expect(backup.contacts).toHaveLength(1);
    expect(backup.touches).toHaveLength(1);
  });

  it('takes a new token in place of a refused one and goes on where it stopped', async () => {
    const options = await optionsOf(laptop);
    const sync = options.locator('[data-testid="sync"]');
    const device = await deviceIdOf(options);

    await options.evaluate(
      (url) => chrome.storage.local.set({ syncConnection: { url, token: 'rp_not-a-real-token' } }),
      server.url,
    );
    await syncNow(options);
    const replace = sync.locator('[data-testid="sync-replace-token"]');
    await replace.waitFor({ timeout: 30_000 });

    await replace.locator('input[name="syncToken"]').fill(server.tokens.spare);
    await replace.getByRole('button', { name: 'Use this token' }).click();

    await sync.getByText('Token updated.', { exact: false }).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => sync.locator('[data-testid="sync-status"]').textContent())
      .toContain('Waiting to be sent: 0');
    expect(await deviceIdOf(options)).toBe(device);
    expect(await replace.count()).toBe(0);
  });
});

/** The id this browser syncs under: it stays the same while sync goes on. */
async function deviceIdOf(options: Page): Promise<string> {
  return options.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('sync');
          request.onsuccess = () => resolve(String(request.result?.deviceId));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function optionsOf(session: Session): Promise<Page> {
  const existing = session.context.pages().find((p) => p.url().includes('/options.html'));

  if (existing) return existing;

  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html'));

  return options;
}

async function connect(session: Session, server: SyncServer, token: string): Promise<Page> {
  const options = await optionsOf(session);
  const sync = options.locator('[data-testid="sync"]');

  await sync.locator('input[name="syncUrl"]').fill(server.url);
  await sync.locator('input[name="syncToken"]').fill(token);
  await sync.getByRole('button', { name: 'Connect' }).click();
  await sync.locator('[data-testid="sync-connected"]').waitFor({ timeout: 30_000 });

  return options;
}

async function panelFor(session: Session): Promise<Page> {
  const { sc } = await openFixture(session, 'profile-classic.html');
  const tabId = await tabIdOf(session, sc.servedAt);
  const panel = await session.context.newPage();
  await panel.goto(extensionPage(session, `sidepanel.html?tab=${tabId}`));

  return panel;
}

/** Asks the background to sync, as the rep's click does, and waits until that run is over. */
async function syncNow(options: Page): Promise<void> {
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'sync/now' }));
}

/** The kinds of the changes the server holds, read as the laptop's member. */
async function kindsOnServer(server: SyncServer): Promise<string[]> {
  const response = await fetch(`${server.url}/v1/pull?after=0`, {
    headers: { authorization: `Bearer ${server.tokens.laptop}` },
  });
  const page = (await response.json()) as { changes: { kind: string }[] };

  return page.changes.map((change) => change.kind);
}

async function backupOf(session: Session): Promise<Record<string, unknown>> {
  const options = await optionsOf(session);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  const { exportedAt: _, ...backup } = JSON.parse(
    await readFile((await download.path()) ?? '', 'utf8'),
  );

  return backup;
}
