import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launch, type Session } from '../../scripts/chromium';
import { backupContact, backupOf, contactBy, countRecords, importBackup } from './extension-data';

/**
 * A sheet from another CRM: Ana has a profile link, Per only the email of a saved contact,
 * Liv neither a link nor a known email. Nobody calls a profile link "LI page": the rep maps
 * that column by hand.
 */
const SHEET = [
  'Full name,LI page,E-mail,Компания,Job title,Birthday',
  'Ana Silva,https://www.linkedin.com/in/ana-silva-7c/,Ana@Fabrikam.example,Fabrikam,CFO,1990',
  'Per Hansen,,per@fjord.example,Fjord AS,Head of Sales,',
  'Liv Berg,,liv@nowhere.example,Nowhere Ltd,CEO,',
].join('\r\n');

/** Per was saved before, with his email but no company yet. */
const SAVED = [backupContact('c-per', 'per-hansen', 'Per Hansen', { email: 'per@fjord.example' })];

describe('importing contacts from a spreadsheet in the options page', () => {
  let session: Session;
  let options: Page;

  beforeAll(async () => {
    session = await launch();
    await importBackup(session, backupOf(SAVED));
    options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
  });

  afterAll(async () => {
    await session.close();
  });

  it('guesses the columns from the headers, the email among them', async () => {
    await options.setInputFiles('input[name="contacts-csv"]', {
      name: 'crm.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(SHEET),
    });

    const columns = options.locator('[data-testid="csv-import-columns"] select');
    await columns.first().waitFor();

    expect(
      await columns.evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value)),
    ).toEqual(['name', '', 'email', 'company', 'title', '']);
  });

  it('previews what the file will do once the rep maps the profile column', async () => {
    const preview = options.locator('[data-testid="csv-import-preview"]');
    await expect.poll(() => preview.textContent()).toContain('New contacts to add: 0');

    await options
      .locator('[data-testid="csv-import-columns"] select')
      .nth(1)
      .selectOption('profileUrl');

    await expect.poll(() => preview.textContent()).toContain('New contacts to add: 1');
    const text = await preview.textContent();

    expect(text).toContain('Saved contacts to complete: 1');
    expect(text).toContain('Saved contacts with nothing to add: 0');
    expect(text).toContain('Rows left out: 1');
    expect(text).toContain('rows without a LinkedIn profile link that name no saved contact: 1');
  });

  it('imports the rows and stores the contacts with their email', async () => {
    await options.locator('[data-testid="csv-import-preview"]').getByRole('button').click();

    const result = options.locator('[data-testid="csv-import-result"]');
    await result.waitFor();

    expect(await result.textContent()).toBe(
      'Imported. Contacts added: 1; completed: 1; unchanged: 0.',
    );
    expect(await countRecords(options, 'contacts')).toBe(2);
    expect(await contactBy(options, 'by-key', 'ana-silva-7c')).toMatchObject({
      name: { display: 'Ana Silva', given: null, family: null },
      email: 'ana@fabrikam.example',
      company: 'Fabrikam',
      title: 'CFO',
      stage: 'identification',
    });
    expect(await contactBy(options, 'by-email', 'per@fjord.example')).toMatchObject({
      key: 'per-hansen',
      company: 'Fjord AS',
      title: 'Head of Sales',
    });
  });
});
