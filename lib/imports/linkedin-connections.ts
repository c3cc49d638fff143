import { canonicalProfileUrl, cleanName } from '../sites/linkedin';
import type { CanonicalProfile } from '../sites/linkedin';
import type { CsvTable } from './csv';
import { decodeCsvBytes, isBlankRow, readCsvTable, repairedMojibake } from './csv';

export type SourceEncoding = 'utf-8' | 'windows-1252';
export type LineEndings = 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';

/** How the file was written, for diagnostics. Counts are CSV records, not physical lines. */
export interface ConnectionsFile {
  encoding: SourceEncoding;
  bom: boolean;
  lineEndings: LineEndings;
  /** Records before the header: LinkedIn's "Notes:" preamble and its blank line, or none. */
  preambleLines: number;
  headerRow: number;
  header: string[];
  /** Records after the header, blank ones included: `sourceRow` counts among them. */
  rowsAfterHeader: number;
}

/** One row of LinkedIn's `Connections.csv` data export. Empty cells are null. */
export interface ConnectionRecord {
  sourceRow: number;
  firstName: string | null;
  lastName: string | null;
  /** The name to greet: credentials, nickname and emoji taken out. */
  name: string | null;
  nickname: string | null;
  nameSuffixes: string[];
  /** Only when the name starts with one ("Dr."). */
  namePrefix?: string;
  /** Null in older exports, which have no URL column: such rows have no identity key. */
  profileUrl: string | null;
  key: string | null;
  /** As the file writes it; the import keeps it as the contact's email address. */
  email: string | null;
  company: string | null;
  position: string | null;
  /** `YYYY-MM-DD`. */
  connectedOn: string | null;
  /** The name reads like UTF-8 that went through windows-1252 ("RenÃ©e"). */
  suspectMojibake?: true;
  repairedFromCandidate?: string;
}

export type SkipReason = 'blank row (only commas)' | 'no name and no URL';

export interface SkippedRow {
  sourceRow: number;
  reason: SkipReason;
}

/** A later row naming a profile an earlier row already named: the earlier row wins. */
export interface DuplicateRow {
  sourceRow: number;
  key: string;
  duplicateOfRow: number;
}

/** A cell that could not be read: the record keeps the rest of its row. */
export interface RowWarning {
  sourceRow: number;
  column: string;
  value: string;
  problem: 'not a profile URL' | 'unreadable date';
}

export interface ConnectionsExport {
  file: ConnectionsFile;
  /** Every row with a name or a URL, in file order, duplicates included. */
  records: ConnectionRecord[];
  skipped: SkippedRow[];
  duplicates: DuplicateRow[];
  warnings: RowWarning[];
}

export class NotAConnectionsExportError extends Error {
  override name = 'NotAConnectionsExportError';
}

const COLUMNS = {
  firstName: 'First Name',
  lastName: 'Last Name',
  url: 'URL',
  email: 'Email Address',
  company: 'Company',
  position: 'Position',
  connectedOn: 'Connected On',
} as const;

type Column = keyof typeof COLUMNS;
const COLUMN_IDS = Object.keys(COLUMNS) as Column[];
type Fields = Record<Column, string | null>;
type Row = CsvTable['rows'][number];
type Warn = (column: Column, value: string, problem: RowWarning['problem']) => void;

/** Besides the name, a connections header has one of these; LinkedIn's Profile.csv has none. */
const CONNECTION_COLUMNS: Column[] = ['url', 'email', 'company', 'position', 'connectedOn'];

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Scripts written family name first, without a space: 王 + 静怡 is "王静怡". */
const NO_SPACE_LETTER = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;

const LINE_BREAK_NAMES: Record<string, LineEndings> = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };

/**
 * Reads LinkedIn's `Connections.csv` export, in either encoding, with or without the notes
 * preamble and the URL column. Throws `NotAConnectionsExportError` for any other file.
 *
 * @example readConnections(new Uint8Array(await file.arrayBuffer())).records[0]?.key
 */
export function readConnections(bytes: Uint8Array): ConnectionsExport {
  const text = decodeCsvBytes(bytes);
  const table = connectionsTable(text);
  const columns = columnsOf(table.header);
  const read = emptyExport(fileOf(bytes, text, table));

  for (const row of table.rows) readRow(read, row, columns);

  read.duplicates = duplicatesOf(read.records);
  return read;
}

function connectionsTable(text: string): CsvTable {
  try {
    return readCsvTable(text, isConnectionsHeader);
  } catch (error) {
    const message =
      'This file is not LinkedIn\'s Connections export: no row has the "First Name" and ' +
      '"Last Name" columns next to "URL", "Company", "Position" or "Connected On".';
    throw new NotAConnectionsExportError(message, { cause: error });
  }
}

function isConnectionsHeader(cells: string[]): boolean {
  const names = new Set(cells.map(columnName));
  const has = (column: Column): boolean => names.has(columnName(COLUMNS[column]));

  return has('firstName') && has('lastName') && CONNECTION_COLUMNS.some(has);
}

/** A windows-1252 file keeps its BOM as "ï»¿": the header must still be found. */
function columnName(cell: string): string {
  return cell
    .replace(/^(?:\ufeff|ï»¿)/u, '')
    .trim()
    .toLowerCase();
}

/** The header cell of each known column, matched by name whatever the order or case. */
function columnsOf(header: string[]): Map<Column, string> {
  const columns = new Map<Column, string>();

  for (const column of COLUMN_IDS) {
    const cell = header.find((name) => columnName(name) === columnName(COLUMNS[column]));
    if (cell !== undefined) columns.set(column, cell);
  }

  return columns;
}

