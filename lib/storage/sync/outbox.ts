import { tick } from '../../sync/hlc';
import type { Clock } from '../../sync/hlc';
import { applyChange, entityKey, membersOf, valuesOf } from '../../sync/merge';
import type { EntityState } from '../../sync/merge';
import { MAX_MEMBERS } from '../../sync/protocol';
import type { Change, ChangeBody, EntityKind, Fields } from '../../sync/protocol';
import type { Contact } from '../../model/contact';
import { INDEX, META } from '../db';
import type { WriteTx } from '../tx';
import {
  STORE_OF,
  SYNCED_STORES,
  changedFields,
  publicTags,
  stillHeld,
  storableTag,
  wireFields,
  withoutHeld,
} from './wire';
import type { SyncedStore } from './wire';
import { readSyncMeta } from './state';
import type { Shadow } from './state';
import type { Written } from './noting';

/**
 * Local changes go to the outbox in the transaction that makes them, so a change is never
 * stored without being queued, nor queued without being stored, whenever the worker stops.
 *
 * Rather than each write saying what it changed, the transaction notes which records it wrote;
 * before it commits, each is compared with its shadow (what the devices last agreed on) and
 * the difference becomes changes. Writes that change no synced field queue nothing.
 */
export type OutboxTx = WriteTx<SyncedStore | 'outbox' | 'syncShadow' | 'meta'>;

/** The stores a transaction that writes synced records also needs. */
export const SYNC_STORES = ['outbox', 'syncShadow', 'meta'] as const;

/** Every store a sync transaction that reads or writes all synced records needs. */
export const SYNC_SCOPE = [...(Object.keys(SYNCED_STORES) as SyncedStore[]), ...SYNC_STORES];

/**
 * Turns what the transaction wrote into changes in the outbox, when sync is on. The order is
 * the order others apply them in: contacts first, so a new contact arrives before its touches;
 * deleted contacts last, so that one deleted as a duplicate is known to have been merged into
 * the contact its touches moved to.
 */
export async function queueLocalChanges(tx: OutboxTx, written: readonly Written[]): Promise<void> {
  const meta = await readSyncMeta(tx.objectStore('meta'));

  // While joining, nothing is compared yet: the end of joining compares every record.
  if (!meta || meta.joining) return;

  const queue = new Queue(tx, meta.clock);
  const unique = uniqueWrites(written);
  const deletedContacts: string[] = [];

  for (const w of unique.filter((w) => w.store === 'contacts')) {
    if (!(await queue.compare('contact', w.key, { deferDeleted: true }))) {
      deletedContacts.push(w.key);
    }
  }

  const deletedSteps: string[] = [];

  for (const w of unique) {
    if (w.store === 'contacts') continue;

    const deferDeleted = w.store === 'nextSteps';
    const done = await queue.compare(SYNCED_STORES[w.store], w.key, { deferDeleted });
    if (!done) deletedSteps.push(w.key);
  }

  // Once it is known which contacts were merged: see `Queue.stepDeleted`.
  for (const id of deletedSteps) await queue.stepDeleted(id);

  for (const id of deletedContacts) await queue.compare('contact', id);

  if (queue.count > 0) {
    await tx.objectStore('meta').put({ ...meta, clock: queue.clock }, META.sync);
  }
}

function uniqueWrites(written: readonly Written[]): Written[] {
  const seen = new Map(written.map((w) => [`${w.store}:${w.key}`, w]));

  return [...seen.values()];
}

class Queue {
  count = 0;
  /** Contacts whose touches moved to another contact in this transaction: merged into it. */
  private readonly movedTo = new Map<string, string>();

  constructor(
    private readonly tx: OutboxTx,
    public clock: Clock,
  ) {}

  /**
   * Queues what changed in one written record. Returns false, having done nothing, when the
   * record is gone and `deferDeleted` asks for deletes to wait.
   */
  async compare(
    kind: EntityKind,
    id: string,
    { deferDeleted = false }: { deferDeleted?: boolean } = {},
  ): Promise<boolean> {
    const [record, shadow] = await Promise.all([
      this.tx.objectStore(STORE_OF[kind]).get(id) as Promise<Record<string, unknown> | undefined>,
      this.tx.objectStore('syncShadow').get(entityKey(kind, id)),
    ]);

    if (record === undefined) {
      if (!deferDeleted) await this.deleted(kind, id, shadow);
      return !deferDeleted;
    }

    await this.written(kind, record, shadow);
    return true;
  }

