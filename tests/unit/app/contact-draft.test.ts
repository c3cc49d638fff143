import { describe, expect, it } from 'vitest';
import { changesOnPage, draftFromReading, parseTags, cardFromReading } from '@/lib/contact-draft';
import type { Contact } from '@/lib/model/contact';
import type { ProfileReading } from '@/lib/model/reading';

const READING: ProfileReading = {
  profileUrl: 'https://www.linkedin.com/in/sofia-ramirez-ortega-4a7b2/',
  key: 'sofia-ramirez-ortega-4a7b2',
  memberUrn: 'urn:li:fsd_profile:ACoAA7AF33TEICPurOr7z7AB0gepyqnC6K5QEJJ',
  name: 'Sofía Ramírez Ortega',
  rawName: 'Sofía Ramírez Ortega',
  givenName: 'Sofía',
  familyName: 'Ramírez Ortega',
  headline: 'Senior Account Executive at Harbor & Finch Logistics',
  company: 'Harbor & Finch Logistics',
  title: 'Senior Account Executive',
  location: 'Valencia, Valencian Community, Spain',
  avatarUrl: null,
  avatarExpiresAt: null,
  openToWork: false,
  missing: [],
};

const SAVED: Contact = {
  id: 'c1',
  ...draftFromReading(READING, cardFromReading(READING)),
  stage: 'identification',
  stageHistory: [{ stage: 'identification', since: '2026-01-05T10:00:00.000Z' }],
  keepInTouchDays: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
};

describe('a contact built from the page', () => {
  it('keeps the page given and family names while the rep keeps the display name', () => {
    const draft = draftFromReading(READING, cardFromReading(READING));

    expect(draft.name).toEqual({
      display: 'Sofía Ramírez Ortega',
      given: 'Sofía',
      family: 'Ramírez Ortega',
    });
    expect(draft.status).toBe('new');
  });

  it('drops the page name parts when the rep rewrites the name', () => {
    const card = { ...cardFromReading(READING), name: 'Sofi Ramírez' };

    const draft = draftFromReading(READING, card);

    expect(draft.name).toEqual({ display: 'Sofi Ramírez', given: null, family: null });
  });

  it('carries the lead id of the page’s Sales Navigator link', () => {
    const reading = { ...READING, salesNavLeadId: 'ACwAAB4x9Kq2RtUvWyZ1' };

    const draft = draftFromReading(reading, cardFromReading(reading));

    expect(draft.salesNavLeadIds).toEqual(['ACwAAB4x9Kq2RtUvWyZ1']);
  });

  it('has no lead id when the page links to no Sales Navigator lead', () => {
    const draft = draftFromReading(READING, cardFromReading(READING));

    expect(draft).not.toHaveProperty('salesNavLeadIds');
  });

  it('stores an empty field as missing rather than as an empty string', () => {
    const card = { ...cardFromReading(READING), company: '  ' };

    const draft = draftFromReading(READING, card);

    expect(draft.company).toBeNull();
  });
});

describe('differences between the stored card and the page', () => {
  it('finds none when the page says what was stored', () => {
    expect(changesOnPage(SAVED, READING)).toEqual([]);
  });

  it('marks a new company and title', () => {
    const page = { ...READING, company: 'Cobaltmere Bank', title: 'Head of Sales' };

    const changes = changesOnPage(SAVED, page);

    expect(changes).toEqual([
      { field: 'company', stored: 'Harbor & Finch Logistics', page: 'Cobaltmere Bank' },
      { field: 'title', stored: 'Senior Account Executive', page: 'Head of Sales' },
    ]);
  });

  it('does not offer again a page value the rep replaced while saving', () => {
    const card = { ...cardFromReading(READING), title: 'Head of Partnerships' };
    const saved = { ...SAVED, ...draftFromReading(READING, card) };

    const changes = changesOnPage(saved, READING);

    expect(saved.keptOverPage).toEqual({ title: 'Senior Account Executive' });
    expect(changes).toEqual([]);
  });

  it('marks a field the rep replaced once the page says something newer still', () => {
    const card = { ...cardFromReading(READING), title: 'Head of Partnerships' };
    const saved = { ...SAVED, ...draftFromReading(READING, card) };

    const changes = changesOnPage(saved, { ...READING, title: 'Chief Revenue Officer' });

    expect(changes).toEqual([
      { field: 'title', stored: 'Head of Partnerships', page: 'Chief Revenue Officer' },
    ]);
  });

  it('ignores fields the page could not read', () => {
    const page = { ...READING, headline: null, location: null };

    expect(changesOnPage(SAVED, page)).toEqual([]);
  });
});

describe('tags typed by the rep', () => {
  it('splits on commas, trims and drops empty and repeated tags', () => {
    expect(parseTags(' logistics, priority,, logistics ,')).toEqual(['logistics', 'priority']);
  });
});
