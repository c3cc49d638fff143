import { messageRef, type Channel, type Direction, type NewTouch } from './model/touch';
import type { ConversationKind } from './model/reading';
import { canonicalProfileUrl } from './sites/linkedin';

/** A message as both sources give it: the open thread on the page and LinkedIn's export. */
export interface ThreadMessage {
  direction: Direction;
  text: string;
  /** ISO-8601; null when the page did not show a readable time. */
  at: string | null;
  fromProfileUrl: string | null;
  subject?: string | null;
}

/** One conversation, from the page or from `messages.csv`; `partners` never holds the rep. */
export interface Thread {
  threadId: string;
  kind: ConversationKind;
  partners: { profileUrl: string | null }[];
  messages: ThreadMessage[];
}

export interface ThreadTouches {
  touches: NewTouch[];
  /** Messages with a saved partner that have no time and so cannot be logged. */
  untimed: number;
}

/** Saved contacts by their profile key, e.g. from a look-up of the thread's partners. */
export type SavedByKey = ReadonlyMap<string, string>;

const SUMMARY_LENGTH = 200;

/**
 * The touches a thread makes with the rep's saved contacts, each named by a ref that is the
 * same from the page and from the export, so that logging a thread again adds only what is new.
 *
 * @example threadTouches(reading, new Map([['ngozi-adeyemi-clarke-7f3', contactId]]))
 */
export function threadTouches(thread: Thread, saved: SavedByKey): ThreadTouches {
  const seen = new Map<string, number>();
  const touches: NewTouch[] = [];
  let untimed = 0;

  for (const message of thread.messages) {
    const occurrence = countOccurrence(seen, message);
    const contacts = contactsOf(thread, message, saved);

    if (contacts.length === 0) continue;

    if (message.at === null) {
      untimed += 1;
      continue;
    }

    for (const [key, contactId] of contacts) {
      touches.push(touchOf(thread, message, occurrence, contactId, key, message.at));
    }
  }

  return { touches, untimed };
}

/** The profile keys of the thread's partners, to look their contacts up. */
export function partnerKeys(thread: Pick<Thread, 'partners'>): string[] {
  const keys = thread.partners.map((partner) => keyOf(partner.profileUrl));

  return [...new Set(keys.filter((key) => key !== null))];
}

export function keyOf(profileUrl: string | null): string | null {
  return profileUrl === null ? null : (canonicalProfileUrl(profileUrl)?.key ?? null);
}

/** InMail threads are InMail touches; 1:1 and group threads are LinkedIn messages. */
export function channelOf(kind: ConversationKind): Channel {
  return kind === 'inmail' ? 'inmail' : 'linkedin-message';
}

/** Counts from 1 the messages with the same direction and text, in thread order. */
function countOccurrence(seen: Map<string, number>, message: ThreadMessage): number {
  const id = `${message.direction}\u0000${message.text.replace(/\s+/g, ' ').trim()}`;
  const occurrence = (seen.get(id) ?? 0) + 1;
  seen.set(id, occurrence);

  return occurrence;
}

/**
 * Who a message is a touch with. In a 1:1 or InMail thread, the partner. In a group, an
 * inbound message is a touch with its sender only, and the rep's message with everyone saved.
 */
function contactsOf(thread: Thread, message: ThreadMessage, saved: SavedByKey): [string, string][] {
  const keys =
    thread.kind === 'group' && message.direction === 'inbound'
      ? [keyOf(message.fromProfileUrl)].filter((key) => key !== null)
      : partnerKeys(thread);

  return keys.flatMap((key) => {
    const contactId = saved.get(key);
    return contactId === undefined ? [] : [[key, contactId] as [string, string]];
  });
}

function touchOf(
  thread: Thread,
  message: ThreadMessage,
  occurrence: number,
  contactId: string,
  key: string,
  at: string,
): NewTouch {
  const forKey = thread.kind === 'group' ? key : undefined;

  return {
    contactId,
    at,
    channel: channelOf(thread.kind),
    direction: message.direction,
    summary: summaryOf(message),
    ref: messageRef(thread.threadId, message.direction, message.text, occurrence, forKey),
  };
}

/** A short line for the history: an InMail's subject first, then the start of the text. */
function summaryOf(message: ThreadMessage): string {
  const text = message.text.replace(/\s+/g, ' ').trim();
  const full = message.subject ? `${message.subject} — ${text}` : text;

  return full.length <= SUMMARY_LENGTH ? full : `${full.slice(0, SUMMARY_LENGTH - 1)}…`;
}
