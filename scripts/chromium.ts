import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { PINNED_CLOCK_KEY } from '../lib/page-clock';

// Browser tests load the `e2e` build (its content-script clock can be pinned); the demo and
// the benchmark load the production build.
export const EXTENSION_DIR = resolve(process.env.RAPPORT_EXTENSION_DIR ?? '.output/chrome-mv3');
export const FIXTURES = resolve('tests/fixtures/linkedin');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A 1×1 GIF for every LinkedIn media request: nothing may reach the real site.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface Sidecar {
  servedAt: string;
  headers: Record<string, string>;
  kind: 'profile' | 'messaging' | 'other';
  now?: string;
  timeZone?: string;
  expected: Record<string, unknown> | null;
  mustNotCapture?: { name: string; profileUrl: string }[];
  [key: string]: unknown;
}

export async function sidecar(fixture: string): Promise<Sidecar> {
  return JSON.parse(await readFile(join(FIXTURES, `${fixture}.expected.json`), 'utf8')) as Sidecar;
}

export interface Session {
  context: BrowserContext;
  /** The extension's service worker (absent when launched without the extension). */
  worker: Worker;
  extensionId: string;
  /** Fixture pages served at their real URLs, by URL. */
  serve: (fixture: string, sc: Sidecar) => void;
  /** Serves any file at the sidecar's URL instead, such as an edited copy of a fixture. */
  serveFile: (path: string, sc: Sidecar) => void;
  close: () => Promise<void>;
}

/** Chromium with the built extension, in new headless mode, with the web routed to fixtures. */
export interface LaunchOptions {
  timezoneId?: string;
  headed?: boolean;
  /** false: the same browser without Rapport, for comparisons. */
  extension?: boolean;
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const profile = await mkdtemp(join(tmpdir(), 'rapport-profile-'));
  const withExtension = options.extension !== false;
  const extensionArgs = withExtension
    ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]
    : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: !options.headed,
    timezoneId: options.timezoneId,
    args: [
      ...extensionArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  const pages = new Map<string, { file: string; sc: Sidecar }>();
  // Everything on the web is a fixture or nothing; loopback is left alone, where the sync
  // tests run their own Rapport server.
  await context.route(
    (url) =>
      (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '127.0.0.1',
    (route) => {
      const request = route.request();
      const page = pages.get(request.url());
      if (page && request.isNavigationRequest()) {
        return route.fulfill({ status: 200, headers: page.sc.headers, path: page.file });
      }
      if (request.url().startsWith('https://media.licdn.com/')) {
        return route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL });
      }
      return route.abort();
    },
  );

  const worker = withExtension ? await serviceWorker(context) : (null as unknown as Worker);
  const extensionId = withExtension ? new URL(worker.url()).host : '';

  return {
    context,
    worker,
    extensionId,
    serve: (fixture, sc) => pages.set(sc.servedAt, { file: join(FIXTURES, fixture), sc }),
    serveFile: (path, sc) => pages.set(sc.servedAt, { file: path, sc }),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Opens a fixture at its real URL with the clock its sidecar asks for. */
export async function openFixture(
  session: Session,
  fixture: string,
  options: { realClock?: boolean } = {},
): Promise<{ page: Page; sc: Sidecar }> {
  const sc = await sidecar(fixture);
  session.serve(fixture, sc);

  const page = await session.context.newPage();
  // Playwright's clock is the whole context's: extension pages see the fixture's date too.
  if (sc.now && !options.realClock) await page.clock.setFixedTime(new Date(sc.now));
  await pinContentClock(session, options.realClock ? undefined : sc.now);
  await page.goto(sc.servedAt);
  return { page, sc };
}

/**
 * Pins the clock of content scripts that start from now on (an `e2e` build reads it), or lets
 * them use the real one. Playwright's clock does not reach their isolated world.
 */
async function pinContentClock(session: Session, now: string | undefined): Promise<void> {
  if (!session.worker) return;

  await session.worker.evaluate(
    async ([key, value]) => {
      if (value === undefined) await chrome.storage.local.remove(key);
      else await chrome.storage.local.set({ [key]: value });
    },
    [PINNED_CLOCK_KEY, now] as const,
  );
}

/** The browser's id for the tab showing `url`, asked of the extension itself. */
export async function tabIdOf(session: Session, url: string): Promise<number> {
  const id = await session.worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

export function extensionPage(session: Session, path: string): string {
  return `chrome-extension://${session.extensionId}/${path}`;
}

/** The reading the background keeps for a tab, once one exists for the wanted URL. */
export async function waitForReading(
  session: Session,
  tabId: number,
  url: string,
): Promise<unknown> {
  const started = Date.now();
  for (;;) {
    const stored = await session.worker.evaluate(async (key) => {
      const all = await chrome.storage.session.get(key);
      return all[key] ?? null;
    }, `reading:${tabId}`);
    const reading = (stored as { reading?: { url?: string } } | null)?.reading;
    if (reading?.url === url) return reading;
    if (Date.now() - started > 15_000) throw new Error(`no reading for ${url} in tab ${tabId}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
