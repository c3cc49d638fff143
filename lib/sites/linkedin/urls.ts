/** LinkedIn URL rules: which URLs name a person, and the one canonical form of each. */

export type ProfileUrlType = 'vanity' | 'memberId' | 'salesLead';

export interface CanonicalProfile {
  key: string;
  canonical: string;
  type: ProfileUrlType;
}

export type UrlRejection =
  | 'empty'
  | 'not-a-url'
  | 'scheme-not-allowed'
  | 'not-linkedin'
  | 'short-link-unresolved'
  | 'not-a-person'
  | 'legacy-opaque-id'
  | 'malformed-pub'
  | 'no-slug'
  | 'self-alias'
  | 'malformed-escape'
  | 'double-encoded'
  | 'invalid-slug';

/** A parsed profile URL; `rest` holds the path segments after the slug (e.g. details, overlay). */
export type ProfileUrlResult =
  { ok: true; profile: CanonicalProfile; rest: string[] } | { ok: false; reason: UrlRejection };

const ORIGIN = 'https://www.linkedin.com';
const SCHEMELESS_HOST = /^([a-z0-9-]+\.)*linkedin\.com\//i;
const MEMBER_ID = /^(ACoAA|AEMAA)/;
const SLUG_CHARS = /^[\p{L}\p{M}\p{N}_-]+$/u;
/** LinkedIn's own slugs are at most 100 characters; a longer "key" is no profile's. */
const MAX_KEY = 200;
/** Lead ids are base64url-like; anything else is not one LinkedIn wrote. */
const LEAD_ID = /^[A-Za-z0-9_-]{1,200}$/;

type Step<T> = { ok: true; value: T } | { ok: false; reason: UrlRejection };

function fail(reason: UrlRejection): { ok: false; reason: UrlRejection } {
  return { ok: false, reason };
}

/** Adds the scheme LinkedIn share texts and hand-typed links leave out. */
function withScheme(input: string): string {
  if (input.startsWith('//')) return `https:${input}`;
  return SCHEMELESS_HOST.test(input) ? `https://${input}` : input;
}

function parseUrl(input: string, base?: string): Step<URL> {
  const text = input.trim();
  if (text === '') return fail('empty');

  try {
    return { ok: true, value: new URL(withScheme(text), base) };
  } catch {
    return fail('not-a-url');
  }
}

function checkOrigin(url: URL): UrlRejection | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme-not-allowed';

  const host = url.hostname;
  if (host === 'lnkd.in' || host.endsWith('.lnkd.in')) return 'short-link-unresolved';
  return host === 'linkedin.com' || host.endsWith('.linkedin.com') ? null : 'not-linkedin';
}

/** Path segments without the mobile "/mwlite" and "/profile" wrappers. */
function pathSegments(url: URL): string[] {
  const segments = url.pathname.split('/').slice(1);
  if (segments[0] === 'mwlite') segments.shift();

  if (segments[0] === 'profile' && segments[1] !== 'view') segments.shift();
  return segments;
}

/** The legacy /pub/<name>/<a>/<b>/<c> form is the vanity "<name>-<c><b><a>". */
function pubSlug(segments: string[]): Step<string> {
  const [name, a, b, c] = segments.slice(1);
  if (name === 'dir') return fail('not-a-person');

  if (!name || !a || !b || !c) return fail('malformed-pub');
  return { ok: true, value: `${name}-${c}${b}${a}` };
}

function decodeSlug(raw: string): Step<string> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return fail('malformed-escape');
  }

  if (decoded.includes('%')) return fail('double-encoded');
  return { ok: true, value: decoded.normalize('NFC') };
}

function personFromSlug(raw: string): Step<CanonicalProfile> {
  const decoded = decodeSlug(raw);
  if (!decoded.ok) return decoded;

  const slug = decoded.value;
  if (slug === '') return fail('no-slug');
  if (slug.toLowerCase() === 'me') return fail('self-alias');
  if (!SLUG_CHARS.test(slug) || slug.length > MAX_KEY) return fail('invalid-slug');

  // Member ids are opaque and case-sensitive: folding them would name another member.
  const type = MEMBER_ID.test(slug) ? 'memberId' : 'vanity';
  const key = type === 'memberId' ? slug : slug.toLowerCase();
  return { ok: true, value: { key, canonical: `${ORIGIN}/in/${key}/`, type } };
}

/** Sales Navigator ids come before the first comma ("<id>,NAME_SEARCH,…"). */
function salesLead(segment: string | undefined): Step<CanonicalProfile> {
  const id = (segment ?? '').split(',')[0] ?? '';
  if (id === '') return fail('no-slug');
  if (id.length > MAX_KEY) return fail('invalid-slug');

  return {
    ok: true,
    value: { key: id, canonical: `${ORIGIN}/sales/lead/${id}`, type: 'salesLead' },
  };
}

function personFromPath(segments: string[]): ProfileUrlResult {
  const [first, second] = segments;

  if (first === 'in') return finish(personFromSlug(second ?? ''), segments.slice(2));
  if (first === 'sales' && (second === 'lead' || second === 'people')) {
    return finish(salesLead(segments[2]), []);
  }
  if (first === 'profile' && second === 'view') return fail('legacy-opaque-id');
  if (first !== 'pub') return fail('not-a-person');

  const slug = pubSlug(segments);
  return slug.ok ? finish(personFromSlug(slug.value), []) : slug;
}

function finish(step: Step<CanonicalProfile>, rest: string[]): ProfileUrlResult {
  if (!step.ok) return step;
  return { ok: true, profile: step.value, rest: rest.filter((segment) => segment !== '') };
}

/** Parses any LinkedIn person URL (absolute, scheme-less or relative to `base`). */
export function parseProfileUrl(input: string, base?: string): ProfileUrlResult {
  const parsed = parseUrl(input, base);
  if (!parsed.ok) return parsed;

  const rejection = checkOrigin(parsed.value);
  return rejection ? fail(rejection) : personFromPath(pathSegments(parsed.value));
}

/** The canonical profile URL and key of a person URL, or null when it names no person. */
export function canonicalProfileUrl(input: string, base?: string): CanonicalProfile | null {
  const result = parseProfileUrl(input, base);
  return result.ok ? result.profile : null;
}

/**
 * The Sales Navigator lead id a URL names, or null when it names no lead.
 *
 * @example salesNavLeadId('linkedin.com/sales/lead/ACwAAB12,NAME_SEARCH,x1') // 'ACwAAB12'
 */
export function salesNavLeadId(input: string, base?: string): string | null {
  const profile = canonicalProfileUrl(input, base);
  if (profile?.type !== 'salesLead') return null;

  return LEAD_ID.test(profile.key) ? profile.key : null;
}

/** Sub-pages under /in/<slug>/ that are lists or feeds, not the profile itself. */
const NOT_THE_PROFILE = new Set(['details', 'recent-activity']);

/** The profile a tab shows, or null for any other page (feed, messaging, search, details…). */
export function profileOfPage(url: string): CanonicalProfile | null {
  const result = parseProfileUrl(url);
  if (!result.ok || result.profile.type === 'salesLead') return null;

  const section = result.rest[0];
  return section !== undefined && NOT_THE_PROFILE.has(section) ? null : result.profile;
}
