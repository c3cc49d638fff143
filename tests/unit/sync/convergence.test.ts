import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newClock, observe, tick } from '@/lib/sync/hlc';
import type { Clock } from '@/lib/sync/hlc';
import { applyToReplica, liveContact, membersOf, valuesOf } from '@/lib/sync/merge';
import type { Replica } from '@/lib/sync/merge';
import type { Change, ChangeBody } from '@/lib/sync/protocol';
import { MemoryServer } from './memory-server';

/**
 * Three devices edit the same few contacts, log touches and delete, going offline and coming
 * back, while their pushes get lost after the server took them (so they are sent again) and
 * arrive out of order. Whatever happens, once everyone is online and has pushed and pulled,
 * every device and the server hold the same state, and no touch of a live contact is lost.
 */
const DEVICES = ['desk', 'laptop', 'phone'] as const;
const CONTACTS = ['ada', 'grace', 'linus'] as const;
const FIELDS = ['company', 'title', 'notes'] as const;
const T0 = Date.UTC(2026, 11, 4);

type Action =
  | { type: 'edit'; device: number; contact: number; field: number; value: string }
  | { type: 'tag'; device: number; contact: number; tag: string; add: boolean }
  | { type: 'touch'; device: number; contact: number }
  | { type: 'delete'; device: number; contact: number; into: number | null }
  | { type: 'push'; device: number; lostAck: boolean; shuffle: number }
  | { type: 'pull'; device: number; limit: number }
  | { type: 'online'; device: number; online: boolean }
  | { type: 'wait'; device: number; ms: number };

const device = fc.nat(DEVICES.length - 1);
const contact = fc.nat(CONTACTS.length - 1);

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    type: fc.constant('edit' as const),
    device,
    contact,
    field: fc.nat(FIELDS.length - 1),
    value: fc.string({ maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('tag' as const),
    device,
    contact,
    tag: fc.constantFrom('cfo', 'fintech', 'warm-intro'),
    add: fc.boolean(),
  }),
  fc.record({ type: fc.constant('touch' as const), device, contact }),
  fc.record({
    type: fc.constant('delete' as const),
    device,
    contact,
    into: fc.option(contact, { freq: 2 }),
  }),
  fc.record({
    type: fc.constant('push' as const),
    device,
    lostAck: fc.boolean(),
    shuffle: fc.nat(),
  }),
  fc.record({ type: fc.constant('pull' as const), device, limit: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ type: fc.constant('online' as const), device, online: fc.boolean() }),
  fc.record({ type: fc.constant('wait' as const), device, ms: fc.integer({ min: -50, max: 50 }) }),
);

interface Device {
  id: string;
  clock: Clock;
  /** Each device's wall clock runs off by its own amount. */
  now: number;
  replica: Replica;
  outbox: Change[];
  cursor: string;
  online: boolean;
}

class World {
  server = new MemoryServer({ checked: false });
  devices: Device[] = DEVICES.map((id, i) => ({
    id,
    clock: newClock(id),
    now: T0 + i * 7,
    replica: new Map(),
    outbox: [],
    cursor: '0',
    online: true,
  }));
  serial = 0;
  /** Every touch appended, by id, with the contact it was logged with. */
  touches = new Map<string, string>();

  run(a: Action): void {
    const d = this.devices[a.device]!;
    d.now += 1;

    switch (a.type) {
      case 'edit':
        return this.edit(d, CONTACTS[a.contact]!, FIELDS[a.field]!, a.value);
      case 'tag':
        return this.tag(d, CONTACTS[a.contact]!, a.tag, a.add);
      case 'touch':
        return this.touch(d, CONTACTS[a.contact]!);
      case 'delete':
        return this.delete(d, CONTACTS[a.contact]!, a.into === null ? null : CONTACTS[a.into]!);
      case 'push':
        return this.push(d, a.lostAck, a.shuffle);
      case 'pull':
        return this.pull(d, a.limit);
      case 'online':
        d.online = a.online;
        return;
      case 'wait':
        d.now += a.ms;
        return;
    }
  }

  /** A local change: applied at once, and queued for the server. */
  private local(d: Device, change: ChangeBody): void {
    const { clock, hlc } = tick(d.clock, d.now);
    this.serial += 1;
    const full = { ...change, id: `${d.id}-${this.serial}`, deviceId: d.id, hlc } as Change;

    d.clock = clock;
    applyToReplica(d.replica, full);
    d.outbox.push(full);
  }

