/**
 * The server-rendered API responses LinkedIn embeds as <code> JSON. The page holds several:
 * the viewer's own /voyager/api/me, rail people, and profiles from earlier in-app navigation.
 * Only a profile entity whose publicIdentifier is the URL's slug describes the contact.
 */

import { CODE_BLOBS } from './selectors';
import { canonicalProfileUrl } from './urls';

const ORIGIN = 'https://www.linkedin.com';
const PROFILE_URN = /^urn:li:fsd_profile:([A-Za-z0-9_-]+)$/;

export interface ProfileBlob {
  memberUrn: string;
  headline: string | null;
  location: string | null;
  openToWork: boolean;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A nested field of parsed JSON, or undefined when any step is missing. */
function pick(value: unknown, ...path: string[]): unknown {
  let current = value;

  for (const step of path) current = isObject(current) ? current[step] : undefined;
  return current;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function parse(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    return null;
  }
}

/** The slug as a URL key, so "Sam-Ortiz" in JSON matches the key "sam-ortiz". */
function keyOfSlug(slug: string): string | null {
  return canonicalProfileUrl(`${ORIGIN}/in/${encodeURIComponent(slug)}/`)?.key ?? null;
}

/** Whether an `included` entity is the full profile of the person at `key`. */
function describes(entity: Json, key: string): boolean {
  const urnId = PROFILE_URN.exec(text(entity.entityUrn) ?? '')?.[1];
  if (urnId === undefined) return false;

  const slug = text(entity.publicIdentifier);
  return (slug !== null && keyOfSlug(slug) === key) || urnId === key;
}

function toBlob(entity: Json): ProfileBlob {
  return {
    memberUrn: text(entity.entityUrn) ?? '',
    headline: text(entity.headline),
    location: text(pick(entity, 'geoLocation', 'geo', 'defaultLocalizedName')),
    openToWork: pick(entity, 'profilePicture', 'frameType') === 'OPEN_TO_WORK',
  };
}

function profileIn(data: unknown, key: string): ProfileBlob | null {
  const included = pick(data, 'included');
  if (!Array.isArray(included)) return null;

  const entity = included.find((item): item is Json => isObject(item) && describes(item, key));
  return entity ? toBlob(entity) : null;
}

/** The embedded profile of the person at `key`, if the page carries one. */
export function findProfileBlob(doc: Document, key: string): ProfileBlob | null {
  for (const code of Array.from(doc.querySelectorAll(CODE_BLOBS))) {
    // The JSON is entity-escaped in the markup: textContent decodes it, serialising would not.
    const source = code.textContent ?? '';
    if (!source.includes('"publicIdentifier"')) continue;

    const blob = profileIn(parse(source), key);
    if (blob) return blob;
  }

  return null;
}
