/**
 * Reads an open messaging thread (/messaging/thread/<id>/): whom it is with and every message
 * with its sender, direction and time. The thread id is only in the URL: the inbox list beside
 * the thread has no thread links, and several of its rows may show the same person.
 */

import type {
  ConversationKind,
  ConversationMessage,
  ConversationPerson,
  ConversationReading,
  Diagnostic,
  MessageDirection,
} from '@/lib/model/reading';
import { firstMatch, openShadowRoots } from './dom';
import { readMessages, type ReadMessage, type TimeFrame } from './message-list';
import { cleanName } from './names';
import {
  facepileSize,
  hasInMailBadge,
  headerPartner,
  isViewer,
  otherPeople,
  samePerson,
  titleText,
  viewerOf,
  type Person,
  type Viewer,
} from './participants';
import { renderedText } from './rendered-text';
import { HIDDEN_TEXT, MESSAGE_SUBJECT, SUBJECT_INPUT, THREAD } from './selectors';
import { formatInstant } from './zone';

const TAG = 'linkedin/messaging';
const THREAD_PATH = /^\/messaging\/thread\/([^/]+)\/?$/;
/** Thread ids: "2-<base64>==" and older numeric ids; "new" is the compose page. */
const THREAD_ID = /^[\w=+\-.:]+$/;
const NOT_A_THREAD = new Set(['new']);

export interface ConversationOptions {
  /** The viewer's IANA zone; the browser's when omitted. */
  timeZone?: string;
  /** Receives a tagged note for everything that could not be read. */
  diagnostics?: Diagnostic[];
}

/** Who the thread is with, and what kind of thread it is. */
interface People {
  kind: ConversationKind;
  subject: string | null;
  partner: ConversationPerson | null;
  partners: ConversationPerson[];
  title: string | null;
}

function decodeOnce(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function isLinkedIn(url: URL): boolean {
  const host = url.hostname;
  return url.protocol === 'https:' && (host === 'linkedin.com' || host.endsWith('.linkedin.com'));
}

/** The thread id of a /messaging/thread/<id>/ URL, or null for any other page. */
export function threadIdOfPage(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }

  const segment = isLinkedIn(parsed) ? THREAD_PATH.exec(parsed.pathname)?.[1] : undefined;
  const id = segment === undefined ? null : decodeOnce(segment);
  return id !== null && THREAD_ID.test(id) && !NOT_A_THREAD.has(id) ? id : null;
}

/** The viewer's zone is the browser's: LinkedIn prints times in the browser's zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function findThread(doc: Document): Element | null {
  const found = firstMatch(doc, THREAD);
  if (found) return found;

  for (const shadow of openShadowRoots(doc)) {
    const inShadow = firstMatch(shadow, THREAD);
    if (inShadow) return inShadow;
  }
  return null;
}

function sendersOf(read: ReadMessage[], direction: MessageDirection): Person[] {
  return read
    .filter(({ message }) => message.direction === direction)
    .map(({ sender }) => sender)
    .filter((sender): sender is Person => sender !== null);
}

function publicPerson({ name, profileUrl }: Person): ConversationPerson {
  return { name, profileUrl };
}

function subjectOf(thread: Element): string | null {
  const inMessage = renderedText(firstMatch(thread, MESSAGE_SUBJECT), HIDDEN_TEXT);
  const input = thread.querySelector(SUBJECT_INPUT);
  const typed = input && 'value' in input ? String(input.value).trim() : '';

  return inMessage ?? (typed === '' ? null : typed);
}

/** In a 1:1 thread every inbound message must come from the partner. */
function checkSenders(partner: Person | null, inbound: Person[], notes: string[]): void {
  if (partner === null) {
    notes.push('conversation partner not found');
    return;
  }

  const stranger = inbound.some((sender) => !samePerson(sender, partner));
  if (stranger) notes.push('an inbound message comes from someone other than the partner');
}

