import { z } from 'zod';
import { RecordId } from './ids';
import { Status } from './contact';

const IsoTime = z.iso.datetime({ offset: true });

/**
 * A message the rep reuses. `statuses` are the relationship statuses it suits, so a list can
 * offer the ones that fit a contact; empty means it suits any.
 */
export const Template = z.object({
  id: RecordId,
  name: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(5_000),
  statuses: z.array(Status),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Template = z.infer<typeof Template>;

/** What the editor hands over: with an `id` it changes that template, without one it adds. */
export const TemplateDraft = Template.pick({ name: true, body: true }).extend({
  id: Template.shape.id.optional(),
  statuses: Template.shape.statuses.default([]),
});
export type TemplateDraft = z.input<typeof TemplateDraft>;
