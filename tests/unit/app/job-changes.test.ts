import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { handleMessage } from '@/lib/inbox';
import type { ProfileReading } from '@/lib/model/reading';
import { getContact, saveContact } from '@/lib/storage/contacts';
import type { ContactDraft } from '@/lib/storage/contacts';
import { openRapportDB, type RapportDB } from '@/lib/storage/db';
import { listFieldChanges, seenOn } from '@/lib/storage/job-changes';
import { getOpenNextStep, setNextStep } from '@/lib/storage/next-steps';
import { speakEnglish } from './english';

const FROM_TAB = { tab: { id: 7 } } as Browser.runtime.MessageSender;
const URL = 'https://www.linkedin.com/in/sofia-ramirez-ortega-4a7b2/';
const SAVED_AT = new Date('2026-01-05T10:00:00.000Z');
const READ_AT = new Date('2026-03-12T09:00:00.000Z');

/** Sofía's profile as the classic fixture page reads. */
const SOFIA: ProfileReading = {
  profileUrl: URL,
  key: 'sofia-ramirez-ortega-4a7b2',
  memberUrn: null,
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

/** The same page after she moved to a bank. */
const SOFIA_MOVED: ProfileReading = {
  ...SOFIA,
  headline: 'Head of Treasury Sales at Cobaltmere Bank',
  company: 'Cobaltmere Bank',
  title: 'Head of Treasury Sales',
};

const SOFIA_DRAFT: ContactDraft = {
  key: SOFIA.key,
  profileUrl: URL,
  name: { display: 'Sofía Ramírez Ortega', given: 'Sofía', family: 'Ramírez Ortega' },
  headline: SOFIA.headline,
  company: SOFIA.company,
  title: SOFIA.title,
  location: SOFIA.location,
};

describe('job changes read from a saved contact’s profile', () => {
  let db: RapportDB;
  const database = (): Promise<RapportDB> => Promise.resolve(db);

  beforeEach(async () => {
    db = await openRapportDB(`job-changes-${crypto.randomUUID()}`);
    speakEnglish();
    // The fake browser has no toolbar button; the badge calls only need to succeed.
    Object.assign(fakeBrowser, {
      action: {
        setBadgeText: vi.fn(async () => undefined),
        setBadgeBackgroundColor: vi.fn(async () => undefined),
      },
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(READ_AT);
  });

  afterEach(() => {
    vi.useRealTimers();
    db.close();
  });

  async function saved(draft: Partial<ContactDraft> = {}, fromPage = true): Promise<string> {
    const seen = fromPage ? seenOn(SOFIA) : undefined;
    const options = { now: SAVED_AT, seen };

    return (await saveContact(db, { ...SOFIA_DRAFT, ...draft }, options)).contact.id;
  }

  async function read(profile: ProfileReading): Promise<void> {
    const reading = { kind: 'profile', url: URL, diagnostics: [], profile };

    expect(await handleMessage({ type: 'page/read', reading }, FROM_TAB, database)).toEqual({
      ok: true,
    });
  }

  it('only notes what the page says on the first reading of a contact saved without it', async () => {
    const id = await saved({}, false);

    await read(SOFIA_MOVED);

    expect(await listFieldChanges(db, id)).toEqual([]);
    const contact = await getContact(db, id);
    expect(contact?.lastSeen).toEqual({
      name: 'Sofía Ramírez Ortega',
      headline: 'Head of Treasury Sales at Cobaltmere Bank',
      company: 'Cobaltmere Bank',
      title: 'Head of Treasury Sales',
      location: 'Valencia, Valencian Community, Spain',
    });
    expect(contact?.lastVerifiedAt).toBe('2026-03-12T09:00:00.000Z');
    expect(contact?.jobChangedAt).toBeUndefined();
    expect(await getOpenNextStep(db, id)).toBeUndefined();
  });

  it('records a new company and title with both values and suggests congratulating', async () => {
    const id = await saved();

    await read(SOFIA_MOVED);

    const changes = await listFieldChanges(db, id);
    expect(
      changes.map(({ field, from, to, at, seenAt }) => ({ field, from, to, at, seenAt })),
    ).toEqual([
      {
        field: 'headline',
        from: 'Senior Account Executive at Harbor & Finch Logistics',
        to: 'Head of Treasury Sales at Cobaltmere Bank',
        at: '2026-03-12T09:00:00.000Z',
        seenAt: URL,
      },
      {
        field: 'company',
        from: 'Harbor & Finch Logistics',
        to: 'Cobaltmere Bank',
        at: '2026-03-12T09:00:00.000Z',
        seenAt: URL,
      },
      {
        field: 'title',
        from: 'Senior Account Executive',
        to: 'Head of Treasury Sales',
        at: '2026-03-12T09:00:00.000Z',
        seenAt: URL,
      },
    ]);
    expect(changes.some((change) => 'suggestion' in change)).toBe(false);
    expect(await getOpenNextStep(db, id)).toMatchObject({
      action: 'Congratulate them on the new role',
      due: '2026-03-12',
      state: 'open',
    });
  });

  it('marks the job change but leaves the stored card as the rep keeps it', async () => {
    const id = await saved();

    await read(SOFIA_MOVED);

    expect(await getContact(db, id)).toMatchObject({
      company: 'Harbor & Finch Logistics',
      title: 'Senior Account Executive',
      jobChangedAt: '2026-03-12T09:00:00.000Z',
      lastVerifiedAt: '2026-03-12T09:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
    });
  });

  it('keeps the open next step the rep already planned', async () => {
    const id = await saved();
    await setNextStep(db, id, 'Send the case study', '2026-03-20', SAVED_AT);

    await read(SOFIA_MOVED);

    expect(await getOpenNextStep(db, id)).toMatchObject({
      action: 'Send the case study',
      due: '2026-03-20',
    });
    expect(await listFieldChanges(db, id)).toHaveLength(3);
  });

  it('suggests finding who replaced a buying-group member at the company they left', async () => {
    const id = await saved({ role: 'decision-maker' });

    await read(SOFIA_MOVED);

    const changes = await listFieldChanges(db, id);
    expect(changes.map((change) => [change.field, change.suggestion])).toEqual([
      ['headline', undefined],
      ['company', 'Find who replaced them at Harbor & Finch Logistics'],
      ['title', undefined],
    ]);
    expect((await getOpenNextStep(db, id))?.action).toBe('Congratulate them on the new role');
  });

  it('records nothing for fields the page did not let it read', async () => {
    const id = await saved();
    const unread = { ...SOFIA_MOVED, headline: null, company: null, title: null, location: null };

    await read(unread);

    expect(await listFieldChanges(db, id)).toEqual([]);
    const contact = await getContact(db, id);
    expect(contact?.lastSeen).toEqual({
      name: 'Sofía Ramírez Ortega',
      headline: 'Senior Account Executive at Harbor & Finch Logistics',
      company: 'Harbor & Finch Logistics',
      title: 'Senior Account Executive',
      location: 'Valencia, Valencian Community, Spain',
    });
    expect(contact?.jobChangedAt).toBeUndefined();
  });

  it('records a new location as history without calling it a job change', async () => {
    const id = await saved();

    await read({ ...SOFIA, location: 'Madrid, Community of Madrid, Spain' });

    const changes = await listFieldChanges(db, id);
    expect(changes.map(({ field, from, to }) => [field, from, to])).toEqual([
      ['location', 'Valencia, Valencian Community, Spain', 'Madrid, Community of Madrid, Spain'],
    ]);
    expect((await getContact(db, id))?.jobChangedAt).toBeUndefined();
    expect(await getOpenNextStep(db, id)).toBeUndefined();
  });

  it('records a change once, however often the same page is read again', async () => {
    const id = await saved();

    await read(SOFIA_MOVED);
    await read(SOFIA_MOVED);

    expect(await listFieldChanges(db, id)).toHaveLength(3);
  });
});
