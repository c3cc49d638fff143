/** Reads the top card: the part of a profile that names the person. */

import { attribute, firstMatch, follows } from './dom';
import { cleanName } from './names';
import {
  AVATAR,
  CONTACT_INFO_LINK,
  CURRENT_COMPANY,
  HEADLINE,
  LOCATION,
  MESSAGE_LINK,
  NAME_HEADING,
  OWNER_LINKS,
  SALES_NAV_LEAD_LINK,
  SDUI_TOP_CARD_KEY,
} from './selectors';
import { textBefore, textOf, trimSeparators, visibleText } from './text';
import { canonicalProfileUrl, salesNavLeadId } from './urls';

const ORIGIN = 'https://www.linkedin.com/';
const PROFILE_URN = /^urn:li:fsd_profile:[A-Za-z0-9_-]+$/;
const AVATAR_HOST = 'media.licdn.com';
const SDUI_KEY_ID = /\.ref([A-Za-z0-9_-]+)Topcard$/;
const COMPANY_LABEL = /^Current company: (.+?)\. Click to skip to experience card$/u;

export interface TopCard {
  /** Keys of the profiles the card's overlay links point at: the card's owner. */
  ownerKeys: string[];
  rawName: string | null;
  headline: string | null;
  location: string | null;
  /** The photo's src as written, whatever its scheme; checked by `safeAvatarUrl`. */
  avatarSrc: string | null;
  openToWork: boolean;
  memberUrn: string | null;
  /** Employers the card names as current: they confirm an Experience card with no owner ids. */
  companies: string[];
  /** Every lead id the card's Sales Navigator links name: one, unless the page is odd. */
  salesNavLeadIds: string[];
}

function ownerKeys(card: Element): string[] {
  const keys = new Set<string>();

  for (const link of Array.from(card.querySelectorAll(OWNER_LINKS))) {
    const key = canonicalProfileUrl(attribute(link, 'href') ?? '', ORIGIN)?.key;
    if (key) keys.add(key);
  }

  return [...keys];
}

/** The 2026 layouts have no headline class: it is the paragraph right after the name. */
function headlineAfter(card: Element, heading: Element | null): Element | null {
  if (heading === null) return null;

  const next = Array.from(card.querySelectorAll('p')).find((p) => follows(heading, p));
  // With no headline, the next paragraph is the location or follower line: both hold links.
  return next && !next.querySelector('a') && !next.closest('a') ? next : null;
}

/** The line holding the contact-info link: its closest ancestor with more than the link. */
function lineOf(link: Element, card: Element): Element | null {
  const linkText = textOf(link);
  let line = link.parentElement;

  while (line && line !== card && textOf(line) === linkText) line = line.parentElement;
  return line === card ? null : line;
}

/** The location is the text before the contact-info link on the link's line. */
function locationBeforeContactLink(card: Element): string | null {
  const link = card.querySelector(CONTACT_INFO_LINK);
  const line = link ? lineOf(link, card) : null;
  if (!link || !line) return null;

  const text = trimSeparators(textBefore(line, link));
  return text === '' ? null : text;
}

function readLocation(card: Element): string | null {
  return locationBeforeContactLink(card) ?? visibleText(firstMatch(card, LOCATION));
}

/** The photo: a known hook, or else an image whose alt text is the person's name. */
function findAvatar(card: Element, rawName: string | null): Element | null {
  const known = firstMatch(card, AVATAR);
  if (known || rawName === null) return known;

  const name = cleanName(rawName).display;
  const sameName = (img: Element): boolean =>
    cleanName(attribute(img, 'alt') ?? '').display === name;
  return Array.from(card.querySelectorAll('img')).find(sameName) ?? null;
}

/** The #OPEN_TO_WORK photo frame shows up only as a badge in the photo's alt and title. */
function hasOpenToWorkBadge(avatar: Element | null): boolean {
  const labels = [attribute(avatar, 'alt'), attribute(avatar, 'title')];
  return labels.some((label) => label !== null && cleanName(label).flags.includes('openToWork'));
}

function urnFromLink(card: Element): string | null {
  const href = attribute(card.querySelector(MESSAGE_LINK), 'href');
  if (href === null) return null;

  try {
    return new URL(href, ORIGIN).searchParams.get('profileUrn');
  } catch {
    return null;
  }
}

/** The Message button's ?profileUrn= names the card's owner; 2026 cards also carry it in a key. */
function memberUrnOf(card: Element): string | null {
  const id = SDUI_KEY_ID.exec(attribute(card, SDUI_TOP_CARD_KEY) ?? '')?.[1];
  const urn = urnFromLink(card) ?? (id === undefined ? null : `urn:li:fsd_profile:${id}`);

  return urn !== null && PROFILE_URN.test(urn) ? urn : null;
}

function companiesOf(card: Element): string[] {
  const names = new Set<string>();

  for (const element of CURRENT_COMPANY.flatMap((s) => Array.from(card.querySelectorAll(s)))) {
    const label = COMPANY_LABEL.exec(attribute(element, 'aria-label') ?? '')?.[1];
    for (const name of [label, textOf(element)]) if (name) names.add(name);
  }

  return [...names];
}

function salesNavLeadIdsOf(card: Element): string[] {
  const links = SALES_NAV_LEAD_LINK.flatMap((s) => Array.from(card.querySelectorAll(s)));
  const ids = links.map((link) => salesNavLeadId(attribute(link, 'href') ?? '', ORIGIN));

  return [...new Set(ids.filter((id) => id !== null))];
}

export function readTopCard(card: Element): TopCard {
  const heading = firstMatch(card, NAME_HEADING);
  const rawName = visibleText(heading);
  const avatar = findAvatar(card, rawName);

  return {
    ownerKeys: ownerKeys(card),
    rawName,
    headline: visibleText(firstMatch(card, HEADLINE) ?? headlineAfter(card, heading)),
    location: readLocation(card),
    avatarSrc: attribute(avatar, 'src'),
    openToWork: hasOpenToWorkBadge(avatar),
    memberUrn: memberUrnOf(card),
    companies: companiesOf(card),
    salesNavLeadIds: salesNavLeadIdsOf(card),
  };
}

/** Only https photos on LinkedIn's media host are kept; anything else (javascript:…) is not. */
export function safeAvatarUrl(src: string | null): string | null {
  if (src === null) return null;

  try {
    const url = new URL(src);
    return url.protocol === 'https:' && url.hostname === AVATAR_HOST ? src : null;
  } catch {
    return null;
  }
}

/** When the photo URL stops working: its `e` parameter, in seconds since the epoch. */
export function avatarExpiry(avatarUrl: string | null): string | null {
  if (avatarUrl === null) return null;

  const seconds = Number(new URL(avatarUrl).searchParams.get('e') ?? Number.NaN);
  // Past year 5000 the value is not a timestamp (and Date would throw on it).
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 1e11) return null;
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
