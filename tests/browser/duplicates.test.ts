import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, launch, type Session } from '../../scripts/chromium';
import { countRecords, importBackup } from './extension-data';

const CREATED = '2026-01-05T10:00:00.000Z';

function card(id: string, key: string, company: string | null): object {
  return {
    id,
    key,
    profileUrl: `https://www.linkedin.com/in/${key}/`,
    memberUrn: null,
    name: { display: 'Ada Lovelace', given: 'Ada', family: 'Lovelace' },
    headline: null,
    company,
    title: null,
    location: null,
    avatarUrl: null,
    openToWork: false,
    segment: '',
    relevance: null,
    role: null,
    source: null,
    sourceDetail: '',
    status: 'warm',
    tags: [id],
    notes: '',
    stage: 'development',
    stageHistory: [{ stage: 'development', since: CREATED }],
    keepInTouchDays: null,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

function touch(id: string, contactId: string): object {
  return {
    id,
    contactId,
    at: CREATED,
    channel: 'call',
    direction: 'outbound',
    summary: `Call ${id}`,
    supersedes: null,
    createdAt: CREATED,
  };
}

/** The same person saved twice: from a profile and from another rep's list. */
function backup(): string {
  return JSON.stringify({
    format: 'rapport-backup',
    version: 3,
    exportedAt: CREATED,
    contacts: [
      card('c-one', 'ada-lovelace', 'Analytical Engines'),
      card('c-two', 'ada-lovelace-1815', 'Analytical Engines'),
    ],
    touches: [touch('t-one', 'c-one'), touch('t-two', 'c-two')],
    nextSteps: [],
    templates: [],
  });
}

describe('likely duplicates in the options page', () => {
  let session: Session;
  let options: Page;

  beforeAll(async () => {
    session = await launch();
    await importBackup(session, backup());
    options = await session.context.newPage();
    await options.goto(extensionPage(session, 'options.html'));
  });

  afterAll(async () => {
    await session.close();
  });

  it('suggests the two cards of one person and merges them keeping both touches', async () => {
    const section = options.locator('[data-testid="duplicates"]');

    await section.getByRole('button', { name: 'Find likely duplicates' }).click();
    await section.getByText('Same name and company').waitFor();
    await section.getByRole('button', { name: 'Merge', exact: true }).click();

    await expect.poll(() => countRecords(options, 'contacts')).toBe(1);
    expect(await countRecords(options, 'touches')).toBe(2);
  });

  it('undoes the merge, bringing back both cards', async () => {
    const section = options.locator('[data-testid="duplicates"]');

    await section.getByRole('button', { name: 'Undo' }).click();

    await expect.poll(() => countRecords(options, 'contacts')).toBe(2);
    expect(await countRecords(options, 'touches')).toBe(2);
  });
});
