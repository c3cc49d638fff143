import { describe, expect, it } from 'vitest';
import { getContactByKey, saveContact, updateContact } from '@/lib/storage/contacts';
import { startSyncing } from '@/lib/storage/sync/device';
import type { Change, ChangeBody } from '@/lib/sync/protocol';
import { NOW, draft, freshDb } from '../storage/fixtures';
import { MemoryServer } from './memory-server';
import { WORKSPACE, device, sync, syncAll } from './devices';

describe('values this version of Rapport cannot store', () => {
  /** A change from a newer Rapport, which knows a status and tags this one does not. */
  function fromNewer(id: string, body: ChangeBody): Change {
    const hlc = `${Date.now()}.000000.newer`;

    return { ...body, id: `newer-change-${id}`, deviceId: 'newer', hlc } as Change;
  }

  it('keep the values here and let the rest of the change through', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(laptop, draft('grace-hopper', { company: 'Navy' }), { now: NOW });
    await syncAll(server, laptop, desktop);

    server.push([
      fromNewer('1', {
        op: 'set',
        kind: 'contact',
        entityId: 'grace-hopper',
        fields: { status: 'prospect', company: 'Remington Rand' },
      }),
      fromNewer('2', {
        op: 'members',
        kind: 'contact',
        entityId: 'grace-hopper',
        field: 'tags',
        add: ['t'.repeat(150), 'cobol'],
        remove: [],
      }),
    ]);
    await sync(laptop, server);

    const grace = (await getContactByKey(laptop, 'grace-hopper'))!;
    expect(grace).toMatchObject({ company: 'Remington Rand', status: 'new', tags: ['cobol'] });
  });

  it('are not sent back as changes here when the rep edits something else', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(laptop, draft('grace-hopper'), { now: NOW });
    await syncAll(server, laptop, desktop);
    server.push([
      fromNewer('1', {
        op: 'set',
        kind: 'contact',
        entityId: 'grace-hopper',
        fields: { status: 'prospect' },
      }),
      fromNewer('2', {
        op: 'members',
        kind: 'contact',
        entityId: 'grace-hopper',
        field: 'tags',
        add: ['t'.repeat(150)],
        remove: [],
      }),
    ]);
    await sync(laptop, server);
    const sent = server.log.length;

    const grace = (await getContactByKey(laptop, 'grace-hopper'))!;
    await updateContact(laptop, grace.id, { notes: 'Call back' }, NOW);
    await sync(laptop, server);

    const mine = server.log.slice(sent);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ op: 'set', fields: { notes: 'Call back' } });
    expect(mine[0]).not.toHaveProperty('fields.status');

    await updateContact(laptop, grace.id, { status: 'warm' }, NOW);
    await sync(laptop, server);
    expect(server.log.at(-1)).toMatchObject({ op: 'set', fields: { status: 'warm' } });
  });

  it('include keys a newer Rapport added inside a value, which are not sent back', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await device(server), await device(server)];
    await saveContact(laptop, draft('grace-hopper'), { now: NOW });
    await syncAll(server, laptop, desktop);
    const name = { display: 'Grace Hopper', given: 'Grace', family: 'Hopper', phonetic: 'ɡreɪs' };
    server.push([
      fromNewer('1', { op: 'set', kind: 'contact', entityId: 'grace-hopper', fields: { name } }),
    ]);
    await sync(laptop, server);
    const sent = server.log.length;

    const grace = (await getContactByKey(laptop, 'grace-hopper'))!;
    await updateContact(laptop, grace.id, { notes: 'Call back' }, NOW);
    await sync(laptop, server);

    expect(grace.name).toEqual({ display: 'Grace Hopper', given: 'Grace', family: 'Hopper' });
    expect(server.log.slice(sent).some((c) => c.op === 'set' && 'name' in c.fields)).toBe(false);
  });

  it('include ids two devices gave the same person, which are not sent to and fro', async () => {
    const server = new MemoryServer();
    const [laptop, desktop] = [await freshDb(), await freshDb()];
    await saveContact(laptop, draft('ada-lovelace'), { now: NOW });
    await saveContact(desktop, draft('ada-lovelace'), { now: NOW });
    for (const db of [laptop, desktop]) await startSyncing(db, WORKSPACE);
    await syncAll(server, laptop, desktop);
    const sent = server.log.length;

    for (const db of [laptop, desktop]) {
      const ada = (await getContactByKey(db, 'ada-lovelace'))!;
      await updateContact(db, ada.id, { notes: 'Met again' }, NOW);
    }
    await syncAll(server, laptop, desktop);

    expect(server.log.slice(sent).some((c) => c.op === 'set' && 'id' in c.fields)).toBe(false);
  });
});