function peopleOf(thread: Element, read: ReadMessage[], viewer: Viewer, notes: string[]): People {
  const inbound = sendersOf(read, 'inbound');
  const others = otherPeople(thread, inbound, viewer);
  const subject = subjectOf(thread);

  if (others.length > 1 || facepileSize(thread) > 1) {
    const partners = others.map(publicPerson);
    return { kind: 'group', subject, partner: null, partners, title: titleText(thread) };
  }

  const partner = headerPartner(thread, viewer) ?? others[0] ?? null;
  checkSenders(partner, inbound, notes);
  const kind = hasInMailBadge(thread) || subject !== null ? 'inmail' : 'message';
  const partners = partner === null ? [] : [publicPerson(partner)];
  return { kind, subject, partner: partners[0] ?? null, partners, title: null };
}

const NOBODY: People = {
  kind: 'message',
  subject: null,
  partner: null,
  partners: [],
  title: null,
};

/** Outbound messages are the viewer's: a stranger among their senders means a page change. */
function checkViewer(viewer: Viewer, outbound: Person[], notes: string[]): void {
  const me = viewer.person;
  const known = (sender: Person): boolean =>
    isViewer(sender, viewer) || (me !== null && samePerson(sender, me));
  const stranger = outbound.some((sender) => !known(sender));
  if (stranger) notes.push('an outbound message comes from someone other than the viewer');
}

/** Outbound messages are the viewer's, even where no sender line could be carried forward. */
function withViewer(read: ReadMessage[], viewer: Viewer): ConversationMessage[] {
  const me = viewer.person;

  return read.map(({ message }) => {
    const unsigned = message.direction === 'outbound' && message.from === null && me !== null;
    return unsigned ? { ...message, from: me.name, fromProfileUrl: me.profileUrl } : message;
  });
}

function greetingName(people: People): string | null {
  const name = people.kind === 'group' ? null : (people.partner?.name ?? null);
  return name === null ? null : cleanName(name).given;
}

type Summary = Pick<ConversationReading, 'messageCount' | 'lastDirection' | 'lastMessageAt'>;

function summaryOf(messages: ConversationMessage[]): Summary {
  const last = messages.at(-1);
  return {
    messageCount: messages.length,
    lastDirection: last?.direction ?? null,
    lastMessageAt: last?.at ?? null,
  };
}

/** The people and messages of the thread pane, read in the viewer's frame of time. */
function readThread(
  doc: Document,
  frame: TimeFrame,
  notes: string[],
): { people: People; messages: ConversationMessage[] } {
  const thread = findThread(doc);
  if (thread === null) notes.push('conversation pane not found');

  const read = thread ? readMessages(thread, frame, notes) : [];
  const outbound = sendersOf(read, 'outbound');
  const viewer = viewerOf(doc, thread, outbound);
  checkViewer(viewer, outbound, notes);
  const people = thread ? peopleOf(thread, read, viewer, notes) : NOBODY;
  return { people, messages: withViewer(read, viewer) };
}

/**
 * Reads the conversation open at `url`. Times are resolved at `now` in the viewer's zone;
 * whatever cannot be read is null, with a note in `options.diagnostics`, never a guess.
 */
export function readConversation(
  doc: Document,
  url: string,
  now: Date = new Date(),
  options: ConversationOptions = {},
): ConversationReading {
  const notes: string[] = [];
  const threadId = threadIdOfPage(url);
  if (threadId === null) notes.push('no thread id in the URL');

  const timeZone = options.timeZone ?? browserTimeZone();
  const { people, messages } = readThread(doc, { now, timeZone }, notes);
  options.diagnostics?.push(...notes.map((message) => ({ tag: TAG, message })));

  return {
    threadId,
    ...people,
    messages,
    ...summaryOf(messages),
    now: formatInstant(now.getTime()),
    timeZone,
    greetingFirstName: greetingName(people),
  };
}
