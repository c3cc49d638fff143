import { z } from 'zod';
import { Contact } from './contact';
import { NextStep } from './next-step';

/** The fields the rep picks, one by one, when two cards of the same person become one. */
export const MERGE_FIELDS = [
  'name',
  'headline',
  'company',
  'title',
  'location',
  'segment',
  'relevance',
  'role',
  'source',
  'sourceDetail',
  'status',
  'notes',
  'email',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Which card's value stays: the kept one's or the dropped one's. */
export const FieldChoice = z.enum(['keep', 'drop']);
export type FieldChoice = z.infer<typeof FieldChoice>;

/** Per field, whose value stays; a field left out keeps the kept card's value. */
export const MergeChoices = z
  .object({
    name: FieldChoice,
    headline: FieldChoice,
    company: FieldChoice,
    title: FieldChoice,
    location: FieldChoice,
    segment: FieldChoice,
    relevance: FieldChoice,
    role: FieldChoice,
    source: FieldChoice,
    sourceDetail: FieldChoice,
    status: FieldChoice,
    // Notes are the rep's own words, so both cards' notes may stay, one after the other.
    notes: z.enum(['keep', 'drop', 'both']),
    email: FieldChoice,
  })
  .partial();
export type MergeChoices = z.infer<typeof MergeChoices>;

/**
 * What undoing a merge needs: both cards as they were before it, and the records moved from the
 * dropped card to the kept one. `closedStepBefore` is the next step the merge marked done, as it
 * was, since a contact has one open step at a time.
 */
export const MergeRecord = z.object({
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  kept: Contact,
  dropped: Contact,
  movedTouchIds: z.array(z.string().min(1)),
  movedStepIds: z.array(z.string().min(1)),
  movedChangeIds: z.array(z.string().min(1)),
  closedStepId: z.string().min(1).nullable(),
  closedStepBefore: NextStep.nullable(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;
