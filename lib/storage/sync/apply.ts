import { observe } from '../../sync/hlc';
import { applyChange, entityKey, membersOf } from '../../sync/merge';
import type { EntityState } from '../../sync/merge';
import { RecordKind } from '../../sync/protocol';
import type { Change, Cursor, EntityKind, Fields } from '../../sync/protocol';
import { INDEX, META, touchesOf } from '../db';
import type { RapportDB } from '../db';
import { refreshContacts } from '../derived-fields';
import { inWriteTx } from '../tx';
import { SYNC_SCOPE } from './outbox';
import type { OutboxTx } from './outbox';
import { readSyncMeta } from './state';
import type { Shadow } from './state';
import { fieldsToWrite, tagsKept } from './joining';
import { STORE_OF, mergeFromWire, recordFromWire, storableTag } from './wire';

/** What one pull changed on this device. */
export interface Applied {
  /** Changes that changed something here (the others were this device's own, or known). */
  applied: number;
  /** False when sync was turned off meanwhile: the page was dropped. */
  syncing: boolean;
}

/**
 * Applies a page of changes read from the server and moves the cursor past them, in one
 * transaction: if the worker stops halfway, nothing of the page is applied and the next pull
 * reads it again. The writes here are not noted for the outbox: they are what the others
 * already agreed on.
 */
export async function applyPulled(
  db: RapportDB,
  changes: readonly Change[],
  cursor: Cursor,
): Promise<Applied> {
  return inWriteTx(
    db,
    SYNC_SCOPE,
    async (raw) => {
      const tx = raw as unknown as OutboxTx;
      const meta = await readSyncMeta(tx.objectStore('meta'));

      // Sync was turned off while the page was on its way: drop it.
      if (!meta) return { applied: 0, syncing: false };

      const applier = new Applier(tx, meta.joining === true);
      let clock = meta.clock;

      for (const change of changes) {
        clock = observe(clock, change.hlc, Date.now());
        await applier.apply(change);
      }

      await refreshContacts(tx, [...applier.contacts]);
      const seen = changes.at(-1)?.id ?? meta.seen;
      await tx
        .objectStore('meta')
        .put({ ...meta, clock, cursor, ...(seen && { seen }) }, META.sync);

      return { applied: applier.applied, syncing: true };
    },
    { noting: false },
  );
}

class Applier {
  applied = 0;
  /** Local ids of the contacts whose records or touches changed: their derived fields follow. */
  readonly contacts = new Set<string>();
  /** By shadow key, the values a record just stored kept in place of the others'. */
  private readonly held = new Map<string, Fields>();

  /**
   * @param joining this device is joining the workspace: a record it held before keeps what it
   *   changed after the others last did (see `fieldsToWrite`).
   */
  constructor(
    private readonly tx: OutboxTx,
    private readonly joining: boolean,
  ) {}

  async apply(change: Change): Promise<void> {
    const shadows = this.tx.objectStore('syncShadow');
    const known = await shadows
      .index(INDEX.shadowByWire)
      .get(entityKey(change.kind, change.entityId));
    const shadow = known ?? (await this.withSince(await this.newShadow(change)));
    const state = applyChange(shadow.state, change);

    // This device's own change coming back, or one applied before.
    if (known && JSON.stringify(state) === JSON.stringify(known.state)) return;

    await this.store({ ...shadow, state });
    this.applied += 1;

    if (known && mergedAfterAll(known.state, state)) await this.handOver(localIdOf(shadow));
  }

  /**
   * A contact deleted here turned out to have been merged into another on some device: its
   * touches, history and next steps, deleted here with it, belong to that one. Their shadows
   * are still here; they are found by going through all of them, which only such a rare turn
   * costs.
   */
  private async handOver(localId: string): Promise<void> {
    const found: Shadow[] = [];
    let cursor = await this.tx.objectStore('syncShadow').openCursor();

    while (cursor) {
      if (cursor.value.parent === localId && !cursor.value.key.startsWith('contact:')) {
        found.push(cursor.value);
      }
      cursor = await cursor.continue();
    }

    for (const shadow of found) await this.store(shadow);
  }

  /** Writes the record a shadow stands for, then the shadow, noting what it still waits for. */
  private async store(shadow: Shadow): Promise<void> {
    const { pending: _, held: heldBefore, ...rest } = shadow;
    const { state } = shadow;

    this.held.delete(shadow.key);
    const since = this.joining ? shadow.since : undefined;
    const parent = await this.materialize(state.kind, localIdOf(shadow), state, since);
    const waitsFor = parent === undefined && !state.deleted ? state.contact?.value : undefined;
    const held = this.held.has(shadow.key) ? this.held.get(shadow.key) : heldBefore;

    await this.tx.objectStore('syncShadow').put({
      ...rest,
      ...(parent !== undefined && { parent }),
      ...(waitsFor !== undefined && { pending: waitsFor }),
      ...(held && Object.keys(held).length > 0 && { held }),
    });
  }

