import { afterEach, vi } from 'vitest';
import type { ContactDraft } from '@/lib/storage/contacts';
import { openRapportDB } from '@/lib/storage/db';
import type { RapportDB } from '@/lib/storage/db';

export const NOW = new Date('2026-03-10T09:00:00.000Z');
export const LATER = new Date('2026-03-11T15:30:00.000Z');

const opened: RapportDB[] = [];

afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
  vi.restoreAllMocks();
});

/** A database of its own for each test, closed after it. */
export async function freshDb(): Promise<RapportDB> {
  const db = await openRapportDB(uniqueName());
  opened.push(db);

  return db;
}

export function uniqueName(): string {
  return `rapport-test-${crypto.randomUUID()}`;
}

export function draft(slug: string, overrides: Partial<ContactDraft> = {}): ContactDraft {
  return {
    key: slug,
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    memberUrn: null,
    name: { display: displayName(slug), given: null, family: null },
    headline: 'Head of Operations',
    company: 'Northwind',
    title: 'Head of Operations',
    location: 'Lyon',
    ...overrides,
  };
}

function displayName(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * Makes the `nth` call (1-based) of an object store method throw like a full disk does,
 * letting the other calls through.
 */
export function failNthWrite(method: 'add' | 'put', nth: number): void {
  const original = IDBObjectStore.prototype[method];
  let calls = 0;

  vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
    this: IDBObjectStore,
    ...args: [unknown, IDBValidKey?]
  ) {
    calls += 1;

    if (calls === nth) throw new DOMException('The quota is exceeded.', 'QuotaExceededError');

    return original.apply(this, args);
  });
}
