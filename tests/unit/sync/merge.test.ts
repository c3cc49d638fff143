import { describe, expect, it } from 'vitest';
import { applyChange, liveContact, membersOf, valuesOf } from '@/lib/sync/merge';
import type { EntityState, Replica } from '@/lib/sync/merge';
import { Change } from '@/lib/sync/protocol';
import type { Fields } from '@/lib/sync/protocol';

const T = 1_780_000_000_000;
let serial = 0;

function hlc(ms: number, device = 'laptop'): string {
  return `${T + ms}.000000.${device}`;
}

function base(ms: number, device: string) {
  serial += 1;

  return { id: `change-${serial}`, deviceId: device, hlc: hlc(ms, device) };
}

function set(id: string, fields: Fields, ms: number, device = 'laptop'): Change {
  return { ...base(ms, device), op: 'set', kind: 'contact', entityId: id, fields };
}

function tags(id: string, add: string[], remove: string[], ms: number, device = 'laptop'): Change {
  return {
    ...base(ms, device),
    op: 'members',
    kind: 'contact',
    entityId: id,
    field: 'tags',
    add,
    remove,
  };
}

function touch(id: string, contactId: string, ms: number, device = 'laptop'): Change {
  const record = { summary: `touch ${id}` };

  return { ...base(ms, device), op: 'append', kind: 'touch', entityId: id, contactId, record };
}

function remove(id: string, ms: number, into?: string, device = 'laptop'): Change {
  return {
    ...base(ms, device),
    op: 'delete',
    kind: 'contact',
    entityId: id,
    ...(into && { into }),
  };
}

function applyAll(changes: Change[], start?: EntityState): EntityState | undefined {
  return changes.reduce<EntityState | undefined>((state, c) => applyChange(state, c), start);
}

describe('merging a record field by field', () => {
  it('keeps the later value of each field, whatever order the changes arrive in', () => {
    const early = set('ada', { company: 'Old Co', title: 'CTO' }, 1, 'desktop');
    const late = set('ada', { company: 'New Co' }, 2, 'laptop');

    for (const order of [
      [early, late],
      [late, early],
    ]) {
      expect(valuesOf(applyAll(order)!)).toEqual({ company: 'New Co', title: 'CTO' });
    }
  });

  it('changes nothing when the same change is applied twice', () => {
    const change = set('ada', { company: 'Acme' }, 1);
    const once = applyAll([change]);

    expect(applyAll([change, change])).toEqual(once);
  });

  it('merges tags member by member, so concurrent adds on two devices both stay', () => {
    const state = applyAll([
      tags('ada', ['cfo-network'], [], 1, 'desktop'),
      tags('ada', ['fintech'], [], 1, 'laptop'),
      tags('ada', [], ['cfo-network'], 3, 'laptop'),
      tags('ada', ['cfo-network'], [], 2, 'desktop'),
    ])!;

    expect(membersOf(state, 'tags')).toEqual(['fintech']);
  });

  it('keeps a tag named like a built-in property as any other tag', () => {
    const state = applyAll([
      tags('ada', ['__proto__', 'constructor'], [], 1),
      tags('ada', [], ['constructor'], 2),
    ])!;

    expect(membersOf(state, 'tags')).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(state.members.tags)).toBe(Object.prototype);
  });

  it('refuses a change meant for another entity', () => {
    const state = applyAll([set('ada', { company: 'Acme' }, 1)]);

    expect(() => applyChange(state, set('grace', { company: 'Acme' }, 2))).toThrow(RangeError);
  });
});

describe('touches and other events', () => {
  it('are written once: a second append with the same id does not replace the first', () => {
    const first = touch('t1', 'ada', 1);
    const stray = { ...touch('t1', 'grace', 2), record: { summary: 'other' } };

    for (const order of [
      [first, stray],
      [stray, first],
    ]) {
      const state = applyAll(order)!;

      expect(state.record?.value).toEqual({ summary: 'touch t1' });
      expect(state.contact?.value).toBe('ada');
    }
  });
});

describe('deletes', () => {
  it('win over edits made before and after them, in any order', () => {
    const edits = [set('ada', { company: 'Acme' }, 1), set('ada', { title: 'CFO' }, 5)];
    const deleted = remove('ada', 3);

    const orders = [
      [...edits, deleted],
      [deleted, ...edits],
      [edits[0]!, deleted, edits[1]!],
    ];
    const states = orders.map((order) => applyAll(order));

    for (const state of states) {
      expect(state?.deleted).toBeDefined();
      expect(state?.fields).toEqual({});
    }
  });

  it('of a merged duplicate stay merges when another device deleted it outright', () => {
    const merged = remove('ada-2', 2, 'ada', 'laptop');
    const dropped = remove('ada-2', 3, undefined, 'desktop');

    for (const order of [
      [merged, dropped],
      [dropped, merged],
    ]) {
      expect(applyAll(order)?.deleted).toEqual({ value: { into: 'ada' }, hlc: merged.hlc });
    }
  });

  it('of a merged duplicate send its touches to the contact it was merged into', () => {
    const replica: Replica = new Map([
      ['contact:ada', applyAll([set('ada', { company: 'Acme' }, 1)])!],
      [
        'contact:ada-2',
        applyAll([set('ada-2', { company: 'Acme' }, 1), remove('ada-2', 2, 'ada')])!,
      ],
      ['contact:gone', applyAll([set('gone', { company: 'X' }, 1), remove('gone', 2)])!],
    ]);

    expect(liveContact(replica, 'ada-2')).toBe('ada');
    expect(liveContact(replica, 'ada')).toBe('ada');
    expect(liveContact(replica, 'gone')).toBeNull();
    expect(liveContact(replica, 'never-seen')).toBeNull();
  });
});

describe('the change schema', () => {
  it('accepts a change whose clock was made by its own device', () => {
    expect(Change.safeParse(set('ada', { company: 'Acme' }, 1)).success).toBe(true);
  });

  it('refuses a change whose clock names another device', () => {
    const forged = { ...set('ada', { company: 'Acme' }, 1), deviceId: 'desktop' };

    expect(Change.safeParse(forged).success).toBe(false);
  });

  it('refuses field names that are not plain identifiers', () => {
    const bad = set('ada', { __proto__x: 1, 'a.b': 2 } as Fields, 1);

    expect(Change.safeParse(bad).success).toBe(false);
  });
});
