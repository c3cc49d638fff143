import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReading } from '@/lib/model/reading';
import { cleanName, readPage } from '@/lib/sites/linkedin';
import { loadPage, profileOf, readSidecar, type LoadedPage } from './fixtures';

const PROFILE_PAGES = [
  'profile-classic.html',
  'profile-hashed-h2.html',
  'profile-shadow.html',
  'profile-open-to-work.html',
  'profile-hostile.html',
  'profile-large.html',
  'spa-navigation.html',
];
// Messaging threads are read as conversations: see messaging.test.ts.
const OTHER_PAGES = ['feed.html'];
const NAME_PARTS = new Set(['namePrefix', 'nameSuffixes']);

describe.each(PROFILE_PAGES)('reading %s', (page) => {
  const sidecar = readSidecar(page);
  const expected = sidecar.expected ?? {};
  const fields = Object.entries(expected).filter(([field]) => !NAME_PARTS.has(field));
  let loaded: LoadedPage;
  let reading: PageReading;

  beforeAll(() => {
    loaded = loadPage(page, sidecar.servedAt);
    reading = readPage(loaded.document, sidecar.servedAt);
  });

  afterAll(() => loaded.close());

  it('reads the page as a profile', () => {
    expect(reading.kind).toBe('profile');
  });

  it.each(fields)('reads %s as the sidecar says', (field, value) => {
    const profile = profileOf(reading);

    expect(profile?.[field as keyof typeof profile]).toEqual(value);
  });

  it('lists exactly the fields it could not read as missing', () => {
    const profile = profileOf(reading);
    const unread = [
      'name',
      'headline',
      'company',
      'title',
      'location',
      'avatarUrl',
      'memberUrn',
    ].filter((field) => expected[field] === null);

    expect(profile?.missing).toEqual(unread);
  });

  it('finds no Sales Navigator lead, which the page does not link to', () => {
    const profile = profileOf(reading);

    expect(profile?.salesNavLeadId).toBeUndefined();
  });

  it('splits the cleaned name into the given and family names of the raw name', () => {
    const profile = profileOf(reading);
    const cleaned = cleanName(String(expected.rawName));

    expect(profile?.givenName).toBe(cleaned.given);
    expect(profile?.familyName).toBe(cleaned.family);
  });

  it('finds the prefix and credentials the sidecar names in the raw name', () => {
    const cleaned = cleanName(profileOf(reading)?.rawName ?? '');

    if (expected.namePrefix !== undefined) expect(cleaned.prefix).toBe(expected.namePrefix);
    if (expected.nameSuffixes !== undefined)
      expect(cleaned.suffixes).toEqual(expected.nameSuffixes);
  });

  it.each(sidecar.mustNotCapture)('never takes $name ($why) for the contact', (bystander) => {
    const profile = profileOf(reading);
    const bystanderName = cleanName(bystander.name).display;

    expect(profile?.profileUrl).not.toBe(bystander.profileUrl);
    expect(profile?.rawName).not.toBe(bystander.name);
    expect(profile?.name).not.toBe(bystanderName);
  });
});

describe.each(OTHER_PAGES)('reading %s', (page) => {
  const sidecar = readSidecar(page);
  let loaded: LoadedPage;
  let reading: PageReading;

  beforeAll(() => {
    loaded = loadPage(page, sidecar.servedAt);
    reading = readPage(loaded.document, sidecar.servedAt);
  });

  afterAll(() => loaded.close());

  it('reads the page as no profile at all', () => {
    expect(reading).toEqual({ kind: 'none', url: sidecar.servedAt, diagnostics: [] });
  });
});

describe('reading the hostile profile', () => {
  const sidecar = readSidecar('profile-hostile.html');

  it('leaves the page exactly as it was', async () => {
    const loaded = loadPage('profile-hostile.html', sidecar.servedAt);
    const before = loaded.document.querySelectorAll('*').length;

    readPage(loaded.document, sidecar.servedAt);

    expect(loaded.document.querySelectorAll('*').length).toBe(before);
    await loaded.close();
  });

  it('explains why the javascript: avatar was dropped', async () => {
    const loaded = loadPage('profile-hostile.html', sidecar.servedAt);

    const reading = readPage(loaded.document, sidecar.servedAt);

    expect(reading.diagnostics).toContainEqual({
      tag: 'linkedin/profile',
      message: 'avatar URL is not an https media.licdn.com URL',
    });
    await loaded.close();
  });
});

describe('reading the shadow-root profile', () => {
  const sidecar = readSidecar('profile-shadow.html');

  it('finds no name when the top card is only in an unattached shadow template', async () => {
    const loaded = loadPage('profile-shadow.html', sidecar.servedAt);
    loaded.document.getElementById('interop-outlet')?.remove();

    const profile = profileOf(readPage(loaded.document, sidecar.servedAt));

    expect(profile?.name).toBeNull();
    expect(profile?.missing).toContain('name');
    await loaded.close();
  });
});

describe('reading the 1.1 MB profile', () => {
  const sidecar = readSidecar('profile-large.html');

  it('reads the page in well under a second once it is parsed', async () => {
    const loaded = loadPage('profile-large.html', sidecar.servedAt);

    const started = performance.now();
    readPage(loaded.document, sidecar.servedAt);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(1000);
    await loaded.close();
  });
});
