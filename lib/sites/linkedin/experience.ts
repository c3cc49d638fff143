/** Reads the current job from the Experience card, once it is tied to the profile shown. */

import { attribute, findById, firstMatch } from './dom';
import {
  ENTITY,
  EXPERIENCE_ANCHOR_ID,
  EXPERIENCE_DETAILS_LINK,
  PAGED_LIST_ITEM,
} from './selectors';
import { textOf } from './text';
import { canonicalProfileUrl } from './urls';

const ORIGIN = 'https://www.linkedin.com/';
const ITEM_OWNER = /^profilePagedListComponent-(.+?)-EXPERIENCE-/;
const URN_ID = /^urn:li:fsd_profile:([A-Za-z0-9_-]+)$/;
const ENTITY_OR_ITEM = `${ENTITY.join(', ')}, li`;

const EMPLOYMENT_TYPES = new Set([
  'full-time',
  'part-time',
  'self-employed',
  'freelance',
  'contract',
  'contractor',
  'internship',
  'apprenticeship',
  'seasonal',
  'permanent',
  'temporary',
  'trainee',
]);

/** The profile the page is about, as far as it is known. */
export interface Owner {
  /** The vanity key from the URL; null for member-id URLs, whose links carry the vanity. */
  key: string | null;
  memberId: string | null;
  /** Current employers named by the (already trusted) top card. */
  companies: string[];
}

export interface Job {
  company: string | null;
  title: string | null;
}

export type ExperienceReading =
  { status: 'read'; job: Job } | { status: 'absent' | 'stale' | 'untied' };

/** Who the section says it belongs to: member ids and profile keys found in it. */
interface Evidence {
  memberIds: string[];
  keys: string[];
}

function detailsLinkEvidence(link: Element, evidence: Evidence): void {
  const href = attribute(link, 'href') ?? '';
  const key = canonicalProfileUrl(href, ORIGIN)?.key;
  if (key) evidence.keys.push(key);

  try {
    const urn = new URL(href, ORIGIN).searchParams.get('profileUrn') ?? '';
    const id = URN_ID.exec(urn)?.[1];
    if (id) evidence.memberIds.push(id);
  } catch {
    // An unparsable link says nothing about the owner.
  }
}

/** Owner ids in list item ids ("profilePagedListComponent-<id>-EXPERIENCE-…") and "Show all". */
function gatherEvidence(section: Element): Evidence {
  const evidence: Evidence = { memberIds: [], keys: [] };

  for (const item of Array.from(section.querySelectorAll(PAGED_LIST_ITEM))) {
    const id = ITEM_OWNER.exec(item.id)?.[1];
    if (id) evidence.memberIds.push(id);
  }
  for (const link of Array.from(section.querySelectorAll(EXPERIENCE_DETAILS_LINK))) {
    detailsLinkEvidence(link, evidence);
  }

  return evidence;
}

/** LinkedIn swaps sections after the URL changes: the section must name this profile only. */
function tie(evidence: Evidence, owner: Owner): 'tied' | 'stale' | 'untied' {
  const idsAgree = evidence.memberIds.every((id) => id === owner.memberId);
  const keysAgree = owner.key === null || evidence.keys.every((key) => key === owner.key);
  if (!keysAgree || (owner.memberId !== null && !idsAgree)) return 'stale';

  const idTies = owner.memberId !== null && evidence.memberIds.length > 0;
  const keyTies = owner.key !== null && evidence.keys.length > 0;
  return idTies || keyTies ? 'tied' : 'untied';
}

/** The entity's own lines (title, subtitle, dates…), not those of nested roles or details. */
function ownLines(entity: Element): string[] {
  const lines: string[] = [];

  for (const span of Array.from(entity.querySelectorAll('span[aria-hidden="true"]'))) {
    if (span.parentElement?.closest(ENTITY_OR_ITEM) !== entity) continue;
    const text = textOf(span);
    if (text !== null) lines.push(text);
  }

  return lines;
}

function isEmploymentType(part: string): boolean {
  return EMPLOYMENT_TYPES.has(part.toLowerCase().replace(/\s+/gu, '-'));
}

/** "Acme · Full-time" → "Acme"; a line holding only a type or a date range names no company. */
export function companyFromLine(line: string | undefined): string | null {
  if (line === undefined || /\b(19|20)\d{2}\b.*\s[-–]\s/u.test(line)) return null;

  const parts = line.split(' · ').filter((part) => !isEmploymentType(part.trim()));
  const company = parts.join(' · ').trim();
  return company === '' ? null : company;
}

/** A company group lists its roles as nested entities: bold line = company, first role = title. */
function jobOf(entity: Element): Job {
  const lines = ownLines(entity);
  const nestedRole = firstMatch(entity, ENTITY);

  if (nestedRole) {
    return { company: companyFromLine(lines[0]), title: ownLines(nestedRole)[0] ?? null };
  }
  return { company: companyFromLine(lines[1]), title: lines[0] ?? null };
}

function experienceSection(doc: Document): Element | null {
  const anchor = findById(doc, EXPERIENCE_ANCHOR_ID);
  return anchor?.closest('section') ?? null;
}

/** The current (first) job, when the Experience card provably belongs to `owner`. */
export function readExperience(doc: Document, owner: Owner): ExperienceReading {
  const section = experienceSection(doc);
  if (!section) return { status: 'absent' };

  const tied = tie(gatherEvidence(section), owner);
  if (tied === 'stale') return { status: tied };

  const entity = firstMatch(section, ENTITY);
  if (!entity) return { status: 'absent' };

  // No owner ids in the card: it still counts when its job is the top card's current company.
  const job = jobOf(entity);
  const confirmed = job.company !== null && owner.companies.includes(job.company);
  return tied === 'tied' || confirmed ? { status: 'read', job } : { status: 'untied' };
}
