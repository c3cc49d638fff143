/**
 * The popup's due list in Chromium with a large rep's data in the extension's own IndexedDB:
 * 50,000 contacts, 500,000 touches and 20,000 open next steps.
 */
import { todayIn } from '../lib/dates';
import type { Figure } from './bench-content';
import { contact, step, touch } from './bench-storage';
import { extensionPage, launch, type Session } from './chromium';

const CONTACTS = 50_000;
const TOUCHES_PER_CONTACT = 10;
const OPEN_STEPS = 20_000;
const BATCH = 2_500;
const RUNS = 5;

export async function popupDueList(): Promise<Figure[]> {
  const session = await launch();
  try {
    await loadData(session);
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await openPopup(session));
    return [
      figure(
        'popup: due list shown after asking for it (median)',
        runs.map((r) => r.list),
        '≤ 50',
      ),
      // For reference: the page's own loading (scripts, React) comes on top of the list.
      figure(
        'popup: due list shown after navigation start (median)',
        runs.map((r) => r.page),
        '—',
      ),
    ];
  } finally {
    await session.close();
  }
}

/** Writes the records straight into the extension's database, as a restored backup would. */
async function loadData(session: Session): Promise<void> {
  const started = Date.now();
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'popup.html'));
  await page.waitForSelector('[data-testid="due-empty"]');
  const today = todayIn();

  for (let start = 0; start < CONTACTS; start += BATCH) {
    const batch = records(start, Math.min(start + BATCH, CONTACTS), today);
    await page.evaluate(writeBatch, batch);
  }
  await page.close();
  console.error(
    `loaded the popup benchmark's data in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

function records(from: number, to: number, today: string) {
  const contacts = [];
  const touches = [];
  const nextSteps = [];
  for (let i = from; i < to; i++) {
    contacts.push(contact(i));
    for (let t = 0; t < TOUCHES_PER_CONTACT; t++) touches.push(touch(i, t));
    if (i < OPEN_STEPS) nextSteps.push(step(i, today));
  }
  return { contacts, touches, nextSteps };
}

// Runs inside the extension page, so it may use only what the page has: raw IndexedDB.
function writeBatch(batch: Record<'contacts' | 'touches' | 'nextSteps', unknown[]>): Promise<void> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('rapport');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['contacts', 'touches', 'nextSteps'], 'readwrite');
      for (const store of ['contacts', 'touches', 'nextSteps'] as const) {
        for (const record of batch[store]) tx.objectStore(store).put(record);
      }
      tx.oncomplete = () => (db.close(), done());
      tx.onerror = () => fail(tx.error);
    };
  });
}

async function openPopup(session: Session): Promise<{ list: number; page: number }> {
  const page = await session.context.newPage();
  await page.goto(extensionPage(session, 'popup.html'));
  await page.waitForSelector('[data-testid="due-item"]');
  // The popup counts what lies beyond its lists after showing them; a popup is opened one at a
  // time, so the next run starts once this one has finished its reads.
  await page.waitForFunction(
    () => performance.getEntriesByName('rapport:due-list-counted').length > 0,
  );
  // No helper functions inside: tsx would wrap them in a helper the page does not have.
  const times = await page.evaluate(() => {
    const shown = performance.getEntriesByName('rapport:due-list-shown')[0]?.startTime ?? NaN;
    const asked = performance.getEntriesByName('rapport:due-list-requested')[0]?.startTime ?? NaN;
    return { list: shown - asked, page: shown };
  });
  await page.close();
  return times;
}

function figure(name: string, values: number[], aim: string): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return { name, value: Math.round(median * 100) / 100, unit: 'ms', aim };
}
