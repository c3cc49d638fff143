/**
 * Who is in an open conversation. The viewer (the signed-in rep) appears everywhere on a
 * messaging page — Me menu, participant list, their own messages — and is never a partner.
 */

import { attribute, firstMatch } from './dom';
import { cleanName } from './names';
import { renderedText } from './rendered-text';
import {
  FACEPILE_PERSON,
  HIDDEN_TEXT,
  PARTICIPANT,
  PARTICIPANT_SELF,
  THREAD_BADGE,
  THREAD_PROFILE_LINK,
  THREAD_TITLE,
  THREAD_TITLE_BAR,
  VIEWER_LINK,
  VIEWER_PHOTO,
} from './selectors';
import { canonicalProfileUrl } from './urls';

const ORIGIN = 'https://www.linkedin.com';
const NAME_SKIP = `${HIDDEN_TEXT}, ${THREAD_BADGE}`;

/** A person as the page shows them; `key` is the canonical profile key, when linked. */
export interface Person {
  name: string | null;
  profileUrl: string | null;
  key: string | null;
  /** Linked by an opaque member id (ACoAA…) rather than the vanity name. */
  byMemberId: boolean;
}

/** Everything that identifies the viewer on the page. */
export interface Viewer {
  person: Person | null;
  keys: Set<string>;
  names: Set<string>;
}

/** A display name cleaned like a profile name ("Dr. … , MBA", badges); null if a placeholder. */
export function displayName(raw: string | null): string | null {
  return raw === null ? null : cleanName(raw).display;
}

/** A person from a profile link and the name shown for it. */
export function personOf(href: string | null, rawName: string | null): Person | null {
  const profile = href === null ? null : canonicalProfileUrl(href, ORIGIN);
  const name = displayName(rawName);
  if (profile === null && name === null) return null;

  const byMemberId = profile?.type === 'memberId';
  return { name, profileUrl: profile?.canonical ?? null, key: profile?.key ?? null, byMemberId };
}

/** The name in a link or row: its name heading, else its avatar's alt, else its bold text. */
function nameIn(element: Element): string | null {
  const heading = renderedText(firstMatch(element, THREAD_TITLE), NAME_SKIP);
  const alt = attribute(element.querySelector('img[alt]'), 'alt');

  return heading ?? alt ?? renderedText(element.querySelector('.t-bold'), NAME_SKIP);
}

/** Same key; or same name where a key is missing or is a member id (one person, two links). */
export function samePerson(a: Person, b: Person): boolean {
  if (a.key !== null && a.key === b.key) return true;

  const comparable = a.key === null || b.key === null || a.byMemberId || b.byMemberId;
  return comparable && a.name !== null && a.name === b.name;
}

/** Adds `person` unless already listed; a listed entry gains the parts it lacked. */
function addPerson(people: Person[], person: Person): void {
  const known = people.find((listed) => samePerson(listed, person));
  if (!known) {
    people.push({ ...person });
    return;
  }

  known.name ??= person.name;
  // A vanity link beats a member-id link: it is the canonical form the contact is keyed by.
  const better = known.key === null || (known.byMemberId && !person.byMemberId);
  if (person.key === null || !better) return;

  known.key = person.key;
  known.profileUrl = person.profileUrl;
  known.byMemberId = person.byMemberId;
}

/** Whether `person` is the viewer, by profile key or, when unlinked, by name. */
export function isViewer(person: Person, viewer: Viewer): boolean {
  if (person.key !== null) return viewer.keys.has(person.key);
  return person.name !== null && viewer.names.has(person.name);
}

function meMenuViewer(doc: Document): Person | null {
  const link = firstMatch(doc, VIEWER_LINK);
  const photo = firstMatch(doc, VIEWER_PHOTO);

  return personOf(attribute(link, 'href'), attribute(photo, 'alt'));
}

function selfParticipant(thread: Element | null): Person | null {
  const row = thread?.querySelector(PARTICIPANT_SELF) ?? null;
  const link = row?.querySelector('a[href]') ?? null;

  return row ? personOf(attribute(link, 'href'), nameIn(row)) : null;
}

/**
 * The viewer, from the Me menu and the "(You)" participant; only when both are missing, from
 * the senders of outbound messages (which trust the direction class).
 */
export function viewerOf(doc: Document, thread: Element | null, outbound: Person[]): Viewer {
  const shown = [meMenuViewer(doc), selfParticipant(thread)];
  const found = shown.filter((person): person is Person => person !== null);
  const people = found.length > 0 ? found : outbound;

  const keys = people.map((person) => person.key).filter((key) => key !== null);
  const names = people.map((person) => person.name).filter((name) => name !== null);
  const first = people[0];
  const person = first ? { ...first, name: first.name ?? names[0] ?? null } : null;
  return { person, keys: new Set(keys), names: new Set(names) };
}

function titleBar(thread: Element): Element | null {
  return firstMatch(thread, THREAD_TITLE_BAR);
}

/** The title bar's heading: the partner's name in a 1:1 thread, a label in a group. */
export function titleText(thread: Element): string | null {
  const bar = titleBar(thread) ?? thread;
  return renderedText(firstMatch(bar, THREAD_TITLE), NAME_SKIP);
}

/** An "InMail" badge in the title bar (the inbox list beside it has badges of its own). */
export function hasInMailBadge(thread: Element): boolean {
  const badges = Array.from(titleBar(thread)?.querySelectorAll(THREAD_BADGE) ?? []);
  return badges.some((badge) => /^inmail$/i.test(renderedText(badge) ?? ''));
}

function participantRows(thread: Element): Person[] {
  const rows = PARTICIPANT.flatMap((selector) => Array.from(thread.querySelectorAll(selector)));
  const others = rows.filter((row) => !row.matches(PARTICIPANT_SELF));

  return others
    .map((row) => personOf(attribute(row.querySelector('a[href]'), 'href'), nameIn(row)))
    .filter((person): person is Person => person !== null);
}

/** Group avatars carry names only. */
function facepile(thread: Element): Person[] {
  const bar = titleBar(thread) ?? thread;
  const images = FACEPILE_PERSON.flatMap((selector) => Array.from(bar.querySelectorAll(selector)));

  return images
    .map((image) => personOf(null, attribute(image, 'alt')))
    .filter((person): person is Person => person !== null);
}

/** How many avatars the title bar shows: more than one means a group. */
export function facepileSize(thread: Element): number {
  return facepile(thread).length;
}

/**
 * Everyone but the viewer: the participant list first (its order is the page's), then
 * inbound senders, then names from the avatars.
 */
export function otherPeople(thread: Element, inbound: Person[], viewer: Viewer): Person[] {
  const people: Person[] = [];
  const candidates = [...participantRows(thread), ...inbound, ...facepile(thread)];

  for (const person of candidates) if (!isViewer(person, viewer)) addPerson(people, person);
  return people;
}

/** The 1:1 partner shown in the title bar or the profile card above the messages. */
export function headerPartner(thread: Element, viewer: Viewer): Person | null {
  for (const selector of THREAD_PROFILE_LINK) {
    const link = thread.querySelector(selector);
    const person = link ? personOf(attribute(link, 'href'), nameIn(link)) : null;
    if (person?.key && !isViewer(person, viewer)) return person;
  }

  return null;
}
