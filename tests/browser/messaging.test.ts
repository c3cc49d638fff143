import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  extensionPage,
  launch,
  openFixture,
  tabIdOf,
  waitForReading,
  type Session,
  type Sidecar,
} from '../../scripts/chromium';
import { countRecords } from './extension-data';

const THREADS = ['messaging-thread.html', 'messaging-inmail.html', 'messaging-group.html'];
const NGOZI = 'Ngozi Adeyemi-Clarke';
const VIEWER = 'Noor Halvorsen';

interface ExpectedConversation {
  threadId: string;
  kind: string;
  partners: { name: string; profileUrl: string }[];
  messages: { text: string }[];
  [field: string]: unknown;
}

/** The README's rule for message text: trimmed, every whitespace run one space. */
function collapsed(conversation: ExpectedConversation): ExpectedConversation {
  const messages = conversation.messages.map((m) => ({ ...m, text: m.text.replace(/\s+/g, ' ') }));
  return { ...conversation, messages: messages.map((m) => ({ ...m, text: m.text.trim() })) };
}

describe('messaging threads in Chromium', () => {
  let session: Session;
  const opened = new Map<string, { page: Page; sc: Sidecar; tabId: number }>();
  const dialogs: string[] = [];

  beforeAll(async () => {
    session = await launch({ timezoneId: 'Europe/Berlin' });
    session.context.on('page', (page) => page.on('dialog', (d) => void dialogs.push(d.message())));

    for (const file of THREADS) {
      const { page, sc } = await openFixture(session, file);
      opened.set(file, { page, sc, tabId: await tabIdOf(session, sc.servedAt) });
    }
  });

  afterAll(async () => {
    await session.close();
  });

  it.each(THREADS)('reads %s exactly as its sidecar says', async (file) => {
    const { sc, tabId } = fixture(file);
    const expected = sc.expected as ExpectedConversation;

    const reading = (await waitForReading(session, tabId, sc.servedAt)) as {
      conversation: ExpectedConversation;
    };

    const read = collapsed(reading.conversation);
    const { messages, partners, threadId, kind, lastDirection, lastMessageAt } =
      collapsed(expected);
    expect(read).toMatchObject({ threadId, kind, partners, lastDirection, lastMessageAt });
    expect(read.messages).toEqual(messages);
  });

  it.each(THREADS)('names the partners of %s in the panel, never the viewer', async (file) => {
    const { sc } = fixture(file);
    const names = (sc.expected as ExpectedConversation).partners.map((p) => p.name);

    const panel = await openPanel(file);

    await expect.poll(() => partnerNames(panel)).toEqual(names);
    expect(await panel.locator('[data-testid="partners"]').textContent()).not.toContain(VIEWER);
    await panel.close();
  });

  it('logs an InMail once, however often the rep clicks, and counts a reply due', async () => {
    const panel = await openPanel('messaging-inmail.html');
    await panel.locator('[data-testid="partner"] button.primary').click();
    await expect.poll(() => savedFlags(panel)).toEqual(['true']);

    await logConversation(panel, '2 new messages logged.');
    await logConversation(panel, '0 new messages logged. 2 were logged before.');

    expect(await countRecords(panel, 'touches')).toBe(2);
    const popup = await openPopup();
    await expect
      .poll(() => popup.locator('[data-testid="reply-due"]').allTextContents())
      .toEqual([expect.stringContaining(NGOZI)]);
    await Promise.all([panel.close(), popup.close()]);
  });

  it('adds only the 1:1 thread’s own messages, and the rep’s answer clears the reply due', async () => {
    const panel = await openPanel('messaging-thread.html');
    await expect.poll(() => savedFlags(panel)).toEqual(['true']);

    await logConversation(panel, '9 new messages logged.');

    expect(await countRecords(panel, 'touches')).toBe(11);
    await panel.locator('[data-testid="follow-up-suggestion"] button').click();
    await panel.locator('[data-testid="partner-next-step"]', { hasText: 'Follow up' }).waitFor();
    const popup = await openPopup();
    await popup.locator('[data-testid="due-upcoming"]').first().waitFor();
    expect(await popup.locator('[data-testid="reply-due"]').count()).toBe(0);
    await Promise.all([panel.close(), popup.close()]);
  });

  it('saves the participants the rep picks in a group, and logs touches with them', async () => {
    const panel = await openPanel('messaging-group.html');
    const picks = panel.locator('[data-testid="partner"] input[type="checkbox"]');
    await expect.poll(() => picks.count()).toBe(3);

    await picks.nth(0).check();
    await picks.nth(1).check();
    await panel.locator('[data-testid="save-selected"]').click();

    await expect.poll(() => savedFlags(panel)).toEqual(['true', 'true', 'false']);
    await logConversation(panel, 'new messages logged.');
    expect(await countRecords(panel, 'touches')).toBe(19);
    await panel.close();
  });

  it('inserts a filled template into the message box only on click, and sends nothing', async () => {
    const { page } = fixture('messaging-thread.html');
    await page.evaluate(() => {
      const events: string[] = [];
      document.addEventListener('submit', () => events.push('submit'), true);
      document.addEventListener('click', () => events.push('click'), true);
      Object.assign(window, { rapportTestEvents: events });
    });
    const panel = await openPanel('messaging-thread.html');
    await seedTemplate(panel, 'Hi {firstName}, thanks for the call. {company}');
    await panel.reload();

    await panel.locator('[data-testid="template"] button', { hasText: 'Insert' }).click();

    await panel.locator('[data-testid="template"] [role="status"]').waitFor();
    const box = page.locator('.msg-form__contenteditable');
    await expect.poll(() => box.innerText()).toContain('Hi Ngozi, thanks for the call.');
    expect(
      await page.evaluate(() => (window as { rapportTestEvents?: string[] }).rapportTestEvents),
    ).toEqual([]);
    expect(dialogs).toEqual([]);
    await panel.close();
  });

  function fixture(file: string): { page: Page; sc: Sidecar; tabId: number } {
    const found = opened.get(file);
    if (!found) throw new Error(`${file} was not opened`);
    return found;
  }

  async function openPanel(file: string): Promise<Page> {
    const panel = await session.context.newPage();
    await panel.goto(extensionPage(session, `sidepanel.html?tab=${fixture(file).tabId}`));
    await panel.locator('[data-testid="conversation"]').waitFor();
    return panel;
  }

  async function openPopup(): Promise<Page> {
    const popup = await session.context.newPage();
    await popup.goto(extensionPage(session, 'popup.html'));
    return popup;
  }
});

async function partnerNames(panel: Page): Promise<string[]> {
  const names = panel.locator('[data-testid="partner"] strong');
  return (await names.allTextContents()).map((name) => name.trim());
}

async function savedFlags(panel: Page): Promise<(string | null)[]> {
  const items = await panel.locator('[data-testid="partner"]').all();
  return Promise.all(items.map((item) => item.getAttribute('data-saved')));
}

async function logConversation(panel: Page, result: string): Promise<void> {
  const section = panel.locator('[data-testid="log-conversation"]');
  await section.locator('button.primary').click();
  await section.locator('[role="status"]', { hasText: result }).waitFor();
}

async function seedTemplate(extensionPage: Page, body: string): Promise<void> {
  await extensionPage.evaluate(
    (text) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('templates', 'readwrite');
          const at = new Date().toISOString();
          const record = { id: 'thanks', name: 'Thanks', body: text, statuses: [] };
          tx.objectStore('templates').put({ ...record, createdAt: at, updatedAt: at });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    body,
  );
}
