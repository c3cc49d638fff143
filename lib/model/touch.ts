import { z } from 'zod';
import { RecordId } from './ids';

export const CHANNELS = [
  'linkedin-message',
  'inmail',
  'email',
  'call',
  'meeting',
  'event',
  'comment',
  'other',
] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;

export const Channel = z.enum(CHANNELS);
export const Direction = z.enum(DIRECTIONS);
export type Channel = z.infer<typeof Channel>;
export type Direction = z.infer<typeof Direction>;

/**
 * Names the source a touch was logged from, such as one LinkedIn message, so that the same
 * message logged twice (from the page, then from an export) is stored once.
 */
export const TouchRef = z.string().min(1).max(1_000);
export type TouchRef = z.infer<typeof TouchRef>;

/**
 * One interaction with a contact. Touches are append-only: a correction is a new touch whose
 * `supersedes` names the one it corrects, and the corrected one stays in the history. `ref`,
 * when present, is unique among all touches.
 */
export const Touch = z.object({
  id: RecordId,
  contactId: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  channel: Channel,
  direction: Direction,
  summary: z.string().max(10_000),
  supersedes: z.string().nullable(),
  ref: TouchRef.optional(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Touch = z.infer<typeof Touch>;

export const NewTouch = Touch.pick({
  contactId: true,
  at: true,
  channel: true,
  direction: true,
  summary: true,
  ref: true,
}).extend({ supersedes: z.string().nullable().default(null) });
export type NewTouch = z.input<typeof NewTouch>;

/**
 * The ref of one LinkedIn message: the same whether it was read from the page or from
 * LinkedIn's messages.csv export. Times are left out on purpose: the page shows them to the
 * minute and sometimes only approximately, so they differ between the two sources.
 * `occurrence` (1 for the first) tells apart the same text sent more than once in the same
 * direction of a thread. In a group thread one message is a touch with each saved participant,
 * so `contactKey` names the one this touch is with.
 */
export function messageRef(
  threadId: string,
  direction: Direction,
  text: string,
  occurrence: number,
  contactKey?: string,
): TouchRef {
  if (threadId === '') throw new RangeError('A message ref needs the thread id.');

  if (!Number.isInteger(occurrence) || occurrence < 1) {
    throw new RangeError(`A message occurrence counts from 1, not ${occurrence}.`);
  }

  const ref = `li:${threadId}:${direction}:${textHash(text)}:${occurrence}`;

  return contactKey === undefined ? ref : `${ref}@${contactKey}`;
}

/**
 * The page and the export wrap lines and space words differently, and may use different
 * Unicode forms of the same letters; only the words and their order are compared.
 */
function messageText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/**
 * 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits: short, stable across browsers and
 * runs, and wide enough that two messages of one thread practically never collide.
 */
function textHash(text: string): string {
  let hash = FNV_OFFSET;

  for (const byte of new TextEncoder().encode(messageText(text))) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * FNV_PRIME);
  }

  return hash.toString(16).padStart(16, '0');
}
