import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launch, type Session } from '../../scripts/chromium';
import { countRecords } from './extension-data';

const CONNECTIONS = readFileSync('tests/fixtures/csv/Connections.csv');

interface StoredConnection {
  name: string;
  company: string | null;
  source: string | null;
  stage: string;
}

type StoredRecord = Omit<StoredConnection, 'name'> & { name: { display: string } };

describe('importing LinkedIn connections in the options page', () => {
  let session: Session;
  let options: Page;

  beforeAll(async () => {
    session = await launch();
    options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
  });

  afterAll(async () => {
    await session.close();
  });

  const choose = (): Promise<void> =>
    options.setInputFiles('input[name="connections-csv"]', {
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: CONNECTIONS,
    });

  it('previews Connections.csv, imports it and stores the contacts', async () => {
    await choose();

    const preview = options.locator('[data-testid="connections-import-preview"]');
    await preview.waitFor();
    const text = await preview.textContent();
    await preview.getByRole('button', { name: 'Import' }).click();
    await options.locator('[data-testid="connections-import-result"]').waitFor();

    expect(text).toContain('New contacts to add: 23');
    expect(text).toContain('Saved contacts to complete: 0');
    expect(text).toContain('Rows naming a person listed higher up, merged into that row: 1');
    expect(text).toContain('Rows skipped: 4');
    expect(text).toContain('empty rows: 3');
    expect(text).toContain('rows with neither a name nor a profile link: 1');
    expect(await options.locator('[data-testid="connections-import-result"]').textContent()).toBe(
      'Imported. Contacts added: 23; completed: 0; unchanged: 0.',
    );
    expect(await countRecords(options, 'contacts')).toBe(23);
    expect(await storedByKey(options, 'анна-смирнова-7b')).toEqual({
      name: 'Анна Смирнова-Лебедева',
      company: 'Saltmarsh Robotics',
      source: 'linkedin-connection',
      stage: 'identification',
    });
  });

  it('finds nothing new in the same file the second time', async () => {
    await choose();

    const preview = options.locator('[data-testid="connections-import-preview"]');
    await preview.waitFor();

    expect(await preview.textContent()).toContain('Saved contacts with nothing to add: 23');
    expect(await preview.textContent()).toContain('Everything in this file is in Rapport already.');
    expect(await preview.getByRole('button', { name: 'Import' }).count()).toBe(0);
  });

  it('says so in plain words when the file is not a Connections export', async () => {
    await options.setInputFiles('input[name="connections-csv"]', {
      name: 'Profile.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('First Name,Last Name,Headline\nAda,Lovelace,Analyst\n'),
    });

    const alert = options.getByRole('alert');
    await alert.waitFor();

    expect(await alert.textContent()).toBe(
      "This file is not LinkedIn's Connections.csv. Pick Connections.csv from the archive of " +
        "LinkedIn's data export. Nothing was changed.",
    );
  });
});

/** A few fields of the contact saved for a profile, read through the key index. */
async function storedByKey(extensionPage: Page, key: string): Promise<StoredConnection | null> {
  const found = await extensionPage.evaluate(
    (slug) =>
      new Promise<StoredRecord | undefined>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('contacts').objectStore('contacts');
          const request = store.index('by-key').get(slug);
          request.onsuccess = () => resolve(request.result as StoredRecord | undefined);
          request.onerror = () => reject(request.error);
        };
      }),
    key,
  );

  if (!found) return null;

  const { name, company, source, stage } = found;
  return { name: name.display, company, source, stage };
}