  private async written(
    kind: EntityKind,
    record: Record<string, unknown>,
    shadow: Shadow | undefined,
  ): Promise<void> {
    if (kind === 'contact') return this.contact(record as Contact, shadow);

    const parent = typeof record.contactId === 'string' ? record.contactId : undefined;

    if (kind === 'touch' || kind === 'fieldChange') return this.event(kind, record, parent, shadow);

    return this.record(kind, record, parent, shadow);
  }

  private async contact(contact: Contact, shadow: Shadow | undefined): Promise<void> {
    const next = shadow ?? newShadow('contact', contact.id, await this.newWireId(contact));

    // A contact deleted and then seen again (an undone merge) stays as it is on the others.
    if (next.state.deleted) return;

    const local = wireFields('contact', contact);
    const fields = withoutHeld(changedFields(valuesOf(next.state), local), next.held);
    const state = await this.emit(next, [
      ...(Object.keys(fields).length > 0 ? [setBody('contact', next, fields)] : []),
      ...tagChanges(next, publicTags(contact), contact.privateTags ?? []),
    ]);

    if (state !== next.state || !shadow) await this.save(withHeld({ ...next, state }, local));
  }

  private async record(
    kind: 'nextStep' | 'template',
    record: Record<string, unknown>,
    parent: string | undefined,
    shadow: Shadow | undefined,
  ): Promise<void> {
    const next = shadow ?? newShadow(kind, String(record.id), String(record.id));

    if (next.state.deleted) return;

    const local = wireFields(kind, record);
    const fields = withoutHeld(changedFields(valuesOf(next.state), local), next.held);
    const contactId = parent === undefined ? undefined : await this.wireContact(parent);
    const moved = contactId !== undefined && next.state.contact?.value !== contactId;
    const bodies: ChangeBody[] =
      Object.keys(fields).length > 0 || moved
        ? [{ ...setBody(kind, next, fields), ...(contactId !== undefined && { contactId }) }]
        : [];

    const state = await this.emit(next, bodies);

    if (state !== next.state || !shadow || parent !== next.parent) {
      await this.save(withHeld({ ...next, state, ...(parent !== undefined && { parent }) }, local));
    }
  }

  /** Touches and history entries go once; moving one to another contact is a merge. */
  private async event(
    kind: 'touch' | 'fieldChange',
    record: Record<string, unknown>,
    parent: string | undefined,
    shadow: Shadow | undefined,
  ): Promise<void> {
    if (parent === undefined) return;

    if (shadow) {
      if (shadow.parent !== undefined && shadow.parent !== parent) {
        this.movedTo.set(shadow.parent, parent);
        await this.save({ ...shadow, parent });
      }
      return;
    }

    const id = String(record.id);
    const next = newShadow(kind, id, id);
    const contactId = await this.wireContact(parent);
    const body: ChangeBody = {
      op: 'append',
      kind,
      entityId: id,
      contactId,
      record: wireFields(kind, record),
    };

    await this.save({ ...next, parent, state: await this.emit(next, [body]) });
  }

  /**
   * A next step deleted with its contact goes with the contact's delete, not one of its own: a
   * delete is final, and should the contact turn out to have been merged into another on some
   * device, the step belongs to that one. A step deleted any other way is deleted.
   */
  async stepDeleted(id: string): Promise<void> {
    const shadow = await this.tx.objectStore('syncShadow').get(entityKey('nextStep', id));
    const parent = shadow?.parent;
    const withContact =
      parent !== undefined &&
      !this.movedTo.has(parent) &&
      (await this.tx.objectStore('contacts').getKey(parent)) === undefined;

    if (!withContact) await this.deleted('nextStep', id, shadow);
  }

