import { describe, expect, it } from 'vitest';
import { cardFromReading, draftFromReading } from '@/lib/contact-draft';
import type { ProfileReading } from '@/lib/model/reading';
import { getContact, saveContact } from '@/lib/storage/contacts';
import { peopleIn } from '@/lib/storage/identities';
import type { PersonIds } from '@/lib/storage/identities';
import { noteProfileReading } from '@/lib/storage/job-changes';
import { LATER, NOW, draft, freshDb } from './fixtures';

const WORDS = {
  congratulate: 'Congratulate them on the new role',
  findReplacement: () => 'Find who replaced them',
};

const LEAD = 'ACwAAB4x9Kq2RtUvWyZ1';

/** Maren's profile as a Sales Navigator member sees it: the top card links to her lead page. */
const MAREN: ProfileReading = {
  profileUrl: 'https://www.linkedin.com/in/maren-solheim-0d4/',
  key: 'maren-solheim-0d4',
  memberUrn: null,
  name: 'Maren Solheim',
  rawName: 'Maren Solheim',
  givenName: 'Maren',
  familyName: 'Solheim',
  headline: 'CTO at Fjord AS',
  company: 'Fjord AS',
  title: 'CTO',
  location: 'Bergen, Norway',
  avatarUrl: null,
  avatarExpiresAt: null,
  openToWork: false,
  salesNavLeadId: LEAD,
  missing: ['avatarUrl', 'memberUrn'],
};

function row(sourceRow: number, ids: Partial<PersonIds>): { sourceRow: number; ids: PersonIds } {
  return { sourceRow, ids: { key: null, leadIds: [], email: null, ...ids } };
}

describe('the Sales Navigator lead of a profile', () => {
  it('is kept when the contact is saved from the page', async () => {
    const db = await freshDb();

    const { contact } = await saveContact(db, draftFromReading(MAREN, cardFromReading(MAREN)), {
      now: NOW,
    });

    expect(contact.salesNavLeadIds).toEqual([LEAD]);
  });

  it('is added to a saved contact when their profile is read again', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('maren-solheim-0d4'), { now: NOW });
    const seen = { url: MAREN.profileUrl, profile: MAREN, today: '2026-03-11', now: LATER };

    await noteProfileReading(db, seen, WORDS);
    await noteProfileReading(db, seen, WORDS);

    expect((await getContact(db, contact.id))?.salesNavLeadIds).toEqual([LEAD]);
  });

  it('leaves the contact’s lead ids as they are when the page shows none', async () => {
    const db = await freshDb();
    const saved = draft('maren-solheim-0d4', { salesNavLeadIds: ['ACwAAOld'] });
    const { contact } = await saveContact(db, saved, { now: NOW });
    const page = { ...MAREN, salesNavLeadId: undefined };

    await noteProfileReading(
      db,
      { url: MAREN.profileUrl, profile: page, today: '2026-03-11' },
      WORDS,
    );

    expect((await getContact(db, contact.id))?.salesNavLeadIds).toEqual(['ACwAAOld']);
  });
});

describe('telling which person each row of a file names', () => {
  it('goes by the profile first, then the lead id, then the email', async () => {
    const db = await freshDb();
    const byLead = await saveContact(db, draft('lea-roux', { salesNavLeadIds: [LEAD] }), {
      now: NOW,
    });
    const byEmail = await saveContact(db, draft('per-hansen', { email: 'per@fjord.no' }), {
      now: NOW,
    });
    const rows = [
      row(1, { key: 'per-hansen', leadIds: [LEAD] }),
      row(2, { leadIds: [LEAD], email: 'per@fjord.no' }),
      row(3, { email: 'per@fjord.no' }),
      row(4, { key: 'new-person', email: 'per@fjord.no' }),
    ];

    const people = await peopleIn(db, rows, (r) => r.ids);

    expect(people.map((p) => [p.saved?.id, p.rows.map((r) => r.sourceRow)])).toEqual([
      [byEmail.contact.id, [1, 3, 4]],
      [byLead.contact.id, [2]],
    ]);
  });

  it('puts rows that share an id together and keeps the others apart', async () => {
    const db = await freshDb();
    const rows = [
      row(1, { key: 'ada', email: 'ada@example.test' }),
      row(2, { key: 'grace' }),
      row(3, { email: 'ada@example.test', leadIds: [LEAD] }),
      row(4, { leadIds: [LEAD] }),
      row(5, {}),
    ];

    const people = await peopleIn(db, rows, (r) => r.ids);

    expect(people.map((p) => p.rows.map((r) => r.sourceRow))).toEqual([[1, 3, 4], [2], [5]]);
  });
});
