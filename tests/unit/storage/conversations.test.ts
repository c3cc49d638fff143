import { describe, expect, it } from 'vitest';
import type { Thread } from '@/lib/conversation-touches';
import { saveContact } from '@/lib/storage/contacts';
import { logThread } from '@/lib/storage/conversations';
import type { RapportDB } from '@/lib/storage/db';
import { getContact } from '@/lib/storage/contacts';
import { listTouches } from '@/lib/storage/touches';
import { readMessagingSidecar, type MessagingPage } from '../linkedin/conversations';
import { NOW, draft, freshDb } from './fixtures';

/** The conversation exactly as its sidecar says the page reads it. */
function threadOf(page: MessagingPage): Thread {
  const { expected } = readMessagingSidecar(page);
  return { ...expected, threadId: expected.threadId ?? '' };
}

async function saved(db: RapportDB, slug: string): Promise<string> {
  return (await saveContact(db, draft(slug), { now: NOW })).contact.id;
}

describe('logging a conversation', () => {
  it('logs every message of a 1:1 thread as a touch with the saved partner', async () => {
    const db = await freshDb();
    const ngozi = await saved(db, 'ngozi-adeyemi-clarke-7f3');

    const logged = await logThread(db, threadOf('messaging-thread.html'), NOW);

    expect(logged).toEqual({ added: 9, skipped: 0, untimed: 0 });
    const touches = await listTouches(db, ngozi);
    expect(touches.map((t) => [t.at, t.channel, t.direction])).toEqual([
      ['2026-06-20T07:30:00.000Z', 'linkedin-message', 'outbound'],
      ['2026-06-19T22:05:00.000Z', 'linkedin-message', 'inbound'],
      ['2026-06-19T22:05:00.000Z', 'linkedin-message', 'inbound'],
      ['2026-06-19T21:47:00.000Z', 'linkedin-message', 'outbound'],
      ['2026-06-19T21:47:00.000Z', 'linkedin-message', 'outbound'],
      ['2026-06-16T14:40:00.000Z', 'linkedin-message', 'inbound'],
      ['2026-06-12T11:14:00.000Z', 'linkedin-message', 'inbound'],
      ['2026-06-12T09:16:00.000Z', 'linkedin-message', 'outbound'],
      ['2026-06-12T09:16:00.000Z', 'linkedin-message', 'outbound'],
    ]);
  });

  it('adds nothing when the same thread is logged again', async () => {
    const db = await freshDb();
    const ngozi = await saved(db, 'ngozi-adeyemi-clarke-7f3');
    await logThread(db, threadOf('messaging-thread.html'), NOW);

    const again = await logThread(db, threadOf('messaging-thread.html'), NOW);

    expect(again).toEqual({ added: 0, skipped: 9, untimed: 0 });
    expect(await listTouches(db, ngozi)).toHaveLength(9);
  });

  it('adds only the message that arrived since the thread was last logged', async () => {
    const db = await freshDb();
    const ngozi = await saved(db, 'ngozi-adeyemi-clarke-7f3');
    const full = threadOf('messaging-thread.html');
    await logThread(db, { ...full, messages: full.messages.slice(0, 8) }, NOW);

    const later = await logThread(db, full, NOW);

    expect(later).toEqual({ added: 1, skipped: 8, untimed: 0 });
    expect((await listTouches(db, ngozi))[0]?.summary).toBe('Perfect, speak Monday!');
  });

  it('logs nothing while no partner of the thread is saved', async () => {
    const db = await freshDb();
    await saved(db, 'someone-else');

    const logged = await logThread(db, threadOf('messaging-thread.html'), NOW);

    expect(logged).toEqual({ added: 0, skipped: 0, untimed: 0 });
  });

  it('logs an InMail as InMail touches, the subject leading the summary', async () => {
    const db = await freshDb();
    const ngozi = await saved(db, 'ngozi-adeyemi-clarke-7f3');

    await logThread(db, threadOf('messaging-inmail.html'), NOW);

    const touches = await listTouches(db, ngozi);
    expect(touches.map((t) => t.channel)).toEqual(['inmail', 'inmail']);
    expect(touches[1]?.summary).toBe(
      'Partnership question — Q3 pilot — Hi Ngozi, I lead partnerships for West Africa at ' +
        'Lumenfold Software. Would you be open to a short call about a freight-visibility pilot?',
    );
  });

  it('keeps the InMail and the 1:1 thread with the same person apart', async () => {
    const db = await freshDb();
    const ngozi = await saved(db, 'ngozi-adeyemi-clarke-7f3');
    await logThread(db, threadOf('messaging-inmail.html'), NOW);

    const logged = await logThread(db, threadOf('messaging-thread.html'), NOW);

    expect(logged.added).toBe(9);
    expect(await listTouches(db, ngozi)).toHaveLength(11);
  });

  it('makes the rep’s group messages touches with every saved participant, theirs with the sender only', async () => {
    const db = await freshDb();
    const ilse = await saved(db, 'ilse-vandenberghe-22');
    const farid = await saved(db, 'farid-haddadi');

    const logged = await logThread(db, threadOf('messaging-group.html'), NOW);

    expect(logged).toEqual({ added: 8, skipped: 0, untimed: 0 });
    const directions = async (id: string): Promise<string[]> =>
      (await listTouches(db, id)).map((t) => t.direction);
    expect(await directions(ilse)).toEqual(['outbound', 'outbound', 'inbound', 'inbound']);
    expect(await directions(farid)).toEqual(['outbound', 'inbound', 'outbound', 'inbound']);
  });

  it('leaves out messages without a readable time, and counts them', async () => {
    const db = await freshDb();
    await saved(db, 'ngozi-adeyemi-clarke-7f3');
    const thread = threadOf('messaging-thread.html');
    const messages = thread.messages.map((m, i) => (i === 8 ? { ...m, at: null } : m));

    const logged = await logThread(db, { ...thread, messages }, NOW);

    expect(logged).toEqual({ added: 8, skipped: 0, untimed: 1 });
  });

  it('leaves the contact waiting for an answer after an unanswered InMail, and not after the reply', async () => {
    const db = await freshDb();
    const ngozi = await saved(db, 'ngozi-adeyemi-clarke-7f3');

    await logThread(db, threadOf('messaging-inmail.html'), NOW);
    const waiting = (await getContact(db, ngozi))?.awaitingReplySince;
    await logThread(db, threadOf('messaging-thread.html'), NOW);

    expect(waiting).toBe('2026-06-04T07:12:00.000Z');
    expect(await getContact(db, ngozi)).not.toHaveProperty('awaitingReplySince');
  });
});
