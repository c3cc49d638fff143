import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { threadTouches, type Thread } from '@/lib/conversation-touches';
import { decodeCsvBytes } from '@/lib/imports/csv';
import { readMessagesExport } from '@/lib/imports/linkedin-messages';
import { saveContact } from '@/lib/storage/contacts';
import type { RapportDB } from '@/lib/storage/db';
import { StorageFullError } from '@/lib/storage/errors';
import { applyMessagesImport, planMessagesImport } from '@/lib/storage/messages-import';
import { listTouches, logTouches } from '@/lib/storage/touches';
import { NOW, draft, failNthWrite, freshDb } from './fixtures';

const FILE = readMessagesExport(decodeCsvBytes(readFileSync('tests/fixtures/csv/messages.csv')));

const NGOZI = 'ngozi-adeyemi-clarke-7f3';
const ILSE = 'ilse-vandenberghe-22';
const FARID = 'farid-haddadi';
const KWAME = 'kwame-asante-boateng';
const JIHOON = 'jihoon-park-5k';

/** The 1:1 thread with Ngozi, as the page and the export both name it. */
const NGOZI_THREAD = '2-ZjgwYmY2YTYtZWVmOC00MzA3LWFkZGUtMjgxZWIwMjYwMzE1XzA5OA==';

/** Saves the contacts with these profile keys and returns their ids by key. */
async function saved(db: RapportDB, ...slugs: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();

  for (const slug of slugs) {
    const { contact } = await saveContact(db, draft(slug), { now: NOW });
    ids.set(slug, contact.id);
  }

  return ids;
}

describe('importing LinkedIn’s messages.csv', () => {
  it('previews what the file holds for the saved contacts', async () => {
    const db = await freshDb();
    await saved(db, NGOZI, ILSE, KWAME);

    const plan = await planMessagesImport(db, FILE);

    expect({ ...plan, touches: plan.touches.length }).toEqual({
      conversations: 8,
      withContact: 5,
      touchesToAdd: 19,
      alreadyLogged: 0,
      messagesSkipped: 9,
      notSaved: { count: 5, names: ['Farid Haddadi', '박지훈', 'Анна Смирнова-Лебедева'] },
      touches: 19,
    });
  });

  it('names the people not saved yet most recent first, their names repaired', async () => {
    const db = await freshDb();
    await saved(db, NGOZI, ILSE, FARID, KWAME, JIHOON);

    const plan = await planMessagesImport(db, FILE);

    expect(plan.notSaved).toEqual({
      count: 3,
      names: ['Анна Смирнова-Лебедева', 'Renée Caron', 'Sigrún Ásgeirsdóttir'],
    });
  });

  it('writes nothing while previewing', async () => {
    const db = await freshDb();
    const ids = await saved(db, NGOZI);

    await planMessagesImport(db, FILE);

    expect(await listTouches(db, ids.get(NGOZI) ?? '')).toEqual([]);
  });

  it('adds nothing when the same file is imported again', async () => {
    const db = await freshDb();
    const ids = await saved(db, NGOZI, ILSE, KWAME);
    const first = await applyMessagesImport(db, await planMessagesImport(db, FILE), NOW);

    const again = await planMessagesImport(db, FILE);
    const second = await applyMessagesImport(db, again, NOW);

    expect(first).toEqual({ added: 19, alreadyLogged: 0 });
    expect([again.touchesToAdd, again.alreadyLogged]).toEqual([0, 19]);
    expect(second).toEqual({ added: 0, alreadyLogged: 0 });
    expect((await listTouches(db, ids.get(NGOZI) ?? '')).length).toBe(11);
  });

  it('keeps one touch for a message logged from the page and then imported', async () => {
    const db = await freshDb();
    const ids = await saved(db, NGOZI);
    const onThePage: Thread = {
      threadId: NGOZI_THREAD,
      kind: 'message',
      partners: [{ profileUrl: `https://www.linkedin.com/in/${NGOZI}/` }],
      messages: [
        {
          direction: 'inbound',
          // Spaced as the page renders it, not as the export writes it.
          text:
            'Here are our volumes for Q3:  • Lagos → Accra: 120 TEU\n\n' +
            '• Lagos → Abidjan: 45 TEU',
          at: '2026-06-16T14:40:00Z',
          fromProfileUrl: `https://www.linkedin.com/in/${NGOZI}/`,
        },
      ],
    };
    await logTouches(db, threadTouches(onThePage, ids).touches, NOW);

    const plan = await planMessagesImport(db, FILE);
    await applyMessagesImport(db, plan, NOW);

    const touches = await listTouches(db, ids.get(NGOZI) ?? '');
    const volumes = touches.filter((t) => t.summary.startsWith('Here are our volumes'));
    expect([plan.touchesToAdd, plan.alreadyLogged]).toEqual([10, 1]);
    expect(touches.length).toBe(11);
    expect(volumes.map((t) => t.at)).toEqual(['2026-06-16T14:40:00.000Z']);
  });

  it('makes a touch with each saved member for the rep’s group messages', async () => {
    const db = await freshDb();
    const ids = await saved(db, ILSE, FARID);

    const plan = await planMessagesImport(db, FILE);
    await applyMessagesImport(db, plan, NOW);

    const line = (t: { at: string; direction: string; summary: string }): string[] => [
      t.at,
      t.direction,
      t.summary,
    ];
    expect([plan.withContact, plan.touchesToAdd, plan.messagesSkipped]).toEqual([2, 11, 20]);
    expect((await listTouches(db, ids.get(ILSE) ?? '')).map(line)).toEqual([
      ['2026-06-20T07:10:13.000Z', 'outbound', "Great — I'll send the final version."],
      ['2026-06-15T08:31:35.000Z', 'outbound', "Hi all — I'll own the commercial side."],
      ['2026-06-15T08:02:34.000Z', 'inbound', 'Agenda to follow.'],
      [
        '2026-06-15T08:02:07.000Z',
        'inbound',
        'Welcome everyone — this is the working group for the Q3 pilot.',
      ],
      ['2026-05-13T07:05:59.000Z', 'inbound', 'Same here, see you then.'],
      ['2026-05-12T13:00:00.000Z', 'outbound', 'Kick-off notes attached; next sync Thursday.'],
    ]);
    expect((await listTouches(db, ids.get(FARID) ?? '')).map(line)).toEqual([
      ['2026-06-20T07:10:13.000Z', 'outbound', "Great — I'll send the final version."],
      ['2026-06-20T06:05:06.000Z', 'inbound', 'Looks good from our side.'],
      ['2026-06-15T08:31:35.000Z', 'outbound', "Hi all — I'll own the commercial side."],
      ['2026-06-15T08:15:21.000Z', 'inbound', 'Thanks Ilse. Adding our logistics lead next week.'],
      ['2026-05-12T13:00:00.000Z', 'outbound', 'Kick-off notes attached; next sync Thursday.'],
    ]);
  });

  it('stores none of the touches when one of them cannot be written', async () => {
    const db = await freshDb();
    const ids = await saved(db, NGOZI, ILSE, KWAME);
    const plan = await planMessagesImport(db, FILE);
    failNthWrite('add', 5);

    const importing = applyMessagesImport(db, plan, NOW);

    await expect(importing).rejects.toThrow(StorageFullError);
    for (const id of ids.values()) expect(await listTouches(db, id)).toEqual([]);
  });
});
