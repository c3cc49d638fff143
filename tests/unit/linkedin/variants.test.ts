import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileReading } from '@/lib/model/reading';
import { readPage } from '@/lib/sites/linkedin';
import { loadPage, profileOf, readSidecar, type LoadedPage } from './fixtures';

/** Variants of the fixture pages, made by taking parts out or changing them in place. */
const open: LoadedPage[] = [];

function load(page: string): { doc: Document; url: string } {
  const { servedAt } = readSidecar(page);
  const loaded = loadPage(page, servedAt);
  open.push(loaded);
  return { doc: loaded.document, url: servedAt };
}

function read(doc: Document, url: string): ProfileReading {
  const profile = profileOf(readPage(doc, url));
  if (!profile) throw new Error(`${url} was not read as a profile`);
  return profile;
}

function messagesOf(doc: Document, url: string): string[] {
  return readPage(doc, url).diagnostics.map((diagnostic) => diagnostic.message);
}

function topCard(doc: Document, selector: string): Element {
  const card = doc.querySelector(selector);
  if (!card) throw new Error(`no ${selector}`);
  return card;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((page) => page.close()));
});

describe('a 2026 profile missing parts of its top card', () => {
  const CARD = 'section[componentkey$="Topcard"]';

  it('reads no headline rather than the location when the headline is absent', () => {
    const { doc, url } = load('profile-hashed-h2.html');
    topCard(doc, CARD).querySelector('p')?.remove();

    const profile = read(doc, url);

    expect(profile.headline).toBeNull();
    expect(profile.location).toBe('Accra, Greater Accra Region, Ghana');
    expect(messagesOf(doc, url)).toContain('headline not found');
  });

  it('reads no location rather than the headline when the location text is absent', () => {
    const { doc, url } = load('profile-hashed-h2.html');
    const link = topCard(doc, CARD).querySelector('a[href*="/overlay/contact-info/"]');
    const line = link?.parentElement;
    for (const node of Array.from(line?.childNodes ?? [])) if (node.nodeType === 3) node.remove();

    const profile = read(doc, url);

    expect(profile.location).toBeNull();
    expect(profile.headline).toBe(readSidecar('profile-hashed-h2.html').expected?.headline);
  });

  it('reads the member URN from the card key when there is no Message button', () => {
    const { doc, url } = load('profile-hashed-h2.html');
    topCard(doc, CARD).querySelector('a[href*="/messaging/compose/"]')?.remove();

    const profile = read(doc, url);

    expect(profile.memberUrn).toBe('urn:li:fsd_profile:ACoAAo5kmEsoY3bG_7KkXWyTSLeSIwRYVxkPyOw');
    expect(profile.company).toBe('Example Dynamics');
  });
});

