import { z } from 'zod';
import { RecordId } from './ids';

/** A calendar day in the rep's own time zone, `YYYY-MM-DD`. */
export const LocalDate = z.iso.date();
export type LocalDate = z.infer<typeof LocalDate>;

export const NEXT_STEP_STATES = ['open', 'snoozed', 'done'] as const;
export const NextStepState = z.enum(NEXT_STEP_STATES);
export type NextStepState = z.infer<typeof NextStepState>;

/**
 * The one planned action for a contact. `openDue` mirrors `due` while the step is not done and
 * is absent once it is: the due-date index then holds only steps that still need doing.
 */
export const NextStep = z.object({
  id: RecordId,
  contactId: z.string().min(1),
  action: z.string().min(1).max(1_000),
  due: LocalDate,
  state: NextStepState,
  openDue: LocalDate.optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type NextStep = z.infer<typeof NextStep>;
