import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parse } from 'yaml';

const MESSAGES = flat(parse(readFileSync('locales/en.yml', 'utf8')));

/** The fake browser has no messages: serve the English ones, as a browser in English would. */
export function speakEnglish(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(english);
}

function english(name: string, substitutions?: string | string[]): string {
  const values = [substitutions ?? []].flat();

  return (MESSAGES[name] ?? '').replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
}

function flat(tree: unknown, prefix = ''): Record<string, string> {
  if (typeof tree !== 'object' || tree === null) return { [prefix]: String(tree) };

  return Object.assign(
    {},
    ...Object.entries(tree).map(([key, value]) => flat(value, prefix ? `${prefix}_${key}` : key)),
  );
}