function emptyExport(file: ConnectionsFile): ConnectionsExport {
  return { file, records: [], skipped: [], duplicates: [], warnings: [] };
}

function fileOf(bytes: Uint8Array, text: string, table: CsvTable): ConnectionsFile {
  return {
    encoding: encodingOf(bytes),
    bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    lineEndings: lineEndingsOf(text),
    preambleLines: table.headerRow - 1,
    headerRow: table.headerRow,
    header: table.header,
    rowsAfterHeader: table.rows.length,
  };
}

/** The same test `decodeCsvBytes` makes: anything but strict UTF-8 was read as windows-1252. */
function encodingOf(bytes: Uint8Array): SourceEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function lineEndingsOf(text: string): LineEndings {
  const found = [...new Set(text.match(/\r\n|\r|\n/g) ?? [])];
  if (found.length > 1) return 'mixed';

  return LINE_BREAK_NAMES[found[0] ?? ''] ?? 'none';
}

function readRow(read: ConnectionsExport, row: Row, columns: Map<Column, string>): void {
  const fields = fieldsOf(row, columns);
  const reason = skipReason(row, fields);
  if (reason) {
    read.skipped.push({ sourceRow: row.sourceRow, reason });
    return;
  }

  const warn: Warn = (column, value, problem) =>
    read.warnings.push({ sourceRow: row.sourceRow, column: COLUMNS[column], value, problem });
  read.records.push(recordOf(row.sourceRow, fields, warn));
}

/** Trimmed cells by column; empty cells and columns the file lacks are null. */
function fieldsOf(row: Row, columns: Map<Column, string>): Fields {
  const entries = COLUMN_IDS.map((column) => {
    const cell = columns.get(column);
    const value = cell === undefined ? '' : (row.cells.get(cell) ?? '').trim();
    return [column, value === '' ? null : value];
  });

  return Object.fromEntries(entries) as Fields;
}

function skipReason(row: Row, fields: Fields): SkipReason | null {
  if (isBlankRow(row.cells)) return 'blank row (only commas)';

  const nameless = fields.firstName === null && fields.lastName === null;
  return nameless && fields.url === null ? 'no name and no URL' : null;
}

function recordOf(sourceRow: number, fields: Fields, warn: Warn): ConnectionRecord {
  const profile = profileOf(fields.url, warn);

  return {
    sourceRow,
    firstName: fields.firstName,
    lastName: fields.lastName,
    ...nameOf(fields.firstName ?? '', fields.lastName ?? ''),
    profileUrl: profile?.canonical ?? null,
    key: profile?.key ?? null,
    email: fields.email,
    company: fields.company,
    position: fields.position,
    connectedOn: dateOf(fields.connectedOn, warn),
  };
}

type NameFields = Pick<
  ConnectionRecord,
  'name' | 'nickname' | 'nameSuffixes' | 'namePrefix' | 'suspectMojibake' | 'repairedFromCandidate'
>;

function nameOf(first: string, last: string): NameFields {
  const written = isNoSpaceName(first) && isNoSpaceName(last) ? last + first : `${first} ${last}`;
  const clean = cleanName(written);
  // Before cleaning: mojibake such as "Ã©" holds "©", which cleaning drops as an emoji.
  const repaired = repairedMojibake(written);
  const candidate = repaired === null ? null : cleanName(repaired).display;

  return {
    name: clean.display,
    nickname: clean.nickname,
    nameSuffixes: clean.suffixes,
    ...(clean.prefix ? { namePrefix: clean.prefix } : {}),
    ...(candidate ? { suspectMojibake: true, repairedFromCandidate: candidate } : {}),
  };
}

function isNoSpaceName(part: string): boolean {
  const letters = part.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.every((letter) => NO_SPACE_LETTER.test(letter));
}

function profileOf(url: string | null, warn: Warn): CanonicalProfile | null {
  if (url === null) return null;

  const profile = canonicalProfileUrl(url);
  if (!profile) warn('url', url, 'not a profile URL');
  return profile;
}

function dateOf(raw: string | null, warn: Warn): string | null {
  if (raw === null) return null;

  const date = isoDate(raw);
  if (!date) warn('connectedOn', raw, 'unreadable date');
  return date;
}

/** "14 Feb 2024" (LinkedIn's format), "14 February 2024" or "2024-02-14" → "2024-02-14". */
function isoDate(raw: string): string | null {
  const written = /^(\d{1,2})[\s-]+(\p{L}{3,})\.?[\s-]+(\d{4})$/u.exec(raw);
  if (written) return validDate(Number(written[3]), monthOf(written[2] ?? ''), Number(written[1]));

  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  return iso ? validDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/** 1-based month of an English month name or its abbreviation ("Sep", "Sept"); 0 if none. */
function monthOf(word: string): number {
  return MONTHS.findIndex((month) => month.startsWith(word.toLowerCase())) + 1;
}

/** Rejects days the month does not have ("30 Feb 2024") instead of rolling them over. */
function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const same =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;

  return month > 0 && same ? date.toISOString().slice(0, 10) : null;
}

function duplicatesOf(records: ConnectionRecord[]): DuplicateRow[] {
  const firstRows = new Map<string, number>();
  const duplicates: DuplicateRow[] = [];

  for (const { key, sourceRow } of records) {
    if (key === null) continue;

    const earlier = firstRows.get(key);
    if (earlier === undefined) firstRows.set(key, sourceRow);
    else duplicates.push({ sourceRow, key, duplicateOfRow: earlier });
  }

  return duplicates;
}
