/**
 * Everything Rapport knows about LinkedIn pages. Bundled into the content script, so it
 * imports no runtime library and only reads the DOM: it never writes to the page.
 */

import type { Diagnostic, PageReading } from '@/lib/model/reading';
import { readConversation, threadIdOfPage } from './messaging';
import { readProfile, STALE_NOTES } from './profile';
import { profileOfPage } from './urls';

export { canonicalProfileUrl, parseProfileUrl, profileOfPage, salesNavLeadId } from './urls';
export type { CanonicalProfile, ProfileUrlResult, ProfileUrlType, UrlRejection } from './urls';
export { cleanName } from './names';
export { insertIntoMessageBox } from './compose';
export type { InsertResult } from './compose';
export type { CleanName, NameConfidence, NameFlag } from './names';
export { titleName } from './profile';
export { browserTimeZone, readConversation, threadIdOfPage } from './messaging';
export type { ConversationOptions } from './messaging';
export { resolveLinkedInTime } from './dates';
export type {
  LinkedInTimeContext,
  LinkedInTimeInput,
  LinkedInTimeOptions,
  ResolvedTime,
  TimePrecision,
} from './dates';

/** A reader bug must not break the tab; report it and read nothing. */
function failed(url: string, tag: string, error: unknown): PageReading {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'none', url, diagnostics: [{ tag, message }] };
}

function readThread(doc: Document, url: string, now: Date): PageReading {
  try {
    const diagnostics: Diagnostic[] = [];
    const conversation = readConversation(doc, url, now, { diagnostics });
    return { kind: 'conversation', url, conversation, diagnostics };
  } catch (error) {
    return failed(url, 'linkedin/messaging', error);
  }
}

/**
 * Reads the page in a tab: a profile, an open messaging thread, or 'none' for every other
 * page (feed, inbox without an open thread…). `now` resolves the thread's relative times.
 */
export function readPage(doc: Document, url: string, now: Date = new Date()): PageReading {
  if (threadIdOfPage(url) !== null) return readThread(doc, url, now);

  const page = profileOfPage(url);
  if (!page) return { kind: 'none', url, diagnostics: [] };

  try {
    const { profile, diagnostics } = readProfile(doc, page);
    return { kind: 'profile', url, profile, diagnostics };
  } catch (error) {
    return failed(url, 'linkedin/profile', error);
  }
}

/**
 * Whether the page still shows parts of the previous profile after an in-app navigation:
 * read again after the next DOM change before keeping the reading.
 */
export function isSettling(reading: PageReading): boolean {
  return reading.diagnostics.some((diagnostic) => STALE_NOTES.includes(diagnostic.message));
}
