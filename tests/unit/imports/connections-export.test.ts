import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NotAConnectionsExportError,
  readConnections,
  type ConnectionRecord,
  type ConnectionsFile,
  type DuplicateRow,
  type SkippedRow,
} from '@/lib/imports/linkedin-connections';

/** The parts of a CSV sidecar these tests compare with. */
interface Sidecar {
  file: ConnectionsFile & {
    note?: string;
    firstInvalidUtf8ByteOffset?: number;
    bytesOfNote?: object;
  };
  expected: {
    recordCount: number;
    skippedRowCount: number;
    contactCount: number;
    records: ConnectionRecord[];
    skipped: SkippedRow[];
    duplicates: DuplicateRow[];
  };
}

const FIXTURES = ['Connections.csv', 'Connections-no-url.csv', 'Connections-windows-1252.csv'];

function fixture(name: string): { bytes: Uint8Array; sidecar: Sidecar } {
  const path = `tests/fixtures/csv/${name}`;
  const sidecar = JSON.parse(readFileSync(`${path}.expected.json`, 'utf8')) as Sidecar;

  return { bytes: readFileSync(path), sidecar };
}

function csvBytes(lines: string[], lineBreak = '\n'): Uint8Array {
  return new TextEncoder().encode(lines.join(lineBreak));
}

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe.each(FIXTURES)("LinkedIn's connections export %s", (name) => {
  const { bytes, sidecar } = fixture(name);
  const expected = sidecar.expected;
  const read = readConnections(bytes);

  it('describes the file as the sidecar does', () => {
    const {
      note: _note,
      firstInvalidUtf8ByteOffset: _at,
      bytesOfNote: _bytes,
      ...file
    } = sidecar.file;

    expect(read.file).toEqual(file);
  });

  it('keeps, skips and merges as many rows as the sidecar counts', () => {
    const counts = {
      records: read.records.length,
      skipped: read.skipped.length,
      contacts: read.records.length - read.duplicates.length,
    };

    expect(counts).toEqual({
      records: expected.recordCount,
      skipped: expected.skippedRowCount,
      contacts: expected.contactCount,
    });
  });

  it('keeps exactly the rows the sidecar keeps, in file order', () => {
    const rows = read.records.map((record) => record.sourceRow);

    expect(rows).toEqual(expected.records.map((record) => record.sourceRow));
  });

  it('skips and reports duplicates exactly as the sidecar lists them', () => {
    expect({ skipped: read.skipped, duplicates: read.duplicates }).toEqual({
      skipped: expected.skipped,
      duplicates: expected.duplicates,
    });
  });

  it('finds no cell it cannot read', () => {
    expect(read.warnings).toEqual([]);
  });

  const records: [number, string | null, ConnectionRecord][] = expected.records.map((record) => [
    record.sourceRow,
    record.name,
    record,
  ]);

  it.each(records)('reads row %i (%s) exactly', (sourceRow, _name, record) => {
    const mine = read.records.find((r) => r.sourceRow === sourceRow);

    expect(mine).toEqual(record);
  });

  const skipped: [number, string][] = expected.skipped.map((row) => [row.sourceRow, row.reason]);

  it.each(skipped)('skips row %i as a %s', (sourceRow, reason) => {
    const mine = read.skipped.find((row) => row.sourceRow === sourceRow);

    expect(mine?.reason).toBe(reason);
  });

  const duplicates: [number, number, DuplicateRow][] = expected.duplicates.map((row) => [
    row.sourceRow,
    row.duplicateOfRow,
    row,
  ]);

  it.each(duplicates)('reports row %i as a duplicate of row %i', (sourceRow, _of, duplicate) => {
    const mine = read.duplicates.find((row) => row.sourceRow === sourceRow);

    expect(mine).toEqual(duplicate);
  });
});