  /**
   * The record to store. A field whose value cannot be stored here as it came keeps the value
   * here, which the record's shadow then holds (see `Shadow.held`).
   */
  private fromWire<K extends 'contact' | 'nextStep' | 'template'>(
    kind: K,
    base: Record<string, unknown>,
    fields: Fields,
  ): ReturnType<typeof recordFromWire<K>> {
    const merged = mergeFromWire(kind, base, fields);
    if (merged) this.held.set(entityKey(kind, String(base.id)), merged.held);

    return merged?.record ?? null;
  }

  /** Touches and next steps that arrived before their contact: stored now that it is here. */
  private async adoptWaiting(wireId: string): Promise<void> {
    const index = this.tx.objectStore('syncShadow').index(INDEX.shadowByPending);

    for (const shadow of await index.getAll(wireId)) await this.store(shadow);
  }

  /**
   * While joining, a new shadow for a record this device already held notes when the record
   * was last edited here, before anything of the others' is written over it.
   */
  private async withSince(shadow: Shadow): Promise<Shadow> {
    const kind = shadow.state.kind;

    // Events are written once: only records are edited.
    if (!this.joining || !RecordKind.safeParse(kind).success) return shadow;

    const held = (await this.tx.objectStore(STORE_OF[kind]).get(localIdOf(shadow))) as
      { updatedAt?: string } | undefined;

    return held?.updatedAt ? { ...shadow, since: held.updatedAt } : shadow;
  }

  private async newShadow(change: Change): Promise<Shadow> {
    const { kind, entityId: wireId } = change;
    const localId = kind === 'contact' ? await this.newContactId(change) : wireId;

    return {
      key: entityKey(kind, localId),
      wire: entityKey(kind, wireId),
      state: { kind, id: wireId, fields: {}, members: {} },
    };
  }

  /**
   * The same person saved on this device before it synced is the same contact. Otherwise the
   * contact gets the id its first device gave it, when it is free here, so that every device
   * knows it by the same id.
   */
  private async newContactId(change: Change): Promise<string> {
    const contacts = this.tx.objectStore('contacts');
    const key = change.op === 'set' ? change.fields.key : undefined;
    const saved = await contacts
      .index(INDEX.contactByKey)
      .getKey(typeof key === 'string' ? key : change.entityId);
    const shadows = this.tx.objectStore('syncShadow');

    // Unless it syncs already as another record: the person saved again after a delete.
    if (saved !== undefined && !(await shadows.get(entityKey('contact', saved)))) return saved;

    const origin = change.op === 'set' ? change.fields.id : undefined;
    const free =
      typeof origin === 'string' &&
      origin.length > 0 &&
      (await contacts.getKey(origin)) === undefined &&
      (await this.tx.objectStore('syncShadow').get(entityKey('contact', origin))) === undefined;

    return free ? origin : crypto.randomUUID();
  }

  /** Writes the record `state` stands for; returns the local id of its contact, if it has one. */
  private async materialize(
    kind: EntityKind,
    localId: string,
    state: EntityState,
    since: string | undefined,
  ): Promise<string | undefined> {
    switch (kind) {
      case 'contact':
        await (state.deleted
          ? this.deleteContact(localId, state)
          : this.putContact(localId, state, since));
        return undefined;
      case 'touch':
      case 'fieldChange':
        return this.putEvent(kind, localId, state);
      case 'nextStep':
        return this.putStep(localId, state, since);
      case 'template':
        await this.putTemplate(localId, state, since);
        return undefined;
    }
  }

  private async putContact(
    localId: string,
    state: EntityState,
    since: string | undefined,
  ): Promise<void> {
    const contacts = this.tx.objectStore('contacts');
    const existing = await contacts.get(localId);
    const fields = fieldsToWrite(state, since);

    // A private note stays as the rep wrote it here.
    if (existing?.notesPrivate) delete fields.notes;

    const kept = existing ? tagsKept(existing, state, since) : [];
    const tags = [...new Set([...membersOf(state, 'tags').filter(storableTag), ...kept])];
    const base = { ...(existing ?? { id: localId }), tags };
    const record = this.fromWire('contact', base, fields);

    // Not all of its fields have arrived yet: the shadow keeps what did.
    if (record === null) return;

    // Two devices saved the person again after a delete, each as a record of its own: this one
    // shows its own, and the shadow keeps the other's.
    if (!existing && (await this.keyTaken(record.key, localId))) return;

    await contacts.put(record);
    this.contacts.add(localId);

    if (!existing) await this.adoptWaiting(state.id);
  }

  private async keyTaken(key: string, localId: string): Promise<boolean> {
    const holder = await this.tx.objectStore('contacts').index(INDEX.contactByKey).getKey(key);

    return holder !== undefined && holder !== localId;
  }

