import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launch, type Session } from '../../scripts/chromium';

const CONTACT = {
  id: 'c-ada',
  key: 'ada-lovelace-1815',
  profileUrl: 'https://www.linkedin.com/in/ada-lovelace-1815/',
  memberUrn: null,
  name: { display: 'Ada Lovelace', given: 'Ada', family: 'Lovelace' },
  headline: 'Analyst',
  company: 'Analytical Engines Ltd',
  title: 'Analyst',
  location: 'London',
  avatarUrl: null,
  openToWork: false,
  segment: 'engineering',
  relevance: 'A',
  role: 'decision-maker',
  source: 'event',
  sourceDetail: 'Difference Engine meetup',
  status: 'client',
  tags: ['math'],
  notes: '',
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
};

function backupWith(contact: object, due: string): string {
  return JSON.stringify({
    format: 'rapport-backup',
    version: 1,
    exportedAt: '2026-01-06T10:00:00.000Z',
    contacts: [contact],
    touches: [
      {
        id: 't-1',
        contactId: 'c-ada',
        at: '2026-01-05T11:00:00.000Z',
        channel: 'meeting',
        direction: 'outbound',
        summary: 'Kick-off',
        supersedes: null,
        createdAt: '2026-01-05T11:00:00.000Z',
      },
    ],
    nextSteps: [
      {
        id: 's-1',
        contactId: 'c-ada',
        action: 'Ask for a referral',
        due,
        state: 'open',
        openDue: due,
        createdAt: '2026-01-05T11:00:00.000Z',
        updatedAt: '2026-01-05T11:00:00.000Z',
      },
    ],
  });
}

describe('backups in the options page', () => {
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

  const choose = (name: string, text: string): Promise<void> =>
    options.setInputFiles('input[name="backup"]', {
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });

  it('refuses a backup with a bad record, naming the record and the reason', async () => {
    await choose('bad.json', backupWith({ ...CONTACT, profileUrl: 'not a url' }, '2026-01-07'));

    const alert = options.getByRole('alert');
    await alert.waitFor();

    expect(await alert.textContent()).toContain('contacts[0].profileUrl');
    expect(await options.locator('[data-testid="import-preview"]').count()).toBe(0);
  });

  it('refuses a file that is not JSON with a message a person can read', async () => {
    await choose('truncated.json', '{"format": "rapport-backup", "version": 2, "contacts": [');

    const alert = options.getByRole('alert').filter({ hasText: 'not valid JSON' });
    await alert.waitFor();

    expect(await alert.textContent()).not.toContain('position');
    expect(await options.locator('[data-testid="import-preview"]').count()).toBe(0);
  });

  it('previews a good backup, imports it, and the popup lists its next step', async () => {
    const today = await options.evaluate(() => new Date().toLocaleDateString('sv'));
    await choose('good.json', backupWith(CONTACT, today));

    const preview = options.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(
      'add 1 contacts, 1 touches, 1 next steps and 0 templates',
    );
    await preview.getByRole('button').click();
    await options.getByText('Backup imported.').waitFor();

    const popup = await session.context.newPage();
    await popup.goto(extensionPage(session, 'popup.html'));
    const due = popup.locator('[data-testid="due-today"]');
    await due.waitFor();
    expect(await due.textContent()).toContain('Ada Lovelace');
    expect(await due.textContent()).toContain('Ask for a referral');
  });
});

describe('pages that stay open while data changes', () => {
  it('forgets a contact in the open popup once all data is deleted in the options page', async () => {
    const session = await launch();
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
    const today = await options.evaluate(() => new Date().toLocaleDateString('sv'));
    await options.setInputFiles('input[name="backup"]', {
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backupWith(CONTACT, today)),
    });
    await options.locator('[data-testid="import-preview"]').getByRole('button').click();
    const popup = await session.context.newPage();
    await popup.goto(extensionPage(session, 'popup.html'));
    await popup.locator('[data-testid="due-item"]').waitFor();

    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByRole('button', { name: 'Delete all data' }).click();

    await popup.locator('[data-testid="due-empty"]').waitFor();
    expect(await popup.locator('[data-testid="due-item"]').count()).toBe(0);
    await session.close();
  });
});
