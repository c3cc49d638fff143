import type { ConversationReading, Diagnostic } from '@/lib/model/reading';
import { readConversation } from '@/lib/sites/linkedin';
import { loadPage, readJson, type Bystander, type LoadedPage } from './fixtures';

export const MESSAGING_PAGES = [
  'messaging-thread.html',
  'messaging-group.html',
  'messaging-inmail.html',
] as const;
export type MessagingPage = (typeof MESSAGING_PAGES)[number];

type Expected = ConversationReading & {
  samePartnerAs?: { fixture: MessagingPage; threadId: string };
  contactKey?: string;
};

/** The parts of a messaging sidecar the tests use. */
export interface MessagingSidecar {
  servedAt: string;
  now: string;
  timeZone: string;
  viewer: { name: string; profileUrl: string };
  expected: Expected;
  mustNotCapture: Bystander[];
}

export function readMessagingSidecar(page: MessagingPage): MessagingSidecar {
  return readJson<MessagingSidecar>(`linkedin/${page}.expected.json`);
}

/** The README's comparison rule for message text: trimmed, every whitespace run one space. */
export function collapseText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export interface OpenConversation {
  loaded: LoadedPage;
  sidecar: MessagingSidecar;
  doc: Document;
}

export function openConversation(page: MessagingPage): OpenConversation {
  const sidecar = readMessagingSidecar(page);
  const loaded = loadPage(page, sidecar.servedAt);
  return { loaded, sidecar, doc: loaded.document };
}

/** Reads the page with the sidecar's clock and zone, collecting the diagnostics. */
export function readWithSidecar(open: OpenConversation): {
  conversation: ConversationReading;
  diagnostics: Diagnostic[];
} {
  const { doc, sidecar } = open;
  const diagnostics: Diagnostic[] = [];
  const options = { timeZone: sidecar.timeZone, diagnostics };

  const conversation = readConversation(doc, sidecar.servedAt, new Date(sidecar.now), options);
  return { conversation, diagnostics };
}

/** The diagnostics' messages alone. */
export function notesOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.message);
}

/** The element matching `selector`, or a failing test when the fixture has none. */
export function element(root: Document | Element, selector: string): Element {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no ${selector} in the fixture`);
  return found;
}
