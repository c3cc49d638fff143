import { describe, expect, it } from 'vitest';
import { forgetUnlessAt, getTabReading, listReadingTabs, saveTabReading } from '@/lib/tab-readings';
import type { PageReading } from '@/lib/model/reading';

const FEED: PageReading = { kind: 'none', url: 'https://www.linkedin.com/feed/', diagnostics: [] };

describe('the readings kept per tab', () => {
  it('lists every tab that has a reading', async () => {
    await saveTabReading(3, FEED);
    await saveTabReading(11, FEED);

    expect((await listReadingTabs()).sort((a, b) => a - b)).toEqual([3, 11]);
  });

  it('keeps a reading when the tab loads the URL it already describes', async () => {
    await saveTabReading(3, FEED);

    await forgetUnlessAt(3, 'https://www.linkedin.com/feed/');

    expect((await getTabReading(3))?.reading).toEqual(FEED);
  });

  it('drops a reading when the tab loads another URL', async () => {
    await saveTabReading(3, FEED);

    await forgetUnlessAt(3, 'https://www.linkedin.com/in/someone/');

    expect(await getTabReading(3)).toBeNull();
  });

  it('drops a reading when the tab leaves for a site Rapport cannot see', async () => {
    await saveTabReading(3, FEED);

    await forgetUnlessAt(3, undefined);

    expect(await getTabReading(3)).toBeNull();
  });
});
