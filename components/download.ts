export const CSV_TYPE = 'text/csv;charset=utf-8';
export const VCARD_TYPE = 'text/vcard;charset=utf-8';
export const JSON_TYPE = 'application/json';

/**
 * Hands `text` to the browser's downloads as a file named `name`, e.g.
 * `downloadFile('rapport-contacts-2026-03-10.csv', csv, CSV_TYPE)`.
 */
export function downloadFile(name: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();

  // The download reads the blob after click() returns; free it once it surely has.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
