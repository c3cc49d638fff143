/**
 * Everything Rapport knows about LinkedIn pages. Bundled into the content script, so it
 * imports no runtime library and only reads the DOM: it never writes to the page.
 */

import type { PageReading } from '@/lib/model/reading';
import { readProfile, STALE_NOTES } from './profile';
import { profileOfPage } from './urls';

export { canonicalProfileUrl, parseProfileUrl, profileOfPage } from './urls';
export type { CanonicalProfile, ProfileUrlResult, ProfileUrlType, UrlRejection } from './urls';
export { cleanName } from './names';
export type { CleanName, NameConfidence, NameFlag } from './names';
export { titleName } from './profile';

/** Reads the page in a tab: a profile, or 'none' for every other page (feed, messaging…). */
export function readPage(doc: Document, url: string): PageReading {
  const page = profileOfPage(url);
  if (!page) return { kind: 'none', url, diagnostics: [] };

  try {
    const { profile, diagnostics } = readProfile(doc, page);
    return { kind: 'profile', url, profile, diagnostics };
  } catch (error) {
    // A reader bug must not break the tab; report it and read nothing.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'none', url, diagnostics: [{ tag: 'linkedin/profile', message }] };
  }
}

/**
 * Whether the page still shows parts of the previous profile after an in-app navigation:
 * read again after the next DOM change before keeping the reading.
 */
export function isSettling(reading: PageReading): boolean {
  return reading.diagnostics.some((diagnostic) => STALE_NOTES.includes(diagnostic.message));
}
