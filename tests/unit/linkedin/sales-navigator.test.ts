import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageReading, ProfileReading } from '@/lib/model/reading';
import { readPage } from '@/lib/sites/linkedin';
import { profileOf } from './fixtures';

/** A hand-made page: no saved LinkedIn page in the fixtures links to Sales Navigator. */
const PAGE = join(dirname(fileURLToPath(import.meta.url)), 'pages/profile-sales-navigator.html');
const URL = 'https://www.linkedin.com/in/maren-solheim-0d4/';
const CARD = 'section.pv-top-card';
const LEAD_LINK = `${CARD} a[href*="/sales/lead/"]`;

const open: Window[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((window) => window.happyDOM.close()));
});

function load(): Document {
  const window = new Window({ url: URL });
  window.document.write(readFileSync(PAGE, 'utf8'));
  open.push(window);

  return window.document as unknown as Document;
}

function read(doc: Document): { profile: ProfileReading; reading: PageReading } {
  const reading = readPage(doc, URL);
  const profile = profileOf(reading);
  if (!profile) throw new Error(`${URL} was not read as a profile`);

  return { profile, reading };
}

function leadLink(doc: Document): Element {
  const link = doc.querySelector(LEAD_LINK);
  if (!link) throw new Error('the page has no lead link in its top card');

  return link;
}

describe('a profile that links to the person’s Sales Navigator lead page', () => {
  it('reads the lead id of the "View in Sales Navigator" link in the top card', () => {
    const doc = load();

    const { profile } = read(doc);

    expect(profile.name).toBe('Maren Solheim');
    expect(profile.memberUrn).toBe('urn:li:fsd_profile:ACoAAMaren01');
    expect(profile.salesNavLeadId).toBe('ACwAAB4x9Kq2RtUvWyZ1');
  });

  it('reads the older /sales/people/ link the same way', () => {
    const doc = load();
    leadLink(doc).setAttribute('href', '/sales/people/ACwAAB4x9Kq2RtUvWyZ1,NAME_SEARCH,Q9');

    const { profile } = read(doc);

    expect(profile.salesNavLeadId).toBe('ACwAAB4x9Kq2RtUvWyZ1');
  });

  it('never takes the lead of someone in the side rail', () => {
    const doc = load();
    leadLink(doc).remove();

    const { profile } = read(doc);

    expect(profile.salesNavLeadId).toBeUndefined();
    expect(profile.missing).not.toContain('salesNavLeadId');
  });

  it('reads no lead, and says why, when the card links to two', () => {
    const doc = load();
    const other = leadLink(doc).cloneNode() as Element;
    other.setAttribute('href', '/sales/lead/ACwAAOther1,NAME_SEARCH,Zz');
    leadLink(doc).after(other);

    const { profile, reading } = read(doc);

    expect(profile.salesNavLeadId).toBeUndefined();
    expect(reading.diagnostics.map((d) => d.message)).toContain(
      'top card links to more than one Sales Navigator lead',
    );
  });

  it('reads no lead from a card it cannot tie to the profile', () => {
    const doc = load();
    doc.title = 'Per Hansen | LinkedIn';
    for (const link of Array.from(doc.querySelectorAll(`${CARD} a[href*="/in/"]`))) {
      link.setAttribute('href', '#');
    }
    doc.querySelector(`${CARD} a[href*="/messaging/compose/"]`)?.remove();

    const { profile } = read(doc);

    expect(profile.salesNavLeadId).toBeUndefined();
  });
});
