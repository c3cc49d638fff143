import { readFileSync } from 'node:fs';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '@/components/data';
import { MessagesImportSection } from '@/components/options/MessagesImportSection';
import { SyncSection } from '@/components/options/SyncSection';
import { TemplatesSection } from '@/components/options/TemplatesSection';
import { deleteAllData, saveContact } from '@/lib/storage/contacts';
import { finishJoining, markSent, outgoing, startSyncing } from '@/lib/storage/sync/device';
import { listTemplates } from '@/lib/storage/templates';
import { listTouches } from '@/lib/storage/touches';
import { NOW, draft } from '../storage/fixtures';
import { setConnection } from '@/lib/sync-service';
import { speakEnglish } from './english';

let root: Root;
let host: HTMLElement;

beforeEach(async () => {
  speakEnglish();
  await deleteAllData(await database());
  host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
});

afterEach(() => {
  root.unmount();
  host.remove();
  vi.restoreAllMocks();
});

/** Renders at once; what the sections load from the database shows up later. */
function show(node: React.ReactNode): void {
  flushSync(() => root.render(node));
}

function part(testId: string): HTMLElement {
  const found = host.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

  if (!found) throw new Error(`nothing with data-testid="${testId}"`);

  return found;
}

function button(label: string): HTMLButtonElement {
  const found = [...host.querySelectorAll('button')].find((b) => b.textContent === label);

  if (!found) throw new Error(`no button "${label}"`);

  return found;
}

/** Clicks the button once it is there, e.g. after the section has loaded. */
async function click(label: string): Promise<void> {
  const found = await vi.waitFor(() => button(label));

  flushSync(() => found.click());
}

