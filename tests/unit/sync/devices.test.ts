import { describe, expect, it } from 'vitest';
import { deleteContact, getContactByKey, saveContact, updateContact } from '@/lib/storage/contacts';
import { mergeContacts } from '@/lib/storage/duplicates';
import { listNextSteps, setNextStep } from '@/lib/storage/next-steps';
import { applyPulled } from '@/lib/storage/sync/apply';
import {
  finishJoining,
  getSyncMeta,
  outgoing,
  pendingChanges,
  startSyncing,
  stopSyncing,
} from '@/lib/storage/sync/device';
import { listTouches, logTouch } from '@/lib/storage/touches';
import { NOW, draft, freshDb } from '../storage/fixtures';
import { MemoryServer } from './memory-server';
import { WORKSPACE, device, duplicateWithTouch, sync, syncAll } from './devices';

describe('two devices syncing through a server', () => {
  it('shows a contact saved on one on the other, with the touch logged there', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];

    const { contact } = await saveContact(
      laptop,
      draft('ada-lovelace', { company: 'Analytical' }),
      {
        now: NOW,
      },
    );
    await syncAll(server, laptop, desktop);

    const there = await getContactByKey(desktop, 'ada-lovelace');
    expect(there?.company).toBe('Analytical');
    expect(there?.id).toBe(contact.id);

    await logTouch(desktop, {
      contactId: there!.id,
      at: NOW.toISOString(),
      channel: 'call',
      direction: 'outbound',
      summary: 'Intro call',
    });
    await syncAll(server, laptop, desktop);

    const here = await getContactByKey(laptop, 'ada-lovelace');
    const touches = await listTouches(laptop, here!.id);

    expect(touches.map((t) => t.summary)).toEqual(['Intro call']);
    expect(here?.lastTouchAt).toBe(NOW.toISOString());
  });

  it('keeps edits of different fields made on both while apart', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    const saved = (await saveContact(laptop, draft('grace-hopper'), { now: NOW })).contact;
    await syncAll(server, laptop, desktop);
    const there = (await getContactByKey(desktop, 'grace-hopper'))!;

    await updateContact(laptop, saved.id, { company: 'Navy' });
    await updateContact(desktop, there.id, { title: 'Rear Admiral', tags: ['cobol'] });
    await updateContact(laptop, saved.id, { tags: ['compilers'] });
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      const contact = await getContactByKey(db, 'grace-hopper');

      expect(contact?.company).toBe('Navy');
      expect(contact?.title).toBe('Rear Admiral');
      expect([...contact!.tags].sort()).toEqual(['cobol', 'compilers']);
    }
  });

  it('deletes a person everywhere, with their touches and next steps', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    const saved = (await saveContact(laptop, draft('linus-t'), { now: NOW })).contact;
    await setNextStep(laptop, saved.id, 'Send the proposal', '2026-03-12', NOW);
    await syncAll(server, laptop, desktop);
    const there = (await getContactByKey(desktop, 'linus-t'))!;

    expect(await listNextSteps(desktop, there.id)).toHaveLength(1);

    await deleteContact(laptop, saved.id);
    await syncAll(server, laptop, desktop);

    expect(await getContactByKey(desktop, 'linus-t')).toBeUndefined();
    expect(await listNextSteps(desktop, there.id)).toEqual([]);
  });

  it('never sends notes or tags marked private', async () => {
    const server = new MemoryServer();
    const laptop = await device(server);
    const saved = (await saveContact(laptop, draft('ada-lovelace'), { now: NOW })).contact;

    await updateContact(laptop, saved.id, {
      notes: 'Going through a divorce',
      notesPrivate: true,
      tags: ['fintech', 'difficult'],
      privateTags: ['difficult'],
    });
    await sync(laptop, server);

    const sent = JSON.stringify(server.log);
    expect(sent).not.toContain('divorce');
    expect(sent).not.toContain('difficult');
    expect(sent).toContain('fintech');
  });

  it('leaves a tag alone on the others when it is private here under the same name', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    const saved = (await saveContact(laptop, draft('ada-lovelace'), { now: NOW })).contact;
    await updateContact(laptop, saved.id, { tags: ['difficult'], privateTags: ['difficult'] });
    await syncAll(server, laptop, desktop);

    const there = (await getContactByKey(desktop, 'ada-lovelace'))!;
    await updateContact(desktop, there.id, { tags: ['difficult'] });
    await syncAll(server, desktop, laptop);
    await updateContact(laptop, saved.id, { notes: 'Call back' });
    await syncAll(server, laptop, desktop);

    expect((await getContactByKey(desktop, 'ada-lovelace'))?.tags).toEqual(['difficult']);
  });

  it('makes one contact of the same person saved on both before they synced', async () => {
    const server = new MemoryServer();
    const laptop = await freshDb();
    const desktop = await freshDb();

    await saveContact(laptop, draft('ada-lovelace', { company: 'Analytical' }), { now: NOW });
    await saveContact(desktop, draft('ada-lovelace', { company: 'Analytical' }), { now: NOW });
    await startSyncing(laptop, WORKSPACE);
    await startSyncing(desktop, WORKSPACE);
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      expect((await getContactByKey(db, 'ada-lovelace'))?.company).toBe('Analytical');
    }
  });

  it('keeps one touch for a message logged on both devices', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      const contact = (await getContactByKey(db, 'ada-lovelace'))!;
      await logTouch(db, {
        contactId: contact.id,
        at: NOW.toISOString(),
        channel: 'linkedin-message',
        direction: 'inbound',
        summary: 'Thanks!',
        ref: 'li:thread-1:inbound:abc:1',
      });
    }
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      const contact = (await getContactByKey(db, 'ada-lovelace'))!;
      expect(await listTouches(db, contact.id)).toHaveLength(1);
    }
  });

  it('crosses out that touch on both once one device corrects it', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await syncAll(server, laptop, desktop);
    const message = {
      at: NOW.toISOString(),
      channel: 'linkedin-message',
      direction: 'inbound',
      summary: 'Thanks!',
      ref: 'li:thread-1:inbound:1',
    } as const;
    for (const db of [laptop, desktop]) {
      await logTouch(db, {
        ...message,
        contactId: (await getContactByKey(db, 'ada-lovelace'))!.id,
      });
    }
    await syncAll(server, laptop, desktop);

    const ada = (await getContactByKey(laptop, 'ada-lovelace'))!;
    const [original] = await listTouches(laptop, ada.id);
    const fix = { summary: 'Thanks for the intro!', supersedes: original!.id };
    await logTouch(laptop, { ...message, ref: undefined, ...fix, contactId: ada.id });
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      const there = (await getContactByKey(db, 'ada-lovelace'))!;
      const shown = (await listTouches(db, there.id)).map(
        (t) => `${t.summary}${t.supersededBy ? ' (corrected)' : ''}`,
      );
      expect(shown.sort()).toEqual(['Thanks for the intro!', 'Thanks! (corrected)']);
    }
  });

  it('hands the touches of a merged duplicate to the contact it was merged into', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    const { kept, dropped } = await duplicateWithTouch(laptop);
    await syncAll(server, laptop, desktop);

    await mergeContacts(laptop, kept.id, dropped.id, {}, NOW);
    await syncAll(server, laptop, desktop);

    const there = (await getContactByKey(desktop, 'ada-lovelace'))!;
    expect(await getContactByKey(desktop, 'ada-lovelace-2')).toBeUndefined();
    expect((await listTouches(desktop, there.id)).map((t) => t.summary)).toEqual(['Sent the deck']);
  });

  it('keeps its touches and next step when another device deleted it meanwhile', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    const { kept, dropped } = await duplicateWithTouch(laptop);
    await syncAll(server, laptop, desktop);

    await setNextStep(laptop, dropped.id, 'Send the proposal', '2026-03-12', NOW);
    await syncAll(server, laptop, desktop);

    await mergeContacts(laptop, kept.id, dropped.id, {}, NOW);
    await sync(laptop, server);
    await deleteContact(desktop, (await getContactByKey(desktop, 'ada-lovelace-2'))!.id);
    await syncAll(server, laptop, desktop);
    const joined = await device(server);

    for (const db of [laptop, desktop, joined]) {
      const ada = (await getContactByKey(db, 'ada-lovelace'))!;
      expect((await listTouches(db, ada.id)).map((t) => t.summary)).toEqual(['Sent the deck']);
      expect((await listNextSteps(db, ada.id)).map((s) => s.action)).toEqual(['Send the proposal']);
    }
  });

  it('syncs a person saved again after being deleted everywhere, as a new card', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    const { contact } = await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await syncAll(server, laptop, desktop);
    await deleteContact(laptop, contact.id);
    await syncAll(server, laptop, desktop);

    const again = await saveContact(desktop, draft('ada-lovelace', { company: 'Again' }), {
      now: NOW,
    });
    await logTouch(desktop, {
      contactId: again.contact.id,
      at: NOW.toISOString(),
      channel: 'call',
      direction: 'outbound',
      summary: 'Welcome back',
    });
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      const ada = (await getContactByKey(db, 'ada-lovelace'))!;
      expect(ada.company).toBe('Again');
      expect((await listTouches(db, ada.id)).map((t) => t.summary)).toEqual(['Welcome back']);
    }
  });

  it('keeps its own card where two devices both saved that person again', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    const { contact } = await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await syncAll(server, laptop, desktop);
    await deleteContact(laptop, contact.id);
    await syncAll(server, laptop, desktop);

    await saveContact(laptop, draft('ada-lovelace', { company: 'Laptop' }), { now: NOW });
    await saveContact(desktop, draft('ada-lovelace', { company: 'Desktop' }), { now: NOW });
    await syncAll(server, laptop, desktop);

    expect((await getContactByKey(laptop, 'ada-lovelace'))?.company).toBe('Laptop');
    expect((await getContactByKey(desktop, 'ada-lovelace'))?.company).toBe('Desktop');
  });

  it('queues nothing while sync is off, and everything once it has joined', async () => {
    const db = await freshDb();
    await saveContact(db, draft('ada-lovelace'), { now: NOW });

    expect(await pendingChanges(db)).toBe(0);

    await startSyncing(db, WORKSPACE);
    expect(await pendingChanges(db)).toBe(0);

    await finishJoining(db);
    expect(await pendingChanges(db)).toBeGreaterThan(0);

    await stopSyncing(db);
    expect(await pendingChanges(db)).toBe(0);
    expect(await getSyncMeta(db)).toBeNull();
  });

  it('changes nothing when the same page is applied twice', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await sync(laptop, server);

    const page = server.pull('0', 100);
    const first = await applyPulled(desktop, page.changes, page.cursor);
    const again = await applyPulled(desktop, page.changes, page.cursor);

    expect(first.applied).toBeGreaterThan(0);
    expect(again.applied).toBe(0);
    expect(await pendingChanges(desktop)).toBe(0);
  });
});