  private async deleted(kind: EntityKind, id: string, shadow: Shadow | undefined): Promise<void> {
    // Events go with their contact; a record never synced has nothing to tell the others.
    if (kind === 'touch' || kind === 'fieldChange' || !shadow || shadow.state.deleted) return;

    const into = kind === 'contact' ? this.movedTo.get(id) : undefined;
    const intoWire = into === undefined ? undefined : await this.wireContact(into);
    const body: ChangeBody = {
      op: 'delete',
      kind,
      entityId: shadow.state.id,
      ...(intoWire !== undefined && { into: intoWire }),
    };

    await this.save({ ...shadow, state: await this.emit(shadow, [body]) });
  }

  /**
   * The id a contact never synced travels under: its key, unless a contact with that key was
   * deleted for good; a person saved again after that is a new record, told apart by its id.
   */
  private async newWireId(contact: Contact): Promise<string> {
    const shadows = this.tx.objectStore('syncShadow').index(INDEX.shadowByWire);
    const taken = await shadows.getKey(entityKey('contact', contact.key));

    return taken === undefined ? contact.key : `${contact.key.slice(0, 160)}~${contact.id}`;
  }

  /** The key a contact travels under, from its shadow or, never synced yet, its record. */
  private async wireContact(localId: string): Promise<string> {
    const shadow = await this.tx.objectStore('syncShadow').get(entityKey('contact', localId));

    if (shadow) return shadow.state.id;

    const contact = await this.tx.objectStore('contacts').get(localId);

    return contact?.key ?? localId;
  }

  private async emit(shadow: Shadow, bodies: readonly ChangeBody[]): Promise<EntityState> {
    let state = shadow.state;

    for (const body of bodies) {
      const stamped = tick(this.clock, Date.now());
      const change = {
        ...body,
        id: crypto.randomUUID(),
        deviceId: this.clock.deviceId,
        hlc: stamped.hlc,
      } as Change;

      this.clock = stamped.clock;
      this.count += 1;
      state = applyChange(state, change);
      await this.tx.objectStore('outbox').add({ change });
    }

    return state;
  }

  private async save(shadow: Shadow): Promise<void> {
    await this.tx.objectStore('syncShadow').put(shadow);
  }
}

/** The shadow, holding only the kept values that the record still has. */
function withHeld(shadow: Shadow, local: Fields): Shadow {
  const { held: _, ...rest } = shadow;
  const held = stillHeld(shadow.held, local);

  return held ? { ...rest, held } : rest;
}

function newShadow(kind: EntityKind, localId: string, wireId: string): Shadow {
  return {
    key: entityKey(kind, localId),
    wire: entityKey(kind, wireId),
    state: { kind, id: wireId, fields: {}, members: {} },
  };
}

function setBody(
  kind: 'contact' | 'nextStep' | 'template',
  shadow: Shadow,
  fields: Fields,
): ChangeBody {
  return { op: 'set', kind, entityId: shadow.state.id, fields };
}

/**
 * The tags added and removed since the shadow, in changes of at most `MAX_MEMBERS` members
 * each, the most one change may carry: a contact imported with thousands of tags still syncs.
 */
function tagChanges(
  shadow: Shadow,
  tags: readonly string[],
  privateTags: readonly string[],
): ChangeBody[] {
  // A tag from another device that this one cannot hold, or holds as private, was never taken
  // away here.
  const kept = new Set(privateTags);
  const before = new Set(
    membersOf(shadow.state, 'tags').filter((tag) => storableTag(tag) && !kept.has(tag)),
  );
  const now = new Set(tags);
  const add = tags.filter((tag) => !before.has(tag));
  const remove = [...before].filter((tag) => !now.has(tag));
  const bodies: ChangeBody[] = [];

  for (let start = 0; start < Math.max(add.length, remove.length); start += MAX_MEMBERS) {
    bodies.push({
      op: 'members',
      kind: 'contact',
      entityId: shadow.state.id,
      field: 'tags',
      add: add.slice(start, start + MAX_MEMBERS),
      remove: remove.slice(start, start + MAX_MEMBERS),
    });
  }

  return bodies;
}
