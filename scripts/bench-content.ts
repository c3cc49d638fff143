/**
 * The content script's cost on LinkedIn: its gzipped size, and the main-thread script time it
 * adds on the 1.1 MB profile compared with the same page loaded without the extension.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession } from 'playwright-core';
import { EXTENSION_DIR, launch, sidecar, tabIdOf, waitForReading, type Session } from './chromium';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  aim: string;
}

const RUNS = 5;
const FIXTURE = 'profile-large.html';

export async function contentScriptSize(): Promise<Figure> {
  const file = join(EXTENSION_DIR, 'content-scripts/linkedin.js');
  const gz = gzipSync(await readFile(file), { level: 9 }).length;
  return { name: 'content script size (gzip)', value: round(gz / 1024), unit: 'KB', aim: '≤ 15' };
}

/** The added time, and the two medians it is the difference of, so noise can be judged. */
export async function contentScriptTime(): Promise<Figure[]> {
  const withExtension = median(await scriptTimes(true));
  const without = median(await scriptTimes(false));
  const page = 'main-thread script time on the 1.1 MB profile';

  return [
    {
      name: `content script: added ${page}`,
      value: round(withExtension - without),
      unit: 'ms',
      aim: '≤ 6',
    },
    {
      name: `  with Rapport (median of ${RUNS})`,
      value: round(withExtension),
      unit: 'ms',
      aim: '—',
    },
    { name: `  without Rapport (median of ${RUNS})`, value: round(without), unit: 'ms', aim: '—' },
  ];
}

async function scriptTimes(extension: boolean): Promise<number[]> {
  const session = await launch({ extension });
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) times.push(await oneRun(session, extension));
  } finally {
    await session.close();
  }
  return times;
}

/**
 * Script time of one page load, counted from before the navigation: the metrics only count
 * what runs after the Performance domain is enabled.
 */
async function oneRun(session: Session, extension: boolean): Promise<number> {
  const sc = await sidecar(FIXTURE);
  session.serve(FIXTURE, sc);
  const page = await session.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  await page.goto(sc.servedAt);
  if (extension) await waitForReading(session, await tabIdOf(session, sc.servedAt), sc.servedAt);
  // Let the watcher's settle timer and any late reads finish before sampling.
  await page.waitForTimeout(1_000);

  const ms = await scriptMs(cdp);
  await cdp.detach();
  await page.close();
  return ms;
}

async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const script = metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  return script * 1_000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
