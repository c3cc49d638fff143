import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { database } from '@/components/data';
import { RepFields } from '@/components/sidepanel/RepFields';
import type { Contact } from '@/lib/model/contact';
import { deleteAllData, getContact, saveContact } from '@/lib/storage/contacts';
import { NOW, draft } from '../storage/fixtures';
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
});

async function shownFor(overrides: Parameters<typeof draft>[1] = {}): Promise<Contact> {
  const { contact } = await saveContact(await database(), draft('ada-lovelace', overrides), {
    now: NOW,
  });
  flushSync(() => root.render(<RepFields contact={contact} />));

  return contact;
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

function save(): void {
  const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Save changes');

  flushSync(() => button?.click());
}

async function storedEmail(id: string): Promise<string | null | undefined> {
  return (await getContact(await database(), id))?.email;
}

describe('the email on a saved contact’s card', () => {
  it('shows the stored address for the rep to edit', async () => {
    await shownFor({ email: 'ada@analytical.example' });

    const field = host.querySelector<HTMLInputElement>('[name="email"]');

    expect(field?.value).toBe('ada@analytical.example');
    expect(field?.type).toBe('email');
  });

  it('stores the address the rep types, trimmed and lower-cased', async () => {
    const contact = await shownFor();

    type('email', ' Ada.Lovelace@Analytical.EXAMPLE ');
    save();

    await expect.poll(() => storedEmail(contact.id)).toBe('ada.lovelace@analytical.example');
  });

  it('removes the address when the rep empties the field', async () => {
    const contact = await shownFor({ email: 'ada@analytical.example' });

    type('email', '');
    save();

    await expect.poll(() => storedEmail(contact.id)).toBeNull();
  });

  it('says what is wrong with text that is not an address, and stores nothing', async () => {
    const contact = await shownFor({ email: 'ada@analytical.example' });

    type('email', 'ada at analytical');
    save();

    expect(host.textContent).toContain('This is not an email address: ada at analytical');
    expect(await storedEmail(contact.id)).toBe('ada@analytical.example');
  });
});

describe('private tags and notes on a saved contact’s card', () => {
  it('keeps private tags among the tags and marks them as staying on this device', async () => {
    const contact = await shownFor();

    type('tags', 'fintech');
    type('privateTags', 'difficult');
    flushSync(() => host.querySelector<HTMLInputElement>('[name="notesPrivate"]')?.click());
    save();

    await expect
      .poll(async () => (await getContact(await database(), contact.id))?.privateTags)
      .toEqual(['difficult']);
    const stored = await getContact(await database(), contact.id);
    expect(stored?.tags).toEqual(['fintech', 'difficult']);
    expect(stored?.notesPrivate).toBe(true);
  });
});
