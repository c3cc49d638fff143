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

/**
 * A contact as a backup file holds it: the fields every contact has, in the identification
 * stage since it was saved, and `more` on top.
 */
export function backupContact(id: string, key: string, display: string, more: object): object {
  const savedAt = '2026-01-05T10:00:00.000Z';

  return {
    id,
    key,
    profileUrl: `https://www.linkedin.com/in/${key}/`,
    memberUrn: null,
    name: { display, given: null, family: null },
    headline: null,
    company: null,
    title: null,
    location: null,
    avatarUrl: null,
    openToWork: false,
    segment: '',
    relevance: null,
    role: null,
    source: null,
    sourceDetail: '',
    status: 'new',
    tags: [],
    notes: '',
    stage: 'identification',
    stageHistory: [{ stage: 'identification', since: savedAt }],
    keepInTouchDays: null,
    createdAt: savedAt,
    updatedAt: savedAt,
    ...more,
  };
}

/** A backup file that holds these contacts and nothing else. */
export function backupOf(contacts: object[]): string {
  return JSON.stringify({
    format: 'rapport-backup',
    version: 5,
    exportedAt: '2026-01-06T10:00:00.000Z',
    contacts,
    touches: [],
    nextSteps: [],
    templates: [],
    fieldChanges: [],
  });
}

/** The contact an index of the contacts store finds for `value`, read from one of its pages. */
export async function contactBy(
  page: Page,
  index: 'by-key' | 'by-email',
  value: string,
): Promise<Record<string, unknown> | null> {
  return page.evaluate(
    ([name, wanted]) =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('contacts').objectStore('contacts');
          const request = store.index(name).get(wanted);
          request.onsuccess = () => resolve((request.result as Record<string, unknown>) ?? null);
          request.onerror = () => reject(request.error);
        };
      }),
    [index, value] as const,
  );
}
