import { z } from 'zod';
import { RecordId } from './ids';
import { ProfileUrl } from './reading';

/** The fields read from a profile whose changes are kept as history. */
export const TRACKED_FIELDS = ['name', 'headline', 'company', 'title', 'location'] as const;
export const TrackedField = z.enum(TRACKED_FIELDS);
export type TrackedField = z.infer<typeof TrackedField>;

const Text = z.string().max(10_000);

/** What a profile page said, by field; a field the page did not let Rapport read is left out. */
export const SeenOnPage = z.partialRecord(TrackedField, Text);
export type SeenOnPage = z.infer<typeof SeenOnPage>;

/**
 * One field of a saved contact that read differently on their profile than the time before:
 * `from` is what the page said then, `to` what it says now, `at` when it was read and `seenAt`
 * the page. `suggestion` is a follow-up that could not become the next step, as one was open.
 * Append-only: a record is never changed once stored.
 */
export const FieldChangeRecord = z.object({
  id: RecordId,
  contactId: z.string().min(1),
  field: TrackedField,
  from: Text.nullable(),
  to: Text.nullable(),
  at: z.iso.datetime({ offset: true }),
  seenAt: ProfileUrl,
  suggestion: Text.optional(),
});
export type FieldChangeRecord = z.infer<typeof FieldChangeRecord>;
