import { describe, expect, it } from 'vitest';
import { deleteContact, getContactByKey, saveContact, updateContact } from '@/lib/storage/contacts';
import { getSyncMeta, startSyncing, stopSyncing } from '@/lib/storage/sync/device';
import { NOW, draft, freshDb } from '../storage/fixtures';
import { MemoryServer } from './memory-server';
import { WORKSPACE, device, sync, syncAll } from './devices';

describe('a device that disconnects and connects again', () => {
  it("sends what changed here meanwhile, field by field, and keeps the others' work", async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(laptop, draft('ada-lovelace', { company: 'Analytical', tags: ['fintech'] }), {
      now: NOW,
    });
    await syncAll(server, laptop, desktop);

    // Disconnected, the laptop syncs no more; both go on working.
    const there = (await getContactByKey(desktop, 'ada-lovelace'))!;
    await updateContact(desktop, there.id, { company: 'Difference Engine', tags: [] }, NOW);
    await sync(desktop, server);
    const here = (await getContactByKey(laptop, 'ada-lovelace'))!;
    await updateContact(laptop, here.id, { notes: 'Met at the conference' }, NOW);

    expect(await startSyncing(laptop, WORKSPACE)).toEqual(await getSyncMeta(laptop));
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      const ada = await getContactByKey(db, 'ada-lovelace');
      expect(ada?.company).toBe('Difference Engine');
      expect(ada?.tags).toEqual([]);
      expect(ada?.notes).toBe('Met at the conference');
    }
  });
});

describe('a device that joins again from the start', () => {
  it('undoes no edit and brings back no contact the others changed meanwhile', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(laptop, draft('ada-lovelace', { company: 'Analytical' }), { now: NOW });
    await saveContact(laptop, draft('grace-hopper'), { now: NOW });
    await syncAll(server, laptop, desktop);

    await stopSyncing(laptop);
    const ada = (await getContactByKey(desktop, 'ada-lovelace'))!;
    const grace = (await getContactByKey(desktop, 'grace-hopper'))!;
    await updateContact(desktop, ada.id, { company: 'Difference Engine' }, NOW);
    await deleteContact(desktop, grace.id);
    await sync(desktop, server);

    await startSyncing(laptop, WORKSPACE);
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      expect((await getContactByKey(db, 'ada-lovelace'))?.company).toBe('Difference Engine');
      expect(await getContactByKey(db, 'grace-hopper')).toBeUndefined();
    }
  });

  it('keeps the later edit of two devices that held the same person before syncing', async () => {
    const server = new MemoryServer();
    const [desktop, laptop] = [await freshDb(), await freshDb()];
    const later = new Date(NOW.getTime() + 3_600_000);
    await saveContact(desktop, draft('ada-lovelace', { company: 'Analytical' }), { now: NOW });
    await saveContact(laptop, draft('ada-lovelace', { company: 'Difference' }), { now: later });

    await startSyncing(desktop, WORKSPACE);
    await sync(desktop, server);
    await startSyncing(laptop, WORKSPACE);
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      expect((await getContactByKey(db, 'ada-lovelace'))?.company).toBe('Difference');
    }
  });

  it('keeps what the second device added to a person both saved before syncing', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await freshDb(), await freshDb()];
    const dayAgo = new Date(Date.now() - 86_400_000);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await saveContact(laptop, draft('ada-lovelace'), { now: dayAgo });
    const saved = await saveContact(desktop, draft('ada-lovelace'), { now: hourAgo });
    const edit = { email: 'ada@example.com', notes: 'Wants a proposal' };
    await updateContact(desktop, saved.contact.id, edit, hourAgo);

    await startSyncing(laptop, WORKSPACE);
    await sync(laptop, server);
    await startSyncing(desktop, WORKSPACE);
    await syncAll(server, desktop, laptop);

    for (const db of [laptop, desktop]) {
      expect(await getContactByKey(db, 'ada-lovelace')).toMatchObject(edit);
    }
  });

  it('sends on what was changed here after the others last changed it', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(desktop, draft('ada-lovelace', { company: 'Analytical' }), { now: NOW });
    await syncAll(server, desktop, laptop);

    await stopSyncing(laptop);
    const later = new Date(Date.now() + 60_000);
    const ada = (await getContactByKey(laptop, 'ada-lovelace'))!;
    await updateContact(laptop, ada.id, { company: 'Babbage & Co', tags: ['fintech'] }, later);

    await startSyncing(laptop, WORKSPACE);
    await syncAll(server, laptop, desktop);

    for (const db of [laptop, desktop]) {
      const there = await getContactByKey(db, 'ada-lovelace');
      expect(there?.company).toBe('Babbage & Co');
      expect(there?.tags).toEqual(['fintech']);
    }
  });
});