  private edit(d: Device, id: string, field: string, value: string): void {
    // Editing a contact the device knows as deleted is not possible in the extension.
    if (d.replica.get(`contact:${id}`)?.deleted) return;

    this.local(d, { op: 'set', kind: 'contact', entityId: id, fields: { [field]: value } });
  }

  private tag(d: Device, id: string, tag: string, add: boolean): void {
    if (liveContact(d.replica, id) !== id) return;

    const change = { add: add ? [tag] : [], remove: add ? [] : [tag] };
    this.local(d, { op: 'members', kind: 'contact', entityId: id, field: 'tags', ...change });
  }

  private touch(d: Device, id: string): void {
    const live = liveContact(d.replica, id);

    if (live === null) return;

    const entityId = `touch-${d.id}-${this.serial + 1}`;
    this.touches.set(entityId, live);
    this.local(d, {
      op: 'append',
      kind: 'touch',
      entityId,
      contactId: live,
      record: { at: d.now },
    });
  }

  private delete(d: Device, id: string, into: string | null): void {
    if (liveContact(d.replica, id) !== id) return;

    const target = into !== null && into !== id && liveContact(d.replica, into) === into;
    this.local(d, { op: 'delete', kind: 'contact', entityId: id, ...(target && { into }) });
  }

  private push(d: Device, lostAck: boolean, shuffle: number): void {
    if (!d.online || d.outbox.length === 0) return;

    this.server.push(rotated(d.outbox, shuffle));

    // The server took them but the answer never came back: the device sends them again.
    if (!lostAck) d.outbox = [];
  }

  private pull(d: Device, limit: number): void {
    if (!d.online) return;

    const page = this.server.pull(d.cursor, limit);

    for (const change of page.changes) {
      applyToReplica(d.replica, change);
      d.clock = observe(d.clock, change.hlc, d.now);
    }

    d.cursor = page.cursor;
  }

  /** Everyone comes online, sends what they have and reads everything. */
  settle(): void {
    for (const d of this.devices) {
      d.online = true;
      this.push(d, false, 0);
    }

    for (const d of this.devices) {
      while (Number(d.cursor) < this.server.log.length) this.pull(d, 1_000);
    }
  }
}

function rotated<T>(items: readonly T[], by: number): T[] {
  const at = by % items.length;

  return [...items.slice(at), ...items.slice(0, at)];
}

/** What a replica means to the rep, without clocks: compared across devices. */
function view(replica: Replica): unknown {
  const contacts = CONTACTS.map((id) => {
    const state = replica.get(`contact:${id}`);

    return {
      id,
      live: liveContact(replica, id),
      fields: state ? valuesOf(state) : null,
      tags: state ? membersOf(state, 'tags') : null,
    };
  });

  const touches = [...replica.values()]
    .filter((state) => state.kind === 'touch')
    .map((state) => ({
      id: state.id,
      contact: liveContact(replica, state.contact!.value),
      record: state.record!.value,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));

  return { contacts, touches };
}

function serverReplica(log: readonly Change[]): Replica {
  const replica: Replica = new Map();

  for (const change of log) applyToReplica(replica, change);

  return replica;
}

describe('sync between three devices', () => {
  it('converges to one state and loses no touch, whatever the interleaving', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        const world = new World();

        for (const a of actions) world.run(a);
        world.settle();

        const expected = view(serverReplica(world.server.log));

        for (const d of world.devices) expect(view(d.replica)).toEqual(expected);

        const replica = world.devices[0]!.replica;

        for (const [touchId, contactId] of world.touches) {
          const live = liveContact(replica, contactId);

          // A touch goes only with a contact deleted for good; otherwise it is somewhere.
          if (live !== null) expect(replica.get(`touch:${touchId}`)?.record).toBeDefined();
        }

        expect(world.server.log.length).toBe(world.server.seen.size);
      }),
      { numRuns: 1_000 },
    );
  });

  it('ends in the same state when the log is applied in another order', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), fc.nat(), (actions, seed) => {
        const world = new World();

        for (const a of actions) world.run(a);
        world.settle();

        const shuffled = fc.sample(
          fc.shuffledSubarray(world.server.log, {
            minLength: world.server.log.length,
          }),
          { numRuns: 1, seed },
        )[0]!;

        expect(view(serverReplica(shuffled))).toEqual(view(serverReplica(world.server.log)));
      }),
      { numRuns: 300 },
    );
  });
});