describe('comparing field values', () => {
  it('counts objects with the same keys in another order as the same value', async () => {
    const { sameValue } = await import('@/lib/storage/sync/wire');

    expect(sameValue({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
  });
});

describe('deleting all data on one device', () => {
  it('stops syncing there and sends no deletes to the others', async () => {
    const { deleteAllData } = await import('@/lib/storage/contacts');
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await syncAll(server, laptop, desktop);
    const before = server.log.length;

    await deleteAllData(laptop);

    expect(await getSyncMeta(laptop)).toBeNull();
    expect(await pendingChanges(laptop)).toBe(0);
    expect(server.log).toHaveLength(before);
    expect(await getContactByKey(desktop, 'ada-lovelace')).toBeDefined();
  });
});

describe('changes that arrive out of order', () => {
  it('stores a touch that came before its contact once the contact arrives', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    const { contact } = await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await logTouch(laptop, {
      contactId: contact.id,
      at: NOW.toISOString(),
      channel: 'call',
      direction: 'outbound',
      summary: 'Intro call',
    });
    await sync(laptop, server);

    // Another server could hand them over the other way round.
    server.log.reverse();
    await sync(desktop, server);

    const there = (await getContactByKey(desktop, 'ada-lovelace'))!;
    expect((await listTouches(desktop, there.id)).map((t) => t.summary)).toEqual(['Intro call']);
    expect(there.lastTouchAt).toBe(NOW.toISOString());
  });
});

describe('what the server could not store', () => {
  it('goes with NULs and halves of emoji made replacement characters', async () => {
    const { wireFields } = await import('@/lib/storage/sync/wire');
    const server = new MemoryServer();
    const laptop = await device(server);
    const { contact } = await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    const cut = 'Loves \uD83D';

    const fields = wireFields('contact', { ...contact, notes: `${cut}\0`, company: 'A\uDE00B' });

    expect(fields.notes).toBe('Loves \uFFFD\uFFFD');
    expect(fields.company).toBe('A\uFFFDB');
  });

  it('goes with more tags than one change may carry, in several changes', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    const tags = Array.from({ length: 2_500 }, (_, i) => `tag-${i}`);
    await saveContact(laptop, draft('ada-lovelace', { tags }), { now: NOW });

    await syncAll(server, laptop, desktop);

    expect(server.log.filter((c) => c.op === 'members')).toHaveLength(3);
    expect((await getContactByKey(desktop, 'ada-lovelace'))?.tags).toHaveLength(2_500);
  });

  it('is pushed in requests small enough for the server, at least one change each', async () => {
    const { withinBodyLimit } = await import('@/lib/sync-service');
    const server = new MemoryServer();
    const laptop = await device(server);

    for (let i = 0; i < 120; i += 1) {
      await saveContact(laptop, draft(`person-${i}`, { headline: 'x'.repeat(9_000) }), {
        now: NOW,
      });
    }

    const batch = withinBodyLimit(await outgoing(laptop, 500));

    expect(batch.changes.length).toBeGreaterThan(0);
    expect(batch.changes.length).toBeLessThan(120);
    expect(JSON.stringify({ changes: batch.changes }).length).toBeLessThan(1024 * 1024);
  });
});
