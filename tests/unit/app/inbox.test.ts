import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { handleMessage } from '@/lib/inbox';
import { getTabReading } from '@/lib/tab-readings';
import { listDiagnostics } from '@/lib/diagnostics';
import { updateSettings } from '@/lib/settings';
import { openRapportDB, type RapportDB } from '@/lib/storage/db';
import type { PageReading } from '@/lib/model/reading';
import { saveContact } from '@/lib/storage/contacts';
import { listTouches } from '@/lib/storage/touches';
import { readMessagingSidecar } from '../linkedin/conversations';

const FROM_TAB = { tab: { id: 7 } } as Browser.runtime.MessageSender;

const FEED: PageReading = {
  kind: 'none',
  url: 'https://www.linkedin.com/feed/',
  diagnostics: [{ tag: 'linkedin/page', message: 'not a profile page' }],
};

describe('the background inbox', () => {
  let db: RapportDB;
  const database = (): Promise<RapportDB> => Promise.resolve(db);

  beforeEach(async () => {
    db = await openRapportDB(`inbox-${crypto.randomUUID()}`);
    // The fake browser has no toolbar button; the badge calls only need to succeed.
    Object.assign(fakeBrowser, {
      action: {
        setBadgeText: vi.fn(async () => undefined),
        setBadgeBackgroundColor: vi.fn(async () => undefined),
      },
    });
  });

  it('answers a malformed message with a typed error and stores nothing', async () => {
    const reply = await handleMessage(
      { type: 'page/read', reading: { kind: 'x' } },
      FROM_TAB,
      database,
    );

    expect(reply).toMatchObject({ ok: false, code: 'malformed' });
    expect(await getTabReading(7)).toBeNull();
  });

  it('keeps the latest reading of the tab it came from', async () => {
    const reply = await handleMessage({ type: 'page/read', reading: FEED }, FROM_TAB, database);

    expect(reply).toEqual({ ok: true });
    expect((await getTabReading(7))?.reading).toEqual(FEED);
  });

  it('refuses a reading that did not come from a tab', async () => {
    const reply = await handleMessage({ type: 'page/read', reading: FEED }, {}, database);

    expect(reply).toMatchObject({ ok: false, code: 'failed' });
  });

  it('records diagnostics only while the rep has them turned on', async () => {
    await handleMessage({ type: 'page/read', reading: FEED }, FROM_TAB, database);
    expect(await listDiagnostics()).toEqual([]);

    await updateSettings({ diagnostics: true });
    await handleMessage({ type: 'page/read', reading: FEED }, FROM_TAB, database);

    const recorded = await listDiagnostics();
    expect(recorded.map(({ tag, message, url }) => ({ tag, message, url }))).toEqual([
      {
        tag: 'linkedin/page',
        message: 'not a profile page',
        url: 'https://www.linkedin.com/feed/',
      },
    ]);
  });

  it('shows on the toolbar that the person on the page is not saved yet', async () => {
    const reading: PageReading = {
      kind: 'profile',
      url: 'https://www.linkedin.com/in/ada-lovelace/',
      diagnostics: [],
      profile: {
        profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
        key: 'ada-lovelace',
        memberUrn: null,
        name: 'Ada Lovelace',
        rawName: 'Ada Lovelace',
        givenName: 'Ada',
        familyName: 'Lovelace',
        headline: null,
        company: null,
        title: null,
        location: null,
        avatarUrl: null,
        avatarExpiresAt: null,
        openToWork: false,
        missing: ['headline', 'company', 'title', 'location', 'avatarUrl', 'memberUrn'],
      },
    };

    await handleMessage({ type: 'page/read', reading }, FROM_TAB, database);

    expect(browser.action.setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '+' });
  });

  describe('with a conversation open', () => {
    const { servedAt, expected } = readMessagingSidecar('messaging-thread.html');
    const reading: PageReading = {
      kind: 'conversation',
      url: servedAt,
      conversation: expected,
      diagnostics: [],
    };

    async function savedNgozi(): Promise<string> {
      const draft = {
        key: 'ngozi-adeyemi-clarke-7f3',
        profileUrl: 'https://www.linkedin.com/in/ngozi-adeyemi-clarke-7f3/',
        name: { display: 'Ngozi Adeyemi-Clarke', given: 'Ngozi', family: 'Adeyemi-Clarke' },
      };
      return (await saveContact(db, draft)).contact.id;
    }

    it('logs nothing on its own while automatic logging is off', async () => {
      const ngozi = await savedNgozi();

      await handleMessage({ type: 'page/read', reading }, FROM_TAB, database);

      expect(await listTouches(db, ngozi)).toEqual([]);
    });

    it('logs the thread of a saved contact once when automatic logging is on', async () => {
      const ngozi = await savedNgozi();
      await updateSettings({ autoLogConversations: true });

      await handleMessage({ type: 'page/read', reading }, FROM_TAB, database);
      await handleMessage({ type: 'page/read', reading }, FROM_TAB, database);

      expect(await listTouches(db, ngozi)).toHaveLength(9);
    });
  });
});