/** Types into a React-controlled field the way a browser does. */
function type(name: string, value: string): void {
  const field = host.querySelector<HTMLInputElement>(`[name="${name}"]`);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;

  flushSync(() => {
    setter?.call(field, value);
    field?.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function pick(path: string): void {
  const input = host.querySelector<HTMLInputElement>('input[type="file"]');
  const file = new File([readFileSync(path)], 'messages.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });

  flushSync(() => input?.dispatchEvent(new Event('change', { bubbles: true })));
}

describe('the templates section of the options page', () => {
  it('offers the starter templates in one click when there are none', async () => {
    show(<TemplatesSection />);

    await click('Add starter templates');

    await vi.waitFor(() =>
      expect(host.querySelector('[data-testid="template-list"]')).not.toBe(null),
    );
    const names = [...part('template-list').querySelectorAll('strong')].map((s) => s.textContent);
    const stored = await listTemplates(await database());
    expect(names).toEqual(['Connection note', 'Follow-up', 'Referral ask', 'Thank-you']);
    expect(stored.map((t) => t.statuses)).toEqual([
      ['new'],
      ['warm', 'lead'],
      ['client', 'partner'],
      [],
    ]);
    expect(stored[0]?.body).toBe(
      'Hi {firstName}, I enjoyed reading about your work at {company}. I work with teams in ' +
        'your field and would be glad to connect and swap ideas.',
    );
  });

  it('says what is wrong with a template and stores nothing', async () => {
    show(<TemplatesSection />);
    await click('Add template');

    await click('Save');

    expect(part('template-editor').textContent).toContain(
      'Give the template a name (up to 200 characters). Write the message (up to 5,000 characters).',
    );
    expect(await listTemplates(await database())).toEqual([]);
  });

  it('adds a template with the statuses it suits and points out unknown variables', async () => {
    show(<TemplatesSection />);
    await click('Add template');
    type('template-name', 'After the summit');
    type('template-body', 'Hi {firstName}, {myName} here.');
    flushSync(() => host.querySelector<HTMLInputElement>('[value="lead"]')?.click());

    const warning = part('template-editor').textContent;
    await click('Save');

    await vi.waitFor(() => expect(host.textContent).toContain('Template saved.'));
    expect(warning).toContain('Not variables, so they stay as written: {myName}');
    expect(part('template-list').textContent).toContain('After the summitLead');
    expect((await listTemplates(await database())).map((t) => [t.name, t.statuses])).toEqual([
      ['After the summit', ['lead']],
    ]);
  });

  it('deletes a template once the rep confirms', async () => {
    show(<TemplatesSection />);
    await click('Add starter templates');
    await vi.waitFor(() => button('Edit'));
    // happy-dom has no dialogs: the rep's answer is given here.
    const confirm = vi.fn(() => true);
    globalThis.confirm = confirm;

    await click('Delete');

    await vi.waitFor(() => expect(host.textContent).toContain('Template deleted.'));
    expect(confirm).toHaveBeenCalledWith(
      'Delete the template "Connection note"? This cannot be undone.',
    );
    expect((await listTemplates(await database())).map((t) => t.name)).toEqual([
      'Follow-up',
      'Referral ask',
      'Thank-you',
    ]);
  });
});

describe('the messages import section of the options page', () => {
  it('previews the file, then logs its touches with the saved contacts', async () => {
    const { contact } = await saveContact(await database(), draft('ngozi-adeyemi-clarke-7f3'), {
      now: NOW,
    });
    show(<MessagesImportSection />);

    pick('tests/fixtures/csv/messages.csv');
    await vi.waitFor(() => part('messages-import-preview'));
    const preview = part('messages-import-preview').textContent;
    await click('Import');

    await vi.waitFor(() => part('messages-import-result'));
    expect(preview).toBe(
      'Conversations in the file: 8; with a saved contact: 2.' +
        'Touches to add: 11; already logged: 0.' +
        'Messages skipped because no one in them is saved: 17.' +
        'People in the file not saved yet: 7 (Farid Haddadi, Ilse Vandenberghe, 박지훈, …).' +
        'Import',
    );
    expect(part('messages-import-result').textContent).toBe(
      'Imported. Touches added: 11; already logged: 0.',
    );
    expect((await listTouches(await database(), contact.id)).length).toBe(11);
  });

  it('says a file is not a messages export and changes nothing', async () => {
    show(<MessagesImportSection />);

    pick('tests/fixtures/csv/Connections.csv');

    await vi.waitFor(() => part('messages-import-result'));
    expect(part('messages-import-result').textContent).toBe(
      "This file could not be read as LinkedIn's messages.csv (The file has no header row " +
        'Rapport recognises.). Nothing was changed.',
    );
    expect(host.querySelector('[data-testid="messages-import-preview"]')).toBe(null);
  });
});

describe('the sync section of the options page', () => {
  const url = 'https://rapport.example.test';

  async function connected(): Promise<void> {
    const db = await database();
    await setConnection({ url, token: 'rp_0123456789abcdef' });
    await startSyncing(db, { serverUrl: url, workspaceId: 'w-1' });
  }

  it('says that it reads what the others did before a new device sends anything', async () => {
    await connected();

    show(<SyncSection />);

    await vi.waitFor(() => expect(host.textContent).toContain('Reading what the others did'));
  });

  it('says how many changes the server refused, and why the last one was', async () => {
    const db = await database();
    await saveContact(db, draft('ada-lovelace'), { now: NOW });
    await connected();
    await finishJoining(db);
    const refused = await outgoing(db, 2);
    await markSent(db, refused.seqs, 'changes[0].entityId: Too big');

    show(<SyncSection />);

    await vi.waitFor(() =>
      expect(host.textContent).toContain(
        `Changes the server refused, kept on this device only: ${refused.seqs.length}. ` +
          'Last reason: changes[0].entityId: Too big',
      ),
    );
  });

  it('offers a field for a new token once the server refused the old one', async () => {
    await connected();
    await browser.storage.local.set({
      syncStatus: { state: 'failed', failure: 'token-revoked', message: 'revoked' },
    });

    show(<SyncSection />);

    await vi.waitFor(() => part('sync-replace-token'));
    expect(host.textContent).toContain('This token was revoked.');
    expect(button('Use this token')).toBeDefined();
  });
});
