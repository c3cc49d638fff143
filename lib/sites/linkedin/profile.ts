/**
 * Reads a profile page. LinkedIn is a single-page app: after an in-app navigation the URL and
 * title change first and the DOM follows in pieces. So the URL names the profile, and every
 * part of the DOM must prove it belongs to that URL before anything is read from it.
 */

import type { Diagnostic, ProfileReading, ReadField } from '@/lib/model/reading';
import { findProfileBlob, type ProfileBlob } from './blobs';
import { findTopCard } from './dom';
import { readExperience, type ExperienceReading, type Job } from './experience';
import { cleanName, type CleanName } from './names';
import { collapse } from './text';
import { avatarExpiry, readTopCard, safeAvatarUrl, type TopCard } from './topcard';
import type { CanonicalProfile } from './urls';

const TAG = 'linkedin/profile';
/** Notes meaning LinkedIn is still swapping the previous profile's DOM for this one. */
const CARD_OF_ANOTHER = 'top card shows another profile';
const EXPERIENCE_OF_ANOTHER = 'experience section belongs to another profile';
export const STALE_NOTES: readonly string[] = [CARD_OF_ANOTHER, EXPERIENCE_OF_ANOTHER];
const AVATAR_REJECTED = 'avatar URL is not an https media.licdn.com URL';
const FIELDS: readonly ReadField[] = [
  'name',
  'headline',
  'company',
  'title',
  'location',
  'avatarUrl',
  'memberUrn',
];

type Fields = Omit<ProfileReading, 'missing'>;
type PhotoField = 'avatarUrl' | 'avatarExpiresAt';
type PersonField = 'name' | 'rawName' | 'givenName' | 'familyName' | 'headline' | 'location';

/** The top card (when tied to the URL) and the embedded profile of the URL's slug. */
interface Sources {
  card: TopCard | null;
  blob: ProfileBlob | null;
}

/** What the reader knows while it reads one page. */
interface Reading {
  page: CanonicalProfile;
  titleName: string | null;
  diagnostics: Diagnostic[];
}

function note(reading: Reading, message: string): void {
  reading.diagnostics.push({ tag: TAG, message });
}

/** The name in a tab title: "(3) Kwame Asante-Boateng | LinkedIn" → "Kwame Asante-Boateng". */
export function titleName(title: string): string | null {
  const match = /^(?:\(\d+\)\s*)?(.*?)\s*\|\s*LinkedIn\s*$/su.exec(collapse(title));
  const name = collapse(match?.[1] ?? '');
  return name === '' ? null : name;
}

function sameName(a: string, b: string): boolean {
  if (collapse(a) === collapse(b)) return true;

  const cleanA = cleanName(a).display;
  return cleanA !== null && cleanA === cleanName(b).display;
}

function urnId(urn: string | null): string | null {
  return urn === null ? null : (urn.split(':').pop() ?? null);
}

/**
 * Whose card this is. Its overlay links name the owner's vanity, its Message button the
 * owner's URN, which the embedded profile of the URL's slug can vouch for.
 */
function ownership(card: TopCard, page: CanonicalProfile, blob: ProfileBlob | null): Owner {
  const ownerId = urnId(card.memberUrn);
  if (ownerId === page.key || (blob !== null && blob.memberUrn === card.memberUrn)) return 'match';

  const keys = card.ownerKeys;
  if (page.type === 'vanity' && keys.length > 0) {
    return keys.every((key) => key === page.key) ? 'match' : 'other';
  }
  const urnDisagrees = blob !== null && card.memberUrn !== null;
  return urnDisagrees || (page.type === 'memberId' && ownerId !== null) ? 'other' : 'unknown';
}

type Owner = 'match' | 'other' | 'unknown';

/** Notes why nothing is read from the top card. */
function distrust(reading: Reading, message: string): null {
  note(reading, message);
  return null;
}

/** The top card, when it provably shows the profile at the URL. */
function trustedCard(doc: Document, blob: ProfileBlob | null, reading: Reading): TopCard | null {
  const element = findTopCard(doc);
  if (!element) return distrust(reading, 'top card not found');

  const card = readTopCard(element);
  const owner = ownership(card, reading.page, blob);
  if (owner === 'other') return distrust(reading, CARD_OF_ANOTHER);

  // Without owner links, a card is trusted only when its name is the one in the tab title.
  const { titleName: title } = reading;
  const titled = title !== null && card.rawName !== null && sameName(title, card.rawName);
  if (owner === 'match' || titled) return card;
  return distrust(reading, 'top card could not be tied to the URL');
}

