import { z } from 'zod';
import { AvatarUrl, ProfileUrl } from './reading';

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

/** The fields that come from the profile page and can later differ from what the page says. */
export const PROFILE_FIELDS = ['headline', 'company', 'title', 'location'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/**
 * A person in the rep's network. `key` is the canonical profile slug, unique per contact.
 * `awaitingReplySince` is derived from the touches and kept by the storage layer: the time of
 * the oldest message from the contact that the rep has not answered yet, absent when none.
 */
export const Contact = z.object({
  id: z.string().min(1),
  key: z.string().min(1),
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
  awaitingReplySince: IsoTime.optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Contact = z.infer<typeof Contact>;

/** What the rep may change on a saved contact; derived fields are not the rep's to set. */
export const ContactEdit = Contact.omit({
  id: true,
  key: true,
  profileUrl: true,
  awaitingReplySince: true,
  createdAt: true,
  updatedAt: true,
}).partial();
export type ContactEdit = z.infer<typeof ContactEdit>;
