/**
 * The messages of an open conversation, in page order. LinkedIn groups consecutive messages
 * of one sender into a run: only the run's first message shows the sender and the time, under
 * the day heading above it. Later messages of the run carry both forward.
 */

import type { ConversationMessage, MessageDirection } from '@/lib/model/reading';
import { resolveLinkedInTime } from './dates';
import { attribute, firstMatch } from './dom';
import { personOf, type Person } from './participants';
import { renderedText } from './rendered-text';
import {
  DAY_HEADING,
  EVENT_AVATAR_LINK,
  GROUP_META,
  HIDDEN_TEXT,
  INBOUND_CLASS,
  MESSAGE_BODY,
  MESSAGE_EVENT,
  MESSAGE_GROUP,
  MESSAGE_SUBJECT,
  SENDER_NAME,
  SENDER_TIME,
} from './selectors';

/** The clock and zone the page's times are read in. */
export interface TimeFrame {
  now: Date;
  timeZone: string;
}

/** A message with its sender as a person, so callers can compare senders by profile key. */
export interface ReadMessage {
  message: ConversationMessage;
  sender: Person | null;
}

/** A run of messages: what its first message's meta line says. */
interface Run {
  meta: Element;
  sender: Person | null;
  direction: MessageDirection;
  at: string | null;
}

/** The state of the walk down the message list. */
interface Walk {
  frame: TimeFrame;
  notes: string[];
  heading: string | null;
  run: Run | null;
  index: number;
}

/** A wall time this far ahead of now is not a past message: the zone must be wrong. */
const FUTURE_SLACK_MS = 60_000;

function note(walk: Walk, message: string): void {
  walk.notes.push(`message ${walk.index}: ${message}`);
}

/** The meta line that starts a new run at `event`, or null when `event` continues one. */
function newMeta(event: Element, walk: Walk): Element | null {
  const meta = event.closest(MESSAGE_GROUP)?.querySelector(GROUP_META) ?? null;
  return meta !== null && meta !== walk.run?.meta ? meta : null;
}

/** Notes anything that makes a resolved time doubtful, and drops one that cannot be true. */
function checked(at: string, ambiguous: boolean, walk: Walk): string | null {
  if (ambiguous) note(walk, 'time falls in a daylight-saving change');
  if (Date.parse(at) <= walk.frame.now.getTime() + FUTURE_SLACK_MS) return at;

  note(walk, `time ${at} is in the future`);
  return null;
}

function timeOf(meta: Element, walk: Walk): string | null {
  const element = meta.querySelector(SENDER_TIME);
  const clock = renderedText(element);
  const datetime = attribute(element, 'datetime');
  if (datetime === null && (walk.heading === null || clock === null)) {
    note(walk, clock === null ? 'no time shown' : 'no day heading above the time');
    return null;
  }

  const input = { datetime, heading: walk.heading, clock };
  const resolved = resolveLinkedInTime(input, { ...walk.frame, context: 'messaging' });
  if (resolved?.at) return checked(resolved.at, resolved.ambiguousLocalTime === true, walk);
  note(walk, `time "${walk.heading ?? ''} ${clock ?? ''}" could not be read`);
  return null;
}

function startRun(meta: Element, event: Element, inbound: boolean, walk: Walk): Run {
  const link = firstMatch(meta, SENDER_NAME);
  const avatar = event.querySelector(EVENT_AVATAR_LINK);
  const href = attribute(link, 'href') ?? attribute(avatar, 'href');
  const sender = personOf(href, renderedText(link, HIDDEN_TEXT));
  if (!sender?.name) note(walk, 'sender name not found');

  const direction = inbound ? 'inbound' : 'outbound';
  walk.run = { meta, sender, direction, at: timeOf(meta, walk) };
  return walk.run;
}

/** The run a message without a meta line continues, when it can be told. */
function continuedRun(direction: MessageDirection, walk: Walk): Run | null {
  const { run } = walk;
  if (run === null) note(walk, 'no sender line above the first message');
  else if (run.direction !== direction) note(walk, 'continues a run of the other direction');

  return run?.direction === direction ? run : null;
}

/** The message's own parts: its text (attachments aside) and an InMail's subject line. */
function contentOf(event: Element, walk: Walk): Pick<ConversationMessage, 'text' | 'subject'> {
  const body = firstMatch(event, MESSAGE_BODY);
  if (!body) note(walk, 'no message text');

  const text = renderedText(body, HIDDEN_TEXT) ?? '';
  const subject = renderedText(firstMatch(event, MESSAGE_SUBJECT), HIDDEN_TEXT);
  return subject === null ? { text } : { text, subject };
}

function readEvent(event: Element, walk: Walk): ReadMessage {
  const inbound = event.classList.contains(INBOUND_CLASS);
  const direction: MessageDirection = inbound ? 'inbound' : 'outbound';
  const meta = newMeta(event, walk);
  const run = meta ? startRun(meta, event, inbound, walk) : continuedRun(direction, walk);

  const sender = run?.sender ?? null;
  const from = { from: sender?.name ?? null, fromProfileUrl: sender?.profileUrl ?? null };
  const message = { ...from, direction, at: run?.at ?? null, approx: meta === null };
  return { message: { ...message, ...contentOf(event, walk) }, sender };
}

/** Every message in `thread`, with notes (in `notes`) for anything it could not read. */
export function readMessages(thread: Element, frame: TimeFrame, notes: string[]): ReadMessage[] {
  const walk: Walk = { frame, notes, heading: null, run: null, index: 0 };
  const headings = DAY_HEADING.join(', ');
  const selector = [...DAY_HEADING, ...MESSAGE_EVENT].join(', ');
  const read: ReadMessage[] = [];

  for (const element of Array.from(thread.querySelectorAll(selector))) {
    if (element.matches(headings)) {
      walk.heading = renderedText(element);
      continue;
    }

    walk.index += 1;
    read.push(readEvent(element, walk));
  }
  return read;
}
