import Papa from 'papaparse';

/**
 * Export files arrive as bytes: UTF-8 (with or without a BOM) from LinkedIn, sometimes
 * windows-1252 from a spreadsheet. Strict UTF-8 first; any invalid sequence means 1252.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Node's TextDecoder (since 20.18.3 and 22.13) reads 'windows-1252' as ISO-8859-1, which
 * turns ’ – € “ ” into control characters; browsers follow the WHATWG table, and so does this.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const chars = Array.from(bytes, (byte) =>
    byte >= 0x80 && byte < 0xa0 ? CP1252_EXTRAS.charAt(byte - 0x80) : String.fromCharCode(byte),
  );
  return chars.join('');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface CsvTable {
  header: string[];
  /** The header's 1-based record number in the file: 1 unless a preamble comes first. */
  headerRow: number;
  /** Records after the header, each mapped by column name; `sourceRow` is 1-based. */
  rows: { sourceRow: number; cells: Map<string, string> }[];
}

/**
 * Parses RFC 4180 CSV (quoted commas, doubled quotes, line breaks inside fields) and maps each
 * record by column name, starting at the first record that `isHeader` recognises; anything
 * before it (a "Notes:" preamble) is skipped.
 */
export function readCsvTable(text: string, isHeader: (cells: string[]) => boolean): CsvTable {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  const records = withoutFinalBreak(text, parsed);
  const start = records.findIndex((cells) => isHeader(cells.map((c) => c.trim())));
  if (start < 0) throw new Error('The file has no header row Rapport recognises.');

  const header = (records[start] ?? []).map((cell) => cell.trim());
  const rows = records.slice(start + 1).map((cells, index) => ({
    sourceRow: index + 1,
    cells: new Map(header.map((name, column) => [name, cells[column] ?? ''])),
  }));
  return { header, headerRow: start + 1, rows };
}

/** A line break ends the last record (RFC 4180); Papa reports an empty record after it. */
function withoutFinalBreak(text: string, records: string[][]): string[][] {
  const last = records.at(-1);
  const phantom = /[\r\n]$/.test(text) && last?.length === 1 && last[0] === '';
  return phantom ? records.slice(0, -1) : records;
}

/** A record that is nothing but empty cells (trailing lines, `,,,,` padding). */
export function isBlankRow(cells: Map<string, string>): boolean {
  return [...cells.values()].every((cell) => cell.trim() === '');
}

/** Text that was UTF-8 read as windows-1252 ("RenÃ©e"): the repaired form, or null. */
export function repairedMojibake(text: string): string | null {
  if (!/[ÃÂâ][\u0080-\u00ff\u0152-\u2122]/.test(text)) return null;

  const bytes = Uint8Array.from([...text].map((ch) => windows1252Byte(ch)));
  if (bytes.includes(0)) return null;
  try {
    const repaired = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return repaired === text ? null : repaired;
  } catch {
    return null;
  }
}

const CP1252_EXTRAS = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252Byte(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;

  const extra = CP1252_EXTRAS.indexOf(ch);
  return extra >= 0 ? 0x80 + extra : 0;
}
