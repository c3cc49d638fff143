import { keyOf, partnerKeys, threadTouches, type Thread } from '../conversation-touches';
import type {
  ExportedContact,
  ExportedConversation,
  MessagesExport,
} from '../imports/linkedin-messages';
import type { NewTouch } from '../model/touch';
import { savedContactsByKey } from './conversations';
import { INDEX } from './db';
import type { RapportDB } from './db';
import { logTouches } from './touches';
import { inReadTx } from './tx';

/** What importing LinkedIn's messages.csv would do; `applyMessagesImport` logs `touches`. */
export interface MessagesImportPlan {
  /** Conversations in the file. */
  conversations: number;
  /** Conversations with at least one saved contact. */
  withContact: number;
  /** Touches not logged yet, from this file or from the LinkedIn page. */
  touchesToAdd: number;
  /** Touches of the file that are logged already. */
  alreadyLogged: number;
  /** Messages that make no touch: nobody they are with is saved. */
  messagesSkipped: number;
  /** People in the file with a profile who are not saved, most recently in touch first. */
  notSaved: { count: number; names: string[] };
  touches: NewTouch[];
}

export interface MessagesImportResult {
  added: number;
  /** Touches logged by then from elsewhere, e.g. from the page after the preview. */
  alreadyLogged: number;
}

/** Enough names to recognise who is missing without a wall of text. */
const NAMES_SHOWN = 3;

/**
 * Works out, without writing anything, which touches the export makes with saved contacts and
 * which of them are logged already.
 */
export async function planMessagesImport(
  db: RapportDB,
  file: MessagesExport,
): Promise<MessagesImportPlan> {
  const threads = file.conversations.map(threadOf);
  const saved = await savedIds(db, threads);
  const touches = uniqueByRef(threads.flatMap((thread) => threadTouches(thread, saved).touches));
  const logged = await loggedRefs(db, touches);
  const fresh = touches.filter((touch) => touch.ref === undefined || !logged.has(touch.ref));

  return {
    conversations: threads.length,
    withContact: threads.filter((thread) => partnerKeys(thread).some((k) => saved.has(k))).length,
    touchesToAdd: fresh.length,
    alreadyLogged: touches.length - fresh.length,
    messagesSkipped: threads.reduce((sum, thread) => sum + skippedIn(thread, saved), 0),
    notSaved: notSaved(file.contacts, saved),
    touches: fresh,
  };
}

/**
 * Logs the plan's touches in one transaction: all of them or, when anything fails, none.
 * Touches logged since the plan was made are skipped, not repeated.
 */
export async function applyMessagesImport(
  db: RapportDB,
  plan: MessagesImportPlan,
  now: Date = new Date(),
): Promise<MessagesImportResult> {
  const { added, skipped } = await logTouches(db, plan.touches, now);

  return { added: added.length, alreadyLogged: skipped };
}

/** An exported conversation as the thread both sources share, so the refs come out equal. */
function threadOf(conversation: ExportedConversation): Thread {
  const { conversationId, kind, participants, messages } = conversation;

  return { threadId: conversationId, kind, partners: participants, messages };
}

async function savedIds(db: RapportDB, threads: Thread[]): Promise<Map<string, string>> {
  const keys = [...new Set(threads.flatMap(partnerKeys))];
  const saved = await savedContactsByKey(db, keys);

  return new Map([...saved].map(([key, contact]) => [key, contact.id]));
}

function uniqueByRef(touches: NewTouch[]): NewTouch[] {
  const seen = new Set<string>();

  return touches.filter((touch) => {
    if (touch.ref === undefined) return true;

    if (seen.has(touch.ref)) return false;

    seen.add(touch.ref);
    return true;
  });
}

async function loggedRefs(db: RapportDB, touches: NewTouch[]): Promise<Set<string>> {
  const refs = touches.flatMap((touch) => (touch.ref === undefined ? [] : [touch.ref]));

  const keys = await inReadTx(db, ['touches'], (tx) => {
    const byRef = tx.objectStore('touches').index(INDEX.touchByRef);
    return Promise.all(refs.map((ref) => byRef.getKey(ref)));
  });

  return new Set(refs.filter((_, i) => keys[i] !== undefined));
}

/**
 * Messages of the thread that make no touch. Each message is tried on its own: who it is a
 * touch with does not depend on the messages around it, only its ref does.
 */
function skippedIn(thread: Thread, saved: ReadonlyMap<string, string>): number {
  const alone = thread.messages.map((message) => ({ ...thread, messages: [message] }));

  return alone.filter((single) => threadTouches(single, saved).touches.length === 0).length;
}

function notSaved(
  people: ExportedContact[],
  saved: ReadonlyMap<string, string>,
): MessagesImportPlan['notSaved'] {
  const missing = people
    .filter((person) => !saved.has(keyOf(person.profileUrl) ?? ''))
    .sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));

  // The export sometimes spells names as UTF-8 read as windows-1252 ("RenÃ©e").
  const names = missing.slice(0, NAMES_SHOWN).map((p) => p.repairedFromCandidate ?? p.name);

  return { count: missing.length, names };
}