/** The name shown, unless the tab title names someone else (the DOM lags the title). */
function shownName(card: TopCard | null, reading: Reading): string | null {
  const raw = card?.rawName ?? null;
  if (raw === null || reading.titleName === null || sameName(reading.titleName, raw)) return raw;

  note(reading, 'name on the page does not match the tab title');
  return null;
}

/** The member URN from the card's Message button or the embedded profile; never a guess. */
function memberUrn({ card, blob }: Sources, reading: Reading): string | null {
  const fromCard = card?.memberUrn ?? null;
  const fromBlob = blob?.memberUrn ?? null;
  if (fromCard === null || fromBlob === null || fromCard === fromBlob) return fromCard ?? fromBlob;

  note(reading, 'member URN differs between the top card and the embedded profile');
  return null;
}

const EXPERIENCE_NOTES: Record<Exclude<ExperienceReading['status'], 'read'>, string> = {
  absent: 'experience section not found',
  stale: EXPERIENCE_OF_ANOTHER,
  untied: 'experience section could not be tied to the profile',
};

function currentJob(
  doc: Document,
  card: TopCard | null,
  urn: string | null,
  reading: Reading,
): Job {
  const { page } = reading;
  const key = page.type === 'vanity' ? page.key : null;
  const owner = { key, memberId: urnId(urn), companies: card?.companies ?? [] };

  const experience = readExperience(doc, owner);
  if (experience.status === 'read') return experience.job;
  note(reading, EXPERIENCE_NOTES[experience.status]);
  return { company: null, title: null };
}

function photoFields(card: TopCard | null, reading: Reading): Pick<Fields, PhotoField> {
  const src = card?.avatarSrc ?? null;
  const avatarUrl = safeAvatarUrl(src);

  if (src !== null && avatarUrl === null) note(reading, AVATAR_REJECTED);
  return { avatarUrl, avatarExpiresAt: avatarExpiry(avatarUrl) };
}

function personFields(
  { card, blob }: Sources,
  reading: Reading,
): Pick<Fields, PersonField | 'openToWork'> {
  const raw = shownName(card, reading);
  const cleaned = raw === null ? null : cleanName(raw);

  return {
    name: cleaned?.display ?? null,
    rawName: raw,
    givenName: cleaned?.given ?? null,
    familyName: cleaned?.family ?? null,
    headline: card?.headline ?? blob?.headline ?? null,
    location: card?.location ?? blob?.location ?? null,
    openToWork: openToWork(card, blob, cleaned),
  };
}

function openToWork(
  card: TopCard | null,
  blob: ProfileBlob | null,
  name: CleanName | null,
): boolean {
  return Boolean(card?.openToWork || blob?.openToWork || name?.flags.includes('openToWork'));
}

/** The lead id of the trusted card's Sales Navigator link; most profiles show none. */
function salesNavLead(card: TopCard | null, reading: Reading): Pick<Fields, 'salesNavLeadId'> {
  const [id, ...others] = card?.salesNavLeadIds ?? [];
  if (others.length > 0) note(reading, 'top card links to more than one Sales Navigator lead');

  return id !== undefined && others.length === 0 ? { salesNavLeadId: id } : {};
}

function withMissing(fields: Fields, reading: Reading): ProfileReading {
  const missing = FIELDS.filter((field) => fields[field] === null);

  for (const field of missing) note(reading, `${field} not found`);
  return { ...fields, missing };
}

/** Reads the profile at `page` from the document, with a note for everything it could not. */
export function readProfile(
  doc: Document,
  page: CanonicalProfile,
): { profile: ProfileReading; diagnostics: Diagnostic[] } {
  const reading: Reading = { page, titleName: titleName(doc.title), diagnostics: [] };
  const blob = findProfileBlob(doc, page.key);
  const sources = { card: trustedCard(doc, blob, reading), blob };
  const urn = memberUrn(sources, reading);

  const fields: Fields = {
    profileUrl: page.canonical,
    key: page.key,
    memberUrn: urn,
    ...personFields(sources, reading),
    ...currentJob(doc, sources.card, urn, reading),
    ...photoFields(sources.card, reading),
    ...salesNavLead(sources.card, reading),
  };
  return { profile: withMissing(fields, reading), diagnostics: reading.diagnostics };
}
