import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, launch, type Session } from '../../scripts/chromium';
import { backupContact, backupOf, importBackup } from './extension-data';

describe('stale contacts in the options page', () => {
  let session: Session;

  beforeAll(async () => {
    session = await launch();
    const checkedToday = new Date().toISOString();
    await importBackup(
      session,
      backupOf([
        backupContact('c-old', 'tomas-quintero', 'Tomás Quintero', {
          lastVerifiedAt: '2024-01-10T09:00:00.000Z',
        }),
        backupContact('c-new', 'noah-fairbanks', 'Noah Fairbanks', {
          lastVerifiedAt: checkedToday,
        }),
      ]),
    );
  });

  afterAll(async () => {
    await session.close();
  });

  it('lists a contact not checked for more than 180 days, and not one checked today', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));

    const stale = options.locator('[data-testid="stale"]');
    await stale.getByRole('link', { name: 'Tomás Quintero' }).waitFor();

    expect(await stale.getByRole('link').allTextContents()).toEqual(['Tomás Quintero']);
    expect(await stale.getByRole('link').getAttribute('href')).toBe(
      'https://www.linkedin.com/in/tomas-quintero/',
    );
  });
});
