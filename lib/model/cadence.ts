import { z } from 'zod';
import type { Status } from './contact';

/** The networking cycle, in the order a relationship moves through it. */
export const STAGES = [
  'identification',
  'connection',
  'development',
  'commercial',
  'retention',
] as const;

export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

/** A minimum touch frequency in whole days: at least daily, at most every ten years. */
export const CadenceDays = z.number().int().min(1).max(3_650);
export type CadenceDays = z.infer<typeof CadenceDays>;

/** One step of a contact's way through the stages: the stage and when the contact entered it. */
export const StageEntry = z.object({
  stage: Stage,
  since: z.iso.datetime({ offset: true }),
});
export type StageEntry = z.infer<typeof StageEntry>;

/** Every stage the contact was in, oldest first; the last entry is the current stage. */
export const StageHistory = z.array(StageEntry).min(1);
export type StageHistory = z.infer<typeof StageHistory>;

/** Days between touches each stage needs at least; null means the stage asks for none. */
export const Cadence = z.object({
  identification: CadenceDays.nullable(),
  connection: CadenceDays.nullable(),
  development: CadenceDays.nullable(),
  commercial: CadenceDays.nullable(),
  retention: CadenceDays.nullable(),
});
export type Cadence = z.infer<typeof Cadence>;

/**
 * Weekly while a connection is new and while a deal is open, every two weeks while the
 * relationship grows, every six weeks or so with clients; people merely spotted need none.
 */
export const DEFAULT_CADENCE: Cadence = {
  identification: null,
  connection: 7,
  development: 14,
  commercial: 7,
  retention: 45,
};

const STAGE_OF_STATUS: Record<Status, Stage> = {
  new: 'identification',
  warm: 'development',
  lead: 'commercial',
  client: 'retention',
  partner: 'retention',
  dormant: 'connection',
  'not-a-fit': 'identification',
};

/**
 * The stage a contact saved before stages existed starts in, read from its status:
 * `stageForStatus('lead')` is `'commercial'`.
 */
export function stageForStatus(status: Status): Stage {
  return STAGE_OF_STATUS[status];
}
