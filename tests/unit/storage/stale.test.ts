import { describe, expect, it } from 'vitest';
import type { ProfileReading } from '@/lib/model/reading';
import { saveContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { noteProfileReading } from '@/lib/storage/job-changes';
import { listStale } from '@/lib/storage/stale';
import { draft, freshDb } from './fixtures';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const WORDS = { congratulate: 'Congratulate', findReplacement: () => 'Find a successor' };

async function savedAt(db: RapportDB, slug: string, at: string): Promise<void> {
  await saveContact(db, draft(slug), { now: new Date(at) });
}

/** A reading of the contact's profile page, as the background gets it, at `at`. */
async function readAt(db: RapportDB, slug: string, at: string): Promise<void> {
  const url = `https://www.linkedin.com/in/${slug}/`;
  const profile: ProfileReading = {
    profileUrl: url,
    key: slug,
    memberUrn: null,
    name: null,
    rawName: null,
    givenName: null,
    familyName: null,
    headline: null,
    company: 'Northwind',
    title: null,
    location: null,
    avatarUrl: null,
    avatarExpiresAt: null,
    openToWork: false,
    missing: ['name', 'headline', 'title', 'location', 'avatarUrl', 'memberUrn'],
  };

  await noteProfileReading(db, { url, profile, today: at.slice(0, 10), now: new Date(at) }, WORDS);
}

describe('listing stale contacts', () => {
  it('lists the contacts not read for over 180 days, the longest unchecked first', async () => {
    const db = await freshDb();
    await savedAt(db, 'ada-lovelace', '2025-06-01T10:00:00.000Z');
    await savedAt(db, 'grace-hopper', '2024-11-20T10:00:00.000Z');
    await savedAt(db, 'alan-turing', '2025-12-01T10:00:00.000Z');
    await savedAt(db, 'katherine-johnson', '2024-05-02T10:00:00.000Z');
    await readAt(db, 'katherine-johnson', '2026-02-01T10:00:00.000Z');

    const stale = await listStale(db, NOW);

    expect(stale.map((c) => [c.key, c.lastVerifiedAt])).toEqual([
      ['grace-hopper', '2024-11-20T10:00:00.000Z'],
      ['ada-lovelace', '2025-06-01T10:00:00.000Z'],
    ]);
  });

  it('counts a contact read exactly the threshold ago as not stale yet', async () => {
    const db = await freshDb();
    await savedAt(db, 'ada-lovelace', '2025-12-10T09:00:00.000Z');
    await savedAt(db, 'grace-hopper', '2025-12-10T08:59:59.999Z');

    const stale = await listStale(db, NOW, { olderThanDays: 90 });

    expect(stale.map((c) => c.key)).toEqual(['grace-hopper']);
  });

  it('stops at the limit', async () => {
    const db = await freshDb();
    await savedAt(db, 'ada-lovelace', '2025-01-03T10:00:00.000Z');
    await savedAt(db, 'grace-hopper', '2025-01-01T10:00:00.000Z');
    await savedAt(db, 'alan-turing', '2025-01-02T10:00:00.000Z');

    const stale = await listStale(db, NOW, { limit: 2 });

    expect(stale.map((c) => c.key)).toEqual(['grace-hopper', 'alan-turing']);
  });
});
