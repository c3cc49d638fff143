import { stageForStatus } from '../model/cadence';
import type { Cadence, Stage } from '../model/cadence';
import type { Contact, Status } from '../model/contact';
import type { Touch } from '../model/touch';

/**
 * Cadences count exact 24-hour days on the UTC time line: a touch due "7 days" after Monday
 * 10:00 UTC is due the next Monday 10:00 UTC, even across a daylight-saving change, where the
 * local clock then reads an hour off.
 */
export const DAY_MS = 86_400_000;

/** The cadence that applies: the contact's own, else its stage's; none when not a fit. */
export function cadenceDaysOf(
  contact: Pick<Contact, 'status' | 'stage' | 'keepInTouchDays'>,
  cadence: Cadence,
): number | null {
  if (contact.status === 'not-a-fit') return null;

  return contact.keepInTouchDays ?? cadence[contact.stage];
}

/** When the contact entered its current stage, the last entry of its history. */
export function stageSince(contact: Pick<Contact, 'stageHistory' | 'createdAt'>): string {
  return contact.stageHistory.at(-1)?.since ?? contact.createdAt;
}

/**
 * The time of the latest touch that still stands, undefined when there is none. A corrected
 * touch counts as its correction, which carries the right time.
 */
export function lastStandingTouchAt(touches: readonly Touch[]): string | undefined {
  const corrected = new Set(touches.flatMap((t) => (t.supersedes === null ? [] : [t.supersedes])));
  let latest: string | undefined;

  for (const touch of touches) {
    if (!corrected.has(touch.id) && (latest === undefined || touch.at > latest)) latest = touch.at;
  }

  return latest;
}

/** The contact with `lastTouchAt` set to `at`, or without it when undefined. */
export function withLastTouch(contact: Contact, at: string | undefined): Contact {
  const copy = { ...contact };
  delete copy.lastTouchAt;

  return at === undefined ? copy : { ...copy, lastTouchAt: at };
}

/**
 * The contact with `cadenceDays` and `touchDueAt` worked out from its stage, its own cadence,
 * its last touch and its snooze, or without them when no cadence applies. Absent rather than
 * undefined, so that the contact leaves the sparse due index.
 */
export function withTouchDue(contact: Contact, cadence: Cadence): Contact {
  const copy = { ...contact };
  delete copy.cadenceDays;
  delete copy.touchDueAt;

  const days = cadenceDaysOf(contact, cadence);

  if (days === null) return copy;

  return { ...copy, cadenceDays: days, touchDueAt: touchDueAt(contact, days) };
}

/** `days` after the last touch (or after entering the stage), and not before the snooze ends. */
function touchDueAt(contact: Contact, days: number): string {
  const base = Date.parse(contact.lastTouchAt ?? stageSince(contact));
  const snoozed = contact.keepInTouchSnoozedUntil;
  const due = base + days * DAY_MS;

  return new Date(snoozed === undefined ? due : Math.max(due, Date.parse(snoozed))).toISOString();
}

/** The contact moved to `stage` at `now`, added to its history; the same stage changes nothing. */
export function withStage(contact: Contact, stage: Stage, now: string): Contact {
  if (stage === contact.stage) return contact;

  return { ...contact, stage, stageHistory: [...contact.stageHistory, { stage, since: now }] };
}

type StageFields = Pick<Contact, 'stage' | 'stageHistory' | 'keepInTouchDays'>;

/**
 * A contact saved before stages existed, placed in the stage its status suggests as of the
 * time it was saved, following that stage's cadence.
 */
export function withFirstStage<T extends { status: Status; createdAt: string }>(
  contact: T,
): T & StageFields {
  const stage = stageForStatus(contact.status);

  return {
    ...contact,
    stage,
    stageHistory: [{ stage, since: contact.createdAt }],
    keepInTouchDays: null,
  };
}
