import type { Contact, KeptOverPage, ProfileField, STORAGE_KEPT } from './model/contact';
import { PROFILE_FIELDS } from './model/contact';
import type { ConversationPerson, ProfileReading } from './model/reading';
import { canonicalProfileUrl, cleanName } from './sites/linkedin';

/**
 * A contact before it is saved: everything but its id, its times and what the storage layer
 * works out. Without a stage it starts in the first one, following that stage's cadence.
 */
export type ContactDraft = Omit<
  Contact,
  'id' | 'createdAt' | 'updatedAt' | keyof typeof STORAGE_KEPT | 'stage' | 'keepInTouchDays'
> &
  Partial<Pick<Contact, 'stage' | 'keepInTouchDays'>>;

/** What the rep may correct on the card before saving. */
export interface CardFields {
  name: string;
  headline: string;
  company: string;
  title: string;
  location: string;
}

export function cardFromReading(profile: ProfileReading): CardFields {
  return {
    name: profile.name ?? '',
    headline: profile.headline ?? '',
    company: profile.company ?? '',
    title: profile.title ?? '',
    location: profile.location ?? '',
  };
}

/**
 * Builds the contact to save from the page and the rep's corrections. Given and family names
 * come from the page only while the rep kept the page's display name; the page's Sales
 * Navigator link, when it has one, gives the lead id.
 */
export function draftFromReading(profile: ProfileReading, card: CardFields): ContactDraft {
  const display = card.name.trim();
  const keptName = display === profile.name;

  return {
    key: profile.key,
    profileUrl: profile.profileUrl,
    memberUrn: profile.memberUrn,
    name: {
      display,
      given: keptName ? profile.givenName : null,
      family: keptName ? profile.familyName : null,
    },
    headline: orNull(card.headline),
    company: orNull(card.company),
    title: orNull(card.title),
    location: orNull(card.location),
    avatarUrl: profile.avatarUrl,
    openToWork: profile.openToWork,
    keptOverPage: keptOver(profile, card),
    segment: '',
    relevance: null,
    role: null,
    source: null,
    sourceDetail: '',
    status: 'new',
    tags: [],
    notes: '',
    ...(profile.salesNavLeadId === undefined ? {} : { salesNavLeadIds: [profile.salesNavLeadId] }),
  };
}

export interface FieldChange {
  field: ProfileField | 'name';
  stored: string | null;
  page: string;
}

/**
 * The fields where the page now says something other than the stored card, leaving out a page
 * value the rep already chose their own over (it is not news).
 */
export function changesOnPage(contact: Contact, profile: ProfileReading): FieldChange[] {
  const kept = contact.keptOverPage ?? {};
  const changes: FieldChange[] = [];
  const name = profile.name;
  if (name && name !== contact.name.display && name !== kept.name) {
    changes.push({ field: 'name', stored: contact.name.display, page: name });
  }

  for (const field of PROFILE_FIELDS) {
    const page = profile[field];
    const news = page && page !== contact[field] && page !== kept[field];
    if (news) changes.push({ field, stored: contact[field], page });
  }

  return changes;
}

/** The page values the rep replaced with their own while saving. */
function keptOver(profile: ProfileReading, card: CardFields): KeptOverPage {
  const kept: KeptOverPage = {};

  for (const field of ['name', ...PROFILE_FIELDS] as const) {
    const page = profile[field];
    if (page && card[field].trim() !== page) kept[field] = page;
  }

  return kept;
}

/** Splits "a, b ,c" into clean, unique tags. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A contact to save from a conversation, where the page shows only a name and a profile link;
 * the rest stays empty for the profile page to fill in later. Null when either is missing.
 */
export function draftFromPerson(person: ConversationPerson): ContactDraft | null {
  const profile = person.profileUrl === null ? null : canonicalProfileUrl(person.profileUrl);
  if (profile === null || profile.type === 'salesLead' || person.name === null) return null;

  const name = cleanName(person.name);
  const display = name.display ?? person.name;
  const card = { name: display, headline: '', company: '', title: '', location: '' };

  return draftFromReading(
    {
      profileUrl: profile.canonical,
      key: profile.key,
      memberUrn: null,
      name: display,
      rawName: person.name,
      givenName: name.given,
      familyName: name.family,
      headline: null,
      company: null,
      title: null,
      location: null,
      avatarUrl: null,
      avatarExpiresAt: null,
      openToWork: false,
      missing: [],
    },
    card,
  );
}
