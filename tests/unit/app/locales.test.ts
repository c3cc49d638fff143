import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

function keysOf(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];

  return Object.entries(tree).flatMap(([key, value]) =>
    keysOf(value, prefix ? `${prefix}.${key}` : key),
  );
}

const locale = (name: string): unknown => parse(readFileSync(`locales/${name}.yml`, 'utf8'));

describe('the interface languages', () => {
  it('has a Russian string for every English one, and no extra ones', () => {
    const english = keysOf(locale('en')).sort();

    const russian = keysOf(locale('ru')).sort();

    expect(russian).toEqual(english);
  });

  it('names every string as browsers allow: letters, digits and underscores', () => {
    const names = keysOf(locale('en')).map((key) => key.replaceAll('.', '_'));

    expect(names.filter((name) => !/^[A-Za-z0-9_]+$/.test(name))).toEqual([]);
  });

  it('keeps the same substitutions in both languages', () => {
    const en = new Map(Object.entries(flat(locale('en'))));

    for (const [key, text] of Object.entries(flat(locale('ru')))) {
      expect(placeholders(text), key).toEqual(placeholders(en.get(key) ?? ''));
    }
  });
});

function flat(tree: unknown, prefix = ''): Record<string, string> {
  if (typeof tree !== 'object' || tree === null) return { [prefix]: String(tree) };

  return Object.assign(
    {},
    ...Object.entries(tree).map(([key, value]) => flat(value, prefix ? `${prefix}.${key}` : key)),
  );
}

function placeholders(text: string): string[] {
  return (text.match(/\$\d/g) ?? []).sort();
}