describe('reading a connections export by hand', () => {
  it('refuses another LinkedIn export with an error that names the Connections export', () => {
    const messages = readFileSync('tests/fixtures/csv/messages.csv');

    const reading = (): unknown => readConnections(messages);

    expect(reading).toThrow(NotAConnectionsExportError);
    expect(reading).toThrow(/not LinkedIn's Connections export/);
  });

  it('refuses an empty file with the same error', () => {
    const empty = new Uint8Array();

    const reading = (): unknown => readConnections(empty);

    expect(reading).toThrow(NotAConnectionsExportError);
  });

  it("refuses LinkedIn's Profile.csv, which has names but no connection columns", () => {
    const profile = csvBytes([
      'First Name,Last Name,Maiden Name,Headline,Industry',
      'Ada,Lind,,Founder,Software',
    ]);

    const reading = (): unknown => readConnections(profile);

    expect(reading).toThrow(NotAConnectionsExportError);
  });

  it('maps columns by name when the header puts them in another order', () => {
    const bytes = csvBytes([
      'Connected On,Position,URL,Last Name,Email Address,First Name,Company',
      '7 Mar 2024,CTO,https://www.linkedin.com/in/Ada-Lind-9/,Lind,ada@example.test,Ada,Lind & Co',
    ]);

    const read = readConnections(bytes);

    expect(read.records).toEqual([
      {
        sourceRow: 1,
        firstName: 'Ada',
        lastName: 'Lind',
        name: 'Ada Lind',
        nickname: null,
        nameSuffixes: [],
        profileUrl: 'https://www.linkedin.com/in/ada-lind-9/',
        key: 'ada-lind-9',
        email: 'ada@example.test',
        company: 'Lind & Co',
        position: 'CTO',
        connectedOn: '2024-03-07',
      },
    ]);
  });

  it('adds nothing for a bare trailing newline', () => {
    const row = 'Ada,Lind,https://www.linkedin.com/in/ada-lind-9,,,,07 Mar 2024';

    const withBreak = readConnections(csvBytes([HEADER, row, '']));
    const withoutBreak = readConnections(csvBytes([HEADER, row]));

    expect(withBreak.file.rowsAfterHeader).toBe(1);
    expect(withBreak.skipped).toEqual([]);
    expect(withBreak.records).toEqual(withoutBreak.records);
  });

  it('counts a wholly empty line inside the file as a blank row', () => {
    const bytes = csvBytes([
      HEADER,
      'Ada,Lind,https://www.linkedin.com/in/ada-lind-9,,,,07 Mar 2024',
      '',
      'Ben,Okoro,https://www.linkedin.com/in/ben-okoro,,,,08 Mar 2024',
      '',
    ]);

    const read = readConnections(bytes);

    expect(read.skipped).toEqual([{ sourceRow: 2, reason: 'blank row (only commas)' }]);
    expect(read.records.map((record) => record.sourceRow)).toEqual([1, 3]);
  });

  it('reads a CRLF file exactly like an LF one', () => {
    const lines = [HEADER, 'Ada,Lind,https://www.linkedin.com/in/ada-lind-9,,,,07 Mar 2024', ''];

    const crlf = readConnections(csvBytes(lines, '\r\n'));
    const lf = readConnections(csvBytes(lines, '\n'));

    expect(crlf.file.lineEndings).toBe('CRLF');
    expect(crlf.file.rowsAfterHeader).toBe(1);
    expect(crlf.records).toEqual(lf.records);
  });

  it('keeps a line break inside a quoted cell as part of the cell', () => {
    const bytes = csvBytes([
      HEADER,
      'Ada,Lind,https://www.linkedin.com/in/ada-lind-9,,,"Head of\nSales",07 Mar 2024',
    ]);

    const read = readConnections(bytes);

    expect(read.records.map((record) => record.position)).toEqual(['Head of\nSales']);
  });

  it('keeps a row whose date or URL it cannot read, and says which cell failed', () => {
    const bytes = csvBytes([
      HEADER,
      'Ada,Lind,https://www.linkedin.com/company/lind-co,,,,30 Feb 2024',
    ]);

    const read = readConnections(bytes);

    expect(
      read.records.map(({ profileUrl, key, connectedOn }) => ({ profileUrl, key, connectedOn })),
    ).toEqual([{ profileUrl: null, key: null, connectedOn: null }]);
    expect(read.warnings).toEqual([
      {
        sourceRow: 1,
        column: 'URL',
        value: 'https://www.linkedin.com/company/lind-co',
        problem: 'not a profile URL',
      },
      { sourceRow: 1, column: 'Connected On', value: '30 Feb 2024', problem: 'unreadable date' },
    ]);
  });

  it('keeps a prefix apart from the name it greets', () => {
    const bytes = csvBytes([
      HEADER,
      'Dr. Ada,Lind,https://www.linkedin.com/in/ada-lind-9,,,,1 Mar 2024',
    ]);

    const [record] = readConnections(bytes).records;

    expect(record).toMatchObject({ name: 'Ada Lind', namePrefix: 'Dr.', firstName: 'Dr. Ada' });
  });

  it('flags a name that reads like UTF-8 seen through windows-1252', () => {
    const bytes = csvBytes([
      HEADER,
      'RenÃ©e,Lind,https://www.linkedin.com/in/renee-lind,,,,1 Mar 2024',
    ]);

    const [record] = readConnections(bytes).records;

    expect(record).toMatchObject({
      firstName: 'RenÃ©e',
      suspectMojibake: true,
      repairedFromCandidate: 'Renée Lind',
    });
  });
});
