import type { Page } from 'playwright-core';
import { extensionPage, type Session } from '../../scripts/chromium';

/** Imports a backup file through the options page, as a rep would, and waits until it is in. */
export async function importBackup(session: Session, json: string): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html'));
  await options.setInputFiles('input[name="backup"]', {
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });

  await options.locator('[data-testid="import-preview"]').getByRole('button').click();
  await options.getByText('Backup imported.').waitFor();
  await options.close();
}

/** How many records a store of the extension's database holds, read from one of its pages. */
export async function countRecords(
  page: Page,
  store: 'contacts' | 'touches' | 'nextSteps',
): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}
