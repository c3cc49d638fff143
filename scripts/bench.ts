/**
 * `npm run bench`: Rapport's speed figures, as JSON and a short table.
 * Needs a built extension (`npm run bench` builds it first) and /usr/bin/chromium.
 */
import { contentScriptSize, contentScriptTime, type Figure } from './bench-content';
import { popupDueList } from './bench-popup';
import { runStorageBench } from './bench-storage';
import { runSyncBench } from './bench-sync';

async function main(): Promise<void> {
  const figures: Figure[] = [await contentScriptSize(), ...(await contentScriptTime())];
  figures.push(...(await popupDueList()));
  for (const result of await runStorageBench()) {
    figures.push({
      ...result,
      name: `storage (fake-indexeddb): ${result.name}`,
      aim: aimOf(result.aim),
    });
  }
  figures.push(...(await runSyncBench()));

  console.log(JSON.stringify(figures, null, 2));
  console.table(figures.map(({ name, value, unit, aim }) => ({ name, value, unit, aim })));
}

function aimOf(aim: number | null): string {
  return aim === null ? '—' : `≤ ${aim}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