  /**
   * A contact deleted on another device goes here too, with its touches, next steps and
   * history; one merged into another hands them over instead.
   */
  private async deleteContact(localId: string, state: EntityState): Promise<void> {
    const into = state.deleted?.value.into;
    const target = into === undefined ? null : await this.localContact(into);
    const touches = this.tx.objectStore('touches');
    const steps = this.tx.objectStore('nextSteps');
    const history = this.tx.objectStore('fieldChanges');

    const ownTouches = await touches.index(INDEX.touchByContactAt).getAll(touchesOf(localId));
    const ownSteps = await steps.index(INDEX.stepByContact).getAll(localId);
    const ownHistory = await history.index(INDEX.fieldChangeByContactAt).getAll(touchesOf(localId));

    for (const touch of ownTouches) {
      await (target ? touches.put({ ...touch, contactId: target }) : touches.delete(touch.id));
    }
    for (const step of ownSteps) {
      await (target ? steps.put({ ...step, contactId: target }) : steps.delete(step.id));
    }
    for (const entry of ownHistory) {
      await (target ? history.put({ ...entry, contactId: target }) : history.delete(entry.id));
    }

    await this.tx.objectStore('contacts').delete(localId);
    if (target) this.contacts.add(target);
  }

  private async putEvent(
    kind: 'touch' | 'fieldChange',
    localId: string,
    state: EntityState,
  ): Promise<string | undefined> {
    if (!state.record || !state.contact) return undefined;

    const parent = await this.localContact(state.contact.value);

    // Its contact is gone for good, or has not arrived: the shadow keeps it.
    if (parent === null) return undefined;

    const base = { id: localId, contactId: parent };

    if (kind === 'touch') {
      const touch = recordFromWire('touch', base, state.record.value);

      // The same message logged on two devices before they synced is one touch.
      if (!touch || (touch.ref && (await this.hasRef(touch.ref, localId)))) return parent;

      const supersedes = touch.supersedes && (await this.sameTouch(touch.supersedes));
      await this.tx.objectStore('touches').put({ ...touch, supersedes });
    } else {
      const entry = recordFromWire('fieldChange', base, state.record.value);
      if (entry) await this.tx.objectStore('fieldChanges').put(entry);
    }

    this.contacts.add(parent);
    return parent;
  }

  /**
   * The touch here that stands for touch `id` of another device: itself or, when that one was
   * the same message as one logged here and so was not stored, the one logged here. A
   * correction of either then crosses out the one this device shows.
   */
  private async sameTouch(id: string): Promise<string> {
    const touches = this.tx.objectStore('touches');

    if ((await touches.getKey(id)) !== undefined) return id;

    const shadow = await this.tx.objectStore('syncShadow').get(entityKey('touch', id));
    const ref = shadow?.state.record?.value.ref;

    if (typeof ref !== 'string') return id;

    return (await touches.index(INDEX.touchByRef).getKey(ref)) ?? id;
  }

  private async hasRef(ref: string, localId: string): Promise<boolean> {
    const found = await this.tx.objectStore('touches').index(INDEX.touchByRef).getKey(ref);

    return found !== undefined && found !== localId;
  }

  private async putStep(
    localId: string,
    state: EntityState,
    since: string | undefined,
  ): Promise<string | undefined> {
    const steps = this.tx.objectStore('nextSteps');

    if (state.deleted) {
      await steps.delete(localId);
      return undefined;
    }

    const parent = state.contact ? await this.localContact(state.contact.value) : null;

    if (parent === null) return undefined;

    const existing = await steps.get(localId);
    const step = this.fromWire(
      'nextStep',
      { ...existing, id: localId, contactId: parent },
      fieldsToWrite(state, since),
    );

    if (!step) return parent;

    const { openDue: _, ...rest } = step;
    await steps.put(step.state === 'done' ? rest : { ...rest, openDue: step.due });

    return parent;
  }

  private async putTemplate(
    localId: string,
    state: EntityState,
    since: string | undefined,
  ): Promise<void> {
    const templates = this.tx.objectStore('templates');

    if (state.deleted) {
      await templates.delete(localId);
      return;
    }

    const existing = await templates.get(localId);
    const template = this.fromWire(
      'template',
      { ...existing, id: localId },
      fieldsToWrite(state, since),
    );

    if (template) await templates.put(template);
  }

  /**
   * The local id of the live contact a wire id stands for now, following merges; null when it
   * was deleted or has not arrived.
   */
  private async localContact(wireId: string): Promise<string | null> {
    const shadows = this.tx.objectStore('syncShadow').index(INDEX.shadowByWire);
    let id = wireId;

    for (let hop = 0; hop < 100; hop += 1) {
      const shadow = await shadows.get(entityKey('contact', id));

      if (!shadow) {
        const key = await this.tx.objectStore('contacts').index(INDEX.contactByKey).getKey(id);
        return key ?? null;
      }

      const into = shadow.state.deleted?.value.into;

      if (!shadow.state.deleted) {
        const localId = localIdOf(shadow);
        return (await this.tx.objectStore('contacts').getKey(localId)) ? localId : null;
      }

      if (into === undefined) return null;

      id = into;
    }

    return null;
  }
}

/** Whether a contact known here as deleted outright is now known as merged into another. */
function mergedAfterAll(before: EntityState, after: EntityState): boolean {
  return (
    before.kind === 'contact' &&
    before.deleted !== undefined &&
    before.deleted.value.into === undefined &&
    after.deleted?.value.into !== undefined
  );
}

function localIdOf(shadow: Shadow): string {
  return shadow.key.slice(shadow.key.indexOf(':') + 1);
}
