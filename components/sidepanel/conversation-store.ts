import { signal } from '@preact/signals-react';
import { keyOf, type Thread } from '@/lib/conversation-touches';
import type { Contact } from '@/lib/model/contact';
import type { NextStep } from '@/lib/model/next-step';
import type { ConversationPerson, ConversationReading } from '@/lib/model/reading';
import { savedContactsByKey } from '@/lib/storage/conversations';
import { getOpenNextStep } from '@/lib/storage/next-steps';
import { lastTouch, type TouchView } from '@/lib/storage/touches';
import type { RapportDB } from '@/lib/storage/db';

/** A person of the open conversation, with what Rapport knows of them. */
export interface PartnerView {
  person: ConversationPerson;
  key: string | null;
  contact: Contact | null;
  lastTouch: TouchView | null;
  nextStep: NextStep | null;
}

export const partners = signal<PartnerView[]>([]);

/** The partners of `conversation`, each looked up among the saved contacts. */
export async function loadPartners(
  db: RapportDB,
  conversation: ConversationReading,
): Promise<PartnerView[]> {
  const people = conversation.partners;
  const keys = people.map((person) => keyOf(person.profileUrl));
  const saved = await savedContactsByKey(
    db,
    keys.filter((key) => key !== null),
  );

  return Promise.all(people.map((person, i) => viewOf(db, person, keys[i] ?? null, saved)));
}

async function viewOf(
  db: RapportDB,
  person: ConversationPerson,
  key: string | null,
  saved: Map<string, Contact>,
): Promise<PartnerView> {
  const contact = key === null ? null : (saved.get(key) ?? null);
  if (!contact) return { person, key, contact: null, lastTouch: null, nextStep: null };

  const [last, step] = await Promise.all([
    lastTouch(db, contact.id),
    getOpenNextStep(db, contact.id),
  ]);

  return { person, key, contact, lastTouch: last ?? null, nextStep: step ?? null };
}

/** The reading as a thread to log; null when the URL named no thread. */
export function threadOf(conversation: ConversationReading): Thread | null {
  if (conversation.threadId === null) return null;

  return {
    threadId: conversation.threadId,
    kind: conversation.kind,
    partners: conversation.partners,
    messages: conversation.messages,
  };
}
