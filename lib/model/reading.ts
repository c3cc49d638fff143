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

/** Canonical LinkedIn profile URLs only: a reading is never trusted to name another site. */
export const ProfileUrl = z.url({ protocol: /^https$/, hostname: /^www\.linkedin\.com$/ });

/** Avatars are kept only from LinkedIn's media host, over https. */
export const AvatarUrl = z.url({ protocol: /^https$/, hostname: /^media\.licdn\.com$/ });

/** The text before the first comma of a /sales/lead/ URL: opaque and case-sensitive. */
export const SalesNavLeadId = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/);

/**
 * What the content script read from a profile page. Every field it could not read with
 * confidence is null and listed in `missing`: the panel shows it empty for the rep to fill in.
 */
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
  /** Only when the top card links to the person's Sales Navigator lead page. */
  salesNavLeadId: SalesNavLeadId.optional(),
  missing: z.array(ReadField),
});
export type ProfileReading = z.infer<typeof ProfileReading>;

/** A tagged, human-readable note about a page Rapport could not fully read. */
export const Diagnostic = z.object({
  tag: z.string().min(1),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** A person in a conversation: what the page shows of them, either part may be unreadable. */
export const ConversationPerson = z.object({
  name: z.string().min(1).nullable(),
  profileUrl: ProfileUrl.nullable(),
});
export type ConversationPerson = z.infer<typeof ConversationPerson>;

/** Inbound: someone else sent it. Outbound: the viewer (the signed-in rep) sent it. */
export const MessageDirection = z.enum(['inbound', 'outbound']);
export type MessageDirection = z.infer<typeof MessageDirection>;

/**
 * One message of a conversation. `approx` means its sender and time were carried forward from
 * the first message of its run, which alone shows them. `at` is ISO-8601 UTC, null if unread.
 */
export const ConversationMessage = z.object({
  from: z.string().min(1).nullable(),
  fromProfileUrl: ProfileUrl.nullable(),
  direction: MessageDirection,
  text: z.string(),
  at: z.iso.datetime().nullable(),
  approx: z.boolean(),
  subject: z.string().min(1).optional(),
});
export type ConversationMessage = z.infer<typeof ConversationMessage>;

export const ConversationKind = z.enum(['message', 'inmail', 'group']);
export type ConversationKind = z.infer<typeof ConversationKind>;

/**
 * What the content script read from an open messaging thread. The viewer is never a partner;
 * `partner` is the one other person of a 1:1 or InMail thread (null for groups). Times were
 * resolved at `now` in `timeZone`, the viewer's zone.
 */
export const ConversationReading = z.object({
  threadId: z.string().min(1).nullable(),
  kind: ConversationKind,
  subject: z.string().min(1).nullable(),
  partner: ConversationPerson.nullable(),
  partners: z.array(ConversationPerson),
  title: z.string().min(1).nullable(),
  messages: z.array(ConversationMessage),
  messageCount: z.number().int().nonnegative(),
  lastDirection: MessageDirection.nullable(),
  lastMessageAt: z.iso.datetime().nullable(),
  now: z.iso.datetime(),
  timeZone: z.string().min(1),
  greetingFirstName: z.string().min(1).nullable(),
});
export type ConversationReading = z.infer<typeof ConversationReading>;

/** The result of reading whatever page is in a tab. */
export const PageReading = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('profile'),
    url: z.string().url(),
    profile: ProfileReading,
    diagnostics: z.array(Diagnostic),
  }),
  z.object({
    kind: z.literal('conversation'),
    url: z.string().url(),
    conversation: ConversationReading,
    diagnostics: z.array(Diagnostic),
  }),
  z.object({
    kind: z.literal('none'),
    url: z.string(),
    diagnostics: z.array(Diagnostic),
  }),
]);
export type PageReading = z.infer<typeof PageReading>;
