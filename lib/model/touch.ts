import { z } from 'zod';

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
 * One interaction with a contact. Touches are append-only: a correction is a new touch whose
 * `supersedes` names the one it corrects, and the corrected one stays in the history.
 */
export const Touch = z.object({
  id: z.string().min(1),
  contactId: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  channel: Channel,
  direction: Direction,
  summary: z.string().max(10_000),
  supersedes: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Touch = z.infer<typeof Touch>;

export const NewTouch = Touch.pick({
  contactId: true,
  at: true,
  channel: true,
  direction: true,
  summary: true,
}).extend({ supersedes: z.string().nullable().default(null) });
export type NewTouch = z.input<typeof NewTouch>;
