import { canonicalProfileUrl } from '../sites/linkedin';
import { isBlankRow, readCsvTable, repairedMojibake } from './csv';

/** One message of LinkedIn's `messages.csv` data export. */
export interface ExportedMessage {
  sourceRow: number;
  from: string;
  fromProfileUrl: string | null;
  direction: 'inbound' | 'outbound';
  to: string[];
  toProfileUrls: (string | null)[];
  at: string;
  subject: string | null;
  text: string;
  folder: string;
  attachments: string[];
  suspectMojibake?: true;
  repairedFromCandidate?: string;
}

export interface Participant {
  name: string;
  profileUrl: string | null;
}

export interface ExportedConversation {
  conversationId: string;
  title: string | null;
  kind: 'message' | 'inmail' | 'group';
  subject: string | null;
  folders: string[];
  participants: Participant[];
  /** Oldest first. */
  messages: ExportedMessage[];
  messageCount: number;
  lastMessageAt: string;
  lastDirection: 'inbound' | 'outbound';
}

export interface ExportedContact {
  name: string;
  profileUrl: string;
  conversationIds: string[];
  lastMessageAt: string;
  suspectMojibake?: true;
  repairedFromCandidate?: string;
}

export interface MessagesExport {
  owner: Participant;
  conversations: ExportedConversation[];
  contacts: ExportedContact[];
}

const COLUMNS = {
  id: 'CONVERSATION ID',
  title: 'CONVERSATION TITLE',
  from: 'FROM',
  fromUrl: 'SENDER PROFILE URL',
  to: 'TO',
  toUrls: 'RECIPIENT PROFILE URLS',
  date: 'DATE',
  subject: 'SUBJECT',
  content: 'CONTENT',
  folder: 'FOLDER',
  attachments: 'ATTACHMENTS',
} as const;

type Row = { sourceRow: number; cells: Map<string, string> };

/**
 * Reads LinkedIn's messages export. The owner is not a column: it is the sender who appears
 * most often, and every message they sent is outbound.
 */
export function readMessagesExport(text: string): MessagesExport {
  const table = readCsvTable(text, (cells) => cells.includes(COLUMNS.id));
  const rows = table.rows.filter((row) => !isBlankRow(row.cells));
  const owner = findOwner(rows);

  const byConversation = groupBy(rows, (row) => cell(row, 'id'));
  const conversations = [...byConversation.values()].map((group) => conversationOf(group, owner));
  return { owner, conversations, contacts: contactsOf(conversations) };
}

function cell(row: Row, column: keyof typeof COLUMNS): string {
  return (row.cells.get(COLUMNS[column]) ?? '').trim();
}

function profileUrl(raw: string): string | null {
  return raw === '' ? null : (canonicalProfileUrl(raw)?.canonical ?? null);
}

function findOwner(rows: Row[]): Participant {
  const counts = new Map<string, { name: string; count: number }>();
  for (const row of rows) {
    const url = profileUrl(cell(row, 'fromUrl'));
    if (!url) continue;

    const seen = counts.get(url) ?? { name: cell(row, 'from'), count: 0 };
    counts.set(url, { ...seen, count: seen.count + 1 });
  }

  const [url, top] = [...counts].sort((a, b) => b[1].count - a[1].count)[0] ?? [];
  if (!url || !top) throw new Error('The file has no sender with a profile URL.');
  return { name: top.name, profileUrl: url };
}

function conversationOf(rows: Row[], owner: Participant): ExportedConversation {
  const messages = rows.map((row) => messageOf(row, owner)).sort(byTime);
  const first = rows[0] as Row;
  const last = messages.at(-1) as ExportedMessage;
  const participants = participantsOf(messages, owner);
  const subject = messages.find((m) => m.subject)?.subject ?? null;

  return {
    conversationId: cell(first, 'id'),
    title: cell(first, 'title') || null,
    kind: subject ? 'inmail' : participants.length > 1 ? 'group' : 'message',
    subject,
    folders: [...new Set(messages.map((m) => m.folder))],
    participants,
    messages,
    messageCount: messages.length,
    lastMessageAt: last.at,
    lastDirection: last.direction,
  };
}

function messageOf(row: Row, owner: Participant): ExportedMessage {
  const from = cell(row, 'from');
  const fromProfileUrl = profileUrl(cell(row, 'fromUrl'));
  const message: ExportedMessage = {
    sourceRow: row.sourceRow,
    from,
    fromProfileUrl,
    direction: fromProfileUrl === owner.profileUrl ? 'outbound' : 'inbound',
    to: splitList(cell(row, 'to'), ','),
    toProfileUrls: splitList(cell(row, 'toUrls'), ';').map(profileUrl),
    at: exportTime(cell(row, 'date')),
    subject: cell(row, 'subject') || null,
    text: (row.cells.get(COLUMNS.content) ?? '').replace(/\r\n?/g, '\n').trim(),
    folder: cell(row, 'folder'),
    attachments: splitList(cell(row, 'attachments'), ';'),
  };
  return { ...message, ...mojibakeOf(from) };
}

function mojibakeOf(
  name: string,
): Pick<ExportedMessage, 'suspectMojibake' | 'repairedFromCandidate'> {
  const repaired = repairedMojibake(name);
  return repaired ? { suspectMojibake: true, repairedFromCandidate: repaired } : {};
}

/** `2026-06-12 09:16:07 UTC` → `2026-06-12T09:16:07Z`. */
function exportTime(raw: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\s*UTC)?$/.exec(raw);
  if (!match) throw new Error(`Unreadable message date "${raw}".`);
  return `${match[1]}T${match[2]}Z`;
}

function splitList(raw: string, separator: string): string[] {
  return raw === ''
    ? []
    : raw
        .split(separator)
        .map((part) => part.trim())
        .filter(Boolean);
}

/** Everyone but the owner, in order of first appearance, sender before recipients. */
function participantsOf(messages: ExportedMessage[], owner: Participant): Participant[] {
  const found = new Map<string, Participant>();
  const add = (name: string, url: string | null): void => {
    const id = url ?? `name:${name}`;
    if (url !== owner.profileUrl && !found.has(id)) found.set(id, { name, profileUrl: url });
  };

  for (const m of messages) {
    add(m.from, m.fromProfileUrl);
    m.toProfileUrls.forEach((url, i) => add(m.to[i] ?? '', url));
  }
  return [...found.values()];
}

function contactsOf(conversations: ExportedConversation[]): ExportedContact[] {
  const contacts = new Map<string, ExportedContact>();
  for (const conversation of conversations) {
    for (const { name, profileUrl } of conversation.participants) {
      if (profileUrl) addContact(contacts, { name, profileUrl }, conversation);
    }
  }
  return [...contacts.values()].sort((a, b) => (a.profileUrl < b.profileUrl ? -1 : 1));
}

function addContact(
  contacts: Map<string, ExportedContact>,
  person: { name: string; profileUrl: string },
  conversation: ExportedConversation,
): void {
  const known = contacts.get(person.profileUrl);
  if (known) {
    known.conversationIds.push(conversation.conversationId);
    if (conversation.lastMessageAt > known.lastMessageAt)
      known.lastMessageAt = conversation.lastMessageAt;
    return;
  }

  const contact = { ...person, conversationIds: [conversation.conversationId] };
  contacts.set(person.profileUrl, {
    ...contact,
    lastMessageAt: conversation.lastMessageAt,
    ...mojibakeOf(person.name),
  });
}

function byTime(a: ExportedMessage, b: ExportedMessage): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : b.sourceRow - a.sourceRow;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
