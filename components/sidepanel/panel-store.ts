import { batch, signal } from '@preact/signals-react';
import { browser } from 'wxt/browser';
import type { Contact } from '@/lib/model/contact';
import type { NextStep } from '@/lib/model/next-step';
import type { ConversationReading, PageReading } from '@/lib/model/reading';
import type { TouchView } from '@/lib/storage/touches';
import { getContactByKey } from '@/lib/storage/contacts';
import { listTouches } from '@/lib/storage/touches';
import { getOpenNextStep } from '@/lib/storage/next-steps';
import { getTabReading, watchTabReading } from '@/lib/tab-readings';
import { database, messageOf, onDataChanged } from '../data';
import { loadPartners, partners } from './conversation-store';

/** Which tab the panel shows: the one in `?tab=` (pinned) or the active tab of its window. */
export const tabId = signal<number | null>(null);
export const pinned = signal(false);
export const reading = signal<PageReading | null>(null);
export const contact = signal<Contact | null>(null);
export const touches = signal<TouchView[]>([]);
export const nextStep = signal<NextStep | null>(null);
export const loading = signal(true);
export const failure = signal<string | null>(null);

let stopWatching: (() => void) | null = null;

export async function startPanel(search: string): Promise<void> {
  onDataChanged(() => void reloadContact());

  const requested = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) {
    pinned.value = true;
    await follow(requested);
    return;
  }

  await followActiveTab();
  browser.tabs.onActivated.addListener(() => void followActiveTab());
  browser.windows?.onFocusChanged?.addListener(() => void followActiveTab());
}

async function followActiveTab(): Promise<void> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined) await follow(active.id);
}

async function follow(id: number): Promise<void> {
  if (tabId.value === id && stopWatching) return;

  stopWatching?.();
  tabId.value = id;
  stopWatching = watchTabReading(id, (stored) => void show(stored?.reading ?? null));
  await show((await getTabReading(id))?.reading ?? null);
}

async function show(next: PageReading | null): Promise<void> {
  reading.value = next;
  await reloadContact();
  loading.value = false;
}

/** Reloads the stored card, touches and next step of the person or people on the page. */
export async function reloadContact(): Promise<void> {
  const current = reading.value;
  if (current?.kind === 'conversation') await reloadPartners(current.conversation);
  else partners.value = [];

  if (current?.kind !== 'profile') {
    setContact(null, [], null);
    return;
  }

  try {
    const db = await database();
    const found = await getContactByKey(db, current.profile.key);
    if (reading.value !== current) return;

    const history = found ? await listTouches(db, found.id) : [];
    const step = found ? await getOpenNextStep(db, found.id) : null;
    setContact(found ?? null, history, step ?? null);
  } catch (error) {
    failure.value = messageOf(error);
  }
}

async function reloadPartners(conversation: ConversationReading): Promise<void> {
  try {
    const found = await loadPartners(await database(), conversation);
    if (reading.value?.kind === 'conversation' && reading.value.conversation === conversation) {
      partners.value = found;
    }
  } catch (error) {
    failure.value = messageOf(error);
  }
}

function setContact(next: Contact | null, history: TouchView[], step: NextStep | null): void {
  batch(() => {
    contact.value = next;
    touches.value = history;
    nextStep.value = step;
  });
}
