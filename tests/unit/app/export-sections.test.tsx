import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '@/components/data';
import { ExportSection } from '@/components/options/ExportSection';
import { StorageSection } from '@/components/options/StorageSection';
import { PersonDataSection } from '@/components/sidepanel/PersonDataSection';
import { contact as shownContact } from '@/components/sidepanel/panel-store';
import type { Contact } from '@/lib/model/contact';
import { deleteAllData, getContact, saveContact } from '@/lib/storage/contacts';
import { setNextStep } from '@/lib/storage/next-steps';
import { logTouch } from '@/lib/storage/touches';
import { NOW, draft } from '../storage/fixtures';
import { speakEnglish } from './english';

interface Download {
  name: string;
  blob: Blob;
}

let root: Root;
let host: HTMLElement;
let downloads: Download[];

beforeEach(async () => {
  speakEnglish();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  await deleteAllData(await database());
  downloads = catchDownloads();
  host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
});

afterEach(() => {
  root.unmount();
  host.remove();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'storage');
});

/** Records what the page hands to the browser's downloads instead of downloading it. */
function catchDownloads(): Download[] {
  const caught: Download[] = [];
  const blobs = new Map<string, Blob>();

  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    caught.push({ name: this.download, blob: blobs.get(this.href) ?? new Blob() });
  });

  return caught;
}

function show(node: React.ReactNode): void {
  flushSync(() => root.render(node));
}

function part(testId: string): HTMLElement {
  const found = host.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

  if (!found) throw new Error(`nothing with data-testid="${testId}"`);

  return found;
}

function click(label: string): void {
  const found = [...host.querySelectorAll('button')].find((b) => b.textContent === label);

  if (!found) throw new Error(`no button "${label}"`);

  flushSync(() => found.click());
}

async function ada(): Promise<Contact> {
  const db = await database();
  const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
  const call = { channel: 'call', direction: 'outbound', summary: 'Call' } as const;
  await logTouch(db, { ...call, contactId: contact.id, at: '2026-03-09T10:00:00.000Z' }, NOW);
  await logTouch(db, { ...call, contactId: contact.id, at: '2026-03-09T11:00:00.000Z' }, NOW);
  await setNextStep(db, contact.id, 'Send notes', '2026-03-12', NOW);

  return contact;
}

describe('the export section of the options page', () => {
  it.each([
    ['Contacts (CSV)', 'rapport-contacts-2026-03-10.csv', 'text/csv;charset=utf-8'],
    ['Touches (CSV)', 'rapport-touches-2026-03-10.csv', 'text/csv;charset=utf-8'],
    ['Contacts (vCard)', 'rapport-contacts-2026-03-10.vcf', 'text/vcard;charset=utf-8'],
  ])('downloads %s as %s', async (label, name, type) => {
    await ada();
    show(<ExportSection />);

    click(label);

    await vi.waitFor(() => expect(downloads.map((d) => d.name)).toEqual([name]));
    expect(downloads[0]?.blob.type).toBe(type);
    expect(part('exports').querySelector('[role="alert"]')).toBe(null);
  });

  it('writes the contacts file with the byte order mark a spreadsheet needs', async () => {
    await ada();
    show(<ExportSection />);

    click('Contacts (CSV)');

    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const bytes = new Uint8Array(await (downloads[0]?.blob ?? new Blob()).arrayBuffer());
    expect([...bytes.slice(0, 7)]).toEqual([0xef, 0xbb, 0xbf, 0x4e, 0x61, 0x6d, 0x65]);
  });
});

describe('the person data part of the side panel', () => {
  it('downloads everything about the person as a backup named after them', async () => {
    const contact = await ada();
    show(<PersonDataSection contact={contact} />);

    click('Export this person');

    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const file = JSON.parse(await (downloads[0]?.blob ?? new Blob()).text()) as unknown;
    expect(downloads[0]?.name).toBe('rapport-ada-lovelace-2026-03-10.json');
    expect(file).toMatchObject({
      format: 'rapport-backup',
      contacts: [{ id: contact.id }],
      touches: [{ contactId: contact.id }, { contactId: contact.id }],
      nextSteps: [{ contactId: contact.id, action: 'Send notes' }],
      templates: [],
    });
  });

  it('names the person and what goes with them before deleting them', async () => {
    const contact = await ada();
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    shownContact.value = contact;
    show(<PersonDataSection contact={contact} />);

    click('Delete this person');

    // The panel reloads and, the page being no saved person's, shows no contact.
    await vi.waitFor(() => expect(shownContact.value).toBe(null));
    expect(await getContact(await database(), contact.id)).toBe(undefined);
    expect(confirm).toHaveBeenCalledWith(
      'Delete Ada Lovelace with all their data (touches: 2, next steps: 1)? This cannot be undone.',
    );
  });

  it('keeps the person when the deletion is not confirmed', async () => {
    const contact = await ada();
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    show(<PersonDataSection contact={contact} />);

    click('Delete this person');

    await vi.waitFor(() => expect(confirm).toHaveBeenCalledOnce());
    expect((await getContact(await database(), contact.id))?.id).toBe(contact.id);
  });
});

describe('the storage line of the options page', () => {
  function stubStorage(persisted: boolean): ReturnType<typeof vi.fn> {
    const persist = vi.fn(() => Promise.resolve(persisted));
    const estimate = (): Promise<StorageEstimate> =>
      Promise.resolve({ usage: 2_500_000, quota: 10_000_000_000 });

    // happy-dom has no StorageManager: give the page one for the test.
    Object.defineProperty(navigator, 'storage', {
      value: { persist, estimate },
      configurable: true,
    });

    return persist;
  }

  it('shows the space used and that the data is kept, asking once', async () => {
    const persist = stubStorage(true);

    show(<StorageSection />);

    await vi.waitFor(() =>
      expect(part('storage').textContent).toBe(
        'Storage 2.4 MB used. The browser keeps this data even when disk space runs low.',
      ),
    );
    expect(persist).toHaveBeenCalledOnce();
  });

  it('says so when the browser tells nothing about its storage', async () => {
    show(<StorageSection />);

    await vi.waitFor(() =>
      expect(part('storage').textContent).toBe(
        'Storage The browser does not say how much space is used.',
      ),
    );
  });

  it('says when the browser may clear the data', async () => {
    stubStorage(false);

    show(<StorageSection />);

    await vi.waitFor(() =>
      expect(part('storage').textContent).toBe(
        'Storage 2.4 MB used. The browser may clear this data when disk space runs low; ' +
          'export a backup now and then.',
      ),
    );
  });
});