describe('a classic profile whose parts cannot be tied to the URL', () => {
  const CARD = 'section.pv-top-card';

  it('keeps the name out when the tab title names someone else', () => {
    const { doc, url } = load('profile-classic.html');
    doc.title = '(1) Björn Haugen | LinkedIn';

    const profile = read(doc, url);

    expect(profile.name).toBeNull();
    expect(profile.rawName).toBeNull();
    expect(messagesOf(doc, url)).toContain('name on the page does not match the tab title');
  });

  it('reads the name from a tied card when the title names nobody', () => {
    const { doc, url } = load('profile-classic.html');
    doc.title = 'LinkedIn';

    const profile = read(doc, url);

    expect(profile.name).toBe('Sofía Ramírez Ortega');
  });

  it('trusts a card without owner links only when its name is the title name', () => {
    const { doc, url } = load('profile-classic.html');
    const card = topCard(doc, CARD);
    const links = Array.from(card.querySelectorAll('a[href*="/overlay/"]'));
    for (const link of links) link.setAttribute('href', '#');
    card.querySelector('a[href*="/messaging/compose/"]')?.remove();

    const agreeing = read(doc, url);
    doc.title = 'Someone Else | LinkedIn';
    const disagreeing = read(doc, url);

    expect(agreeing.name).toBe('Sofía Ramírez Ortega');
    expect(agreeing.avatarUrl).toBe(readSidecar('profile-classic.html').expected?.avatarUrl);
    expect(disagreeing.name).toBeNull();
    expect(disagreeing.avatarUrl).toBeNull();
    expect(disagreeing.headline).toBe(agreeing.headline); // the page's own embedded profile
  });

  it("trusts a card whose Message URN is the embedded profile's, without overlay links", () => {
    const { doc, url } = load('profile-classic.html');
    const card = topCard(doc, CARD);
    const links = Array.from(card.querySelectorAll('a[href*="/overlay/"]'));
    for (const link of links) link.setAttribute('href', '#');
    doc.title = 'LinkedIn';

    const profile = read(doc, url);

    expect(profile.name).toBe('Sofía Ramírez Ortega');
    expect(profile.avatarUrl).toBe(readSidecar('profile-classic.html').expected?.avatarUrl);
  });

  it('reads no job from an Experience card that names another member', () => {
    const { doc, url } = load('profile-classic.html');
    for (const item of Array.from(doc.querySelectorAll('#experience ~ * li[id]'))) {
      item.id = item.id.replace('ACoAA7AF33TEICPurOr7z7AB0gepyqnC6K5QEJJ', 'ACoAAzzzzOther');
    }

    const profile = read(doc, url);

    expect(profile.company).toBeNull();
    expect(profile.title).toBeNull();
    expect(messagesOf(doc, url)).toContain('experience section belongs to another profile');
  });

  it('ties an Experience card without owner ids by the current company of the top card', () => {
    const { doc, url } = load('profile-classic.html');
    const section = doc.getElementById('experience')?.closest('section');
    for (const item of Array.from(section?.querySelectorAll('li[id]') ?? []))
      item.removeAttribute('id');
    section?.querySelector('a[href*="/details/experience"]')?.remove();

    const confirmed = read(doc, url);
    topCard(doc, CARD).querySelector('[aria-label^="Current company"]')?.remove();
    const unconfirmed = read(doc, url);

    expect(confirmed.company).toBe('Harbor & Finch Logistics');
    expect(unconfirmed.company).toBeNull();
    expect(messagesOf(doc, url)).toContain('experience section could not be tied to the profile');
  });

  it('drops a photo that is not on media.licdn.com', () => {
    const { doc, url } = load('profile-classic.html');
    const photo = topCard(doc, CARD).querySelector('img.pv-top-card-profile-picture__image');
    photo?.setAttribute('src', 'https://static.licdn.com/aero-v1/sc/h/ghost-person.svg');

    const profile = read(doc, url);

    expect(profile.avatarUrl).toBeNull();
    expect(profile.avatarExpiresAt).toBeNull();
  });

  it('reads the open-to-work badge from the photo title too', () => {
    const { doc, url } = load('profile-classic.html');
    const photo = topCard(doc, CARD).querySelector('img.pv-top-card-profile-picture__image');
    photo?.setAttribute('title', 'Sofía Ramírez Ortega #OpenToWork');

    const profile = read(doc, url);

    expect(profile.openToWork).toBe(true);
  });
});

describe('a profile opened by its member-id URL', () => {
  it('ties the card and Experience by the member id instead of the vanity', () => {
    const { doc } = load('profile-classic.html');
    const url = 'https://www.linkedin.com/in/ACoAA7AF33TEICPurOr7z7AB0gepyqnC6K5QEJJ/';

    const profile = read(doc, url);

    expect(profile.key).toBe('ACoAA7AF33TEICPurOr7z7AB0gepyqnC6K5QEJJ');
    expect(profile.name).toBe('Sofía Ramírez Ortega');
    expect(profile.company).toBe('Harbor & Finch Logistics');
  });
});
