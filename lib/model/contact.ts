import { z } from 'zod';
import { RecordId } from './ids';
import { CadenceDays, Stage, StageHistory } from './cadence';
import { SeenOnPage } from './field-change';
import { AvatarUrl, ProfileUrl, SalesNavLeadId } from './reading';

export const RELEVANCES = ['A', 'B', 'C'] as const;
export const ROLES = [
  'decision-maker',
  'budget-owner',
  'champion',
  'influencer',
  'user',
  'gatekeeper',
  'other',
] as const;
export const SOURCES = [
  'search',
  'referral',
  'event',
  'inbound',
  'content',
  'outreach',
  'existing-client',
  'linkedin-connection',
  'other',
] as const;
export const STATUSES = [
  'new',
  'warm',
  'lead',
  'client',
  'partner',
  'dormant',
  'not-a-fit',
] as const;

export const Relevance = z.enum(RELEVANCES);
export const Role = z.enum(ROLES);
export const Source = z.enum(SOURCES);
export const Status = z.enum(STATUSES);
export type Relevance = z.infer<typeof Relevance>;
export type Role = z.infer<typeof Role>;
export type Source = z.infer<typeof Source>;
export type Status = z.infer<typeof Status>;

const IsoTime = z.iso.datetime({ offset: true });
const Text = z.string().max(10_000);

export const PersonName = z.object({
  display: z.string().min(1).max(500),
  given: z.string().max(500).nullable(),
  family: z.string().max(500).nullable(),
});
export type PersonName = z.infer<typeof PersonName>;

/** Something@domain.tld, with none of the characters that separate addresses in a list. */
const EMAIL_SHAPE = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/**
 * An email address as Rapport keeps it: trimmed and lower-cased, so that one address always
 * names the same person, whoever typed it. Only its shape is checked, never its mailbox.
 */
export const EmailAddress = z.string().trim().toLowerCase().max(320).regex(EMAIL_SHAPE);

/**
 * The first address in a cell as Rapport keeps it, or null when the cell holds none: a
 * spreadsheet may write "Ada <ada@example.com>" or "mailto:ada@example.com".
 *
 * @example emailAddress(' Ada <Ada@Example.com>') // 'ada@example.com'
 */
export function emailAddress(text: string): string | null {
  const found = /[^\s@<>,;:"()[\]]+@[^\s@<>,;:"()[\]]+/.exec(text)?.[0] ?? '';

  return EmailAddress.safeParse(found).data ?? null;
}

/** The fields that come from the profile page and can later differ from what the page says. */
export const PROFILE_FIELDS = ['headline', 'company', 'title', 'location'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** What the page said where the rep wrote their own value instead, by field. */
export const KeptOverPage = z.partialRecord(
  z.enum(['name', ...PROFILE_FIELDS]),
  z.string().max(10_000),
);
export type KeptOverPage = z.infer<typeof KeptOverPage>;

/**
 * A person in the rep's network. `key` is the canonical profile slug, unique per contact.
 *
 * `stage` is where the relationship is in the cycle; `stageHistory` lists every stage it was
 * in with the time it got there, oldest first, the current one last. `keepInTouchDays` is the
 * rep's own cadence for this contact, overriding the stage's; null to follow the stage.
 *
 * Besides `key`, two ids name the person: `email` and `salesNavLeadIds`. Imports find a saved
 * contact by them and likely duplicates share them. Both are absent on contacts saved before
 * they were kept, which stay valid as they are; an email the rep removed is null.
 *
 * Kept by the storage layer, never set by the rep (absent when they do not apply):
 * - `awaitingReplySince`: the time of the oldest message from the contact that the rep has not
 *   answered yet;
 * - `lastTouchAt`: the time of the latest touch that still stands (was not corrected);
 * - `cadenceDays`: the cadence that applies, the contact's own or its stage's; none for
 *   contacts that are not a fit;
 * - `touchDueAt`: when the contact needs a touch: `cadenceDays` after the last touch, or after
 *   entering the stage when never touched, and not before `keepInTouchSnoozedUntil`;
 * - `keepInTouchSnoozedUntil`: until when the rep put off the next touch;
 * - `lastSeen`: what their profile page said the last time it was read, to tell what changed;
 * - `lastVerifiedAt`: when their profile was last read, or else when they were saved (contacts
 *   saved before this field existed count from then: the upgrade sets it to `createdAt`);
 * - `jobChangedAt`: when their profile last showed a new company or title.
 */
export const Contact = z.object({
  id: RecordId,
  key: RecordId,
  profileUrl: ProfileUrl,
  memberUrn: z.string().nullable(),
  name: PersonName,
  headline: Text.nullable(),
  company: Text.nullable(),
  title: Text.nullable(),
  location: Text.nullable(),
  avatarUrl: AvatarUrl.nullable(),
  openToWork: z.boolean(),
  segment: Text,
  relevance: Relevance.nullable(),
  role: Role.nullable(),
  source: Source.nullable(),
  sourceDetail: Text,
  status: Status,
  tags: z.array(z.string().min(1).max(100)),
  notes: Text,
  stage: Stage,
  stageHistory: StageHistory,
  keepInTouchDays: CadenceDays.nullable(),
  email: EmailAddress.nullable().optional(),
  /** Each id once, in the order Rapport learnt them. */
  salesNavLeadIds: z.array(SalesNavLeadId).optional(),
  /** Page values the rep chose not to take: the panel does not offer them again. */
  keptOverPage: KeptOverPage.optional(),
  /** The notes stay on this device: sync never sends them. */
  notesPrivate: z.boolean().optional(),
  /** Those of `tags` that stay on this device. */
  privateTags: z.array(z.string().min(1).max(100)).optional(),
  awaitingReplySince: IsoTime.optional(),
  lastTouchAt: IsoTime.optional(),
  cadenceDays: CadenceDays.optional(),
  touchDueAt: IsoTime.optional(),
  keepInTouchSnoozedUntil: IsoTime.optional(),
  lastSeen: SeenOnPage.optional(),
  lastVerifiedAt: IsoTime.optional(),
  jobChangedAt: IsoTime.optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Contact = z.infer<typeof Contact>;

/**
 * The fields only the storage layer writes, worked out from the touches and the cadence or set
 * through its own calls (a stage change, a snooze): never part of an edit or a draft.
 */
export const STORAGE_KEPT = {
  stageHistory: true,
  awaitingReplySince: true,
  lastTouchAt: true,
  cadenceDays: true,
  touchDueAt: true,
  keepInTouchSnoozedUntil: true,
  lastSeen: true,
  lastVerifiedAt: true,
  jobChangedAt: true,
} as const;

/**
 * What the rep may change on a saved contact; derived fields are not the rep's to set. A new
 * `stage` is added to the stage history by the storage layer.
 */
export const ContactEdit = Contact.omit({
  ...STORAGE_KEPT,
  id: true,
  key: true,
  profileUrl: true,
  createdAt: true,
  updatedAt: true,
}).partial();
export type ContactEdit = z.infer<typeof ContactEdit>;
