import { z } from 'zod';

/** Fields of a profile that Rapport reads from the page (never typed by the rep). */
export const READ_FIELDS = [
  'name',
  'headline',
  'company',
  'title',
  'location',
  'avatarUrl',
  'memberUrn',
] as const;

export const ReadField = z.enum(READ_FIELDS);
export type ReadField = z.infer<typeof ReadField>;

/**
 * What the content script read from a profile page. Every field it could not read with
 * confidence is null and listed in `missing`: the panel shows it empty for the rep to fill in.
 */
/** Canonical LinkedIn profile URLs only: a reading is never trusted to name another site. */
export const ProfileUrl = z.url({ protocol: /^https$/, hostname: /^www\.linkedin\.com$/ });

/** Avatars are kept only from LinkedIn's media host, over https. */
export const AvatarUrl = z.url({ protocol: /^https$/, hostname: /^media\.licdn\.com$/ });

export const ProfileReading = z.object({
  profileUrl: ProfileUrl,
  key: z.string().min(1),
  memberUrn: z.string().nullable(),
  name: z.string().nullable(),
  rawName: z.string().nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  headline: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  location: z.string().nullable(),
  avatarUrl: AvatarUrl.nullable(),
  avatarExpiresAt: z.string().nullable(),
  openToWork: z.boolean(),
  missing: z.array(ReadField),
});
export type ProfileReading = z.infer<typeof ProfileReading>;

/** A tagged, human-readable note about a page Rapport could not fully read. */
export const Diagnostic = z.object({
  tag: z.string().min(1),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** The result of reading whatever page is in a tab. */
export const PageReading = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('profile'),
    url: z.string().url(),
    profile: ProfileReading,
    diagnostics: z.array(Diagnostic),
  }),
  z.object({
    kind: z.literal('none'),
    url: z.string(),
    diagnostics: z.array(Diagnostic),
  }),
]);
export type PageReading = z.infer<typeof PageReading>;
