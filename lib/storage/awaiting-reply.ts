import type { Contact } from '../model/contact';
import type { Channel, Touch } from '../model/touch';

/** The channels on which a message from the contact expects a written answer. */
export const REPLY_CHANNELS: readonly Channel[] = ['linkedin-message', 'inmail', 'email'];

/**
 * When the contact started waiting for the rep's answer: the time of the oldest inbound
 * message after the rep's last outbound one, or undefined when the rep wrote last or nobody
 * wrote. Corrected touches count as their corrections, which is how the history reads.
 */
export function awaitingReplySince(touches: readonly Touch[]): string | undefined {
  let since: string | undefined;

  for (const touch of conversation(touches)) {
    if (touch.direction === 'outbound') since = undefined;
    else since ??= touch.at;
  }

  return since;
}

/** The contact with `awaitingReplySince` set to `since`, or without it when undefined. */
export function withAwaitingReply(contact: Contact, since: string | undefined): Contact {
  const copy = { ...contact };
  delete copy.awaitingReplySince;

  // Absent rather than undefined, so that the contact leaves the sparse index.
  return since === undefined ? copy : { ...copy, awaitingReplySince: since };
}

/** The message touches that still stand, oldest first. */
function conversation(touches: readonly Touch[]): Touch[] {
  const corrected = new Set(touches.flatMap((t) => (t.supersedes === null ? [] : [t.supersedes])));

  return touches
    .filter((t) => REPLY_CHANNELS.includes(t.channel) && !corrected.has(t.id))
    .sort(byTimeAnswerLast);
}

/**
 * Page times have minute precision, so a message and its answer can share a time. Within the
 * same time the rep's outbound message is taken as the later one: a thread the rep has just
 * answered must not show as waiting.
 */
function byTimeAnswerLast(a: Touch, b: Touch): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;

  return directionRank(a) - directionRank(b);
}

function directionRank(touch: Touch): number {
  return touch.direction === 'inbound' ? 0 : 1;
}
