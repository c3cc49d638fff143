import { compareHlc } from './hlc';
import type { Hlc } from './hlc';
import type { Change, EntityKind, FieldValue, Fields } from './protocol';

/**
 * The merge rules, the same on every device and on the server. Applying the same changes in
 * any order, any number of times, ends in the same state:
 * - a record's fields merge one by one, the value with the later clock wins;
 * - set-valued fields (tags) merge member by member: the later add or remove of each wins;
 * - events (touches, history) are written once and always kept;
 * - a delete is final: it wins over every edit of the record, older or concurrent, so a person
 *   deleted on one device never comes back from another that had not heard of it yet. The
 *   events and next steps of a deleted contact go with it, unless it was merged into another
 *   contact (`into`): then they belong to that one.
 */
export interface Stamped<T> {
  value: T;
  hlc: Hlc;
}

export interface EntityState {
  kind: EntityKind;
  id: string;
  /** The contact a next step or an event belongs to. */
  contact?: Stamped<string>;
  fields: Record<string, Stamped<FieldValue>>;
  /** Per set-valued field, per member: whether it is in, as of the latest add or remove. */
  members: Record<string, Record<string, Stamped<boolean>>>;
  /** An event's content, with the clock of the append that wrote it. */
  record?: Stamped<Fields>;
  deleted?: Stamped<{ into?: string }>;
}

/** The key of a record or event in a replica: kinds have separate id spaces. */
export function entityKey(kind: EntityKind, id: string): string {
  return `${kind}:${id}`;
}

/**
 * The state after `change`; `state` is the entity's state before it, or undefined for one
 * never seen. Never mutates `state`.
 */
export function applyChange(state: EntityState | undefined, change: Change): EntityState {
  const current = state ?? emptyState(change.kind, change.entityId);

  if (current.kind !== change.kind || current.id !== change.entityId) {
    throw new RangeError(`A ${change.kind} change cannot apply to ${current.kind} ${current.id}.`);
  }

  switch (change.op) {
    case 'set':
      return setFields(current, change.fields, change.hlc, change.contactId);
    case 'members':
      return setMembers(current, change.field, change.add, change.remove, change.hlc);
    case 'append':
      return append(current, change.record, change.contactId, change.hlc);
    case 'delete':
      return remove(current, change.hlc, change.into);
  }
}

function emptyState(kind: EntityKind, id: string): EntityState {
  return { kind, id, fields: {}, members: {} };
}

function setFields(
  state: EntityState,
  fields: Fields,
  hlc: Hlc,
  contactId: string | undefined,
): EntityState {
  if (state.deleted) return state;

  const next = { ...state.fields };

  for (const [name, value] of Object.entries(fields)) {
    own(next, name, later(ownValue(next, name), { value, hlc }));
  }

  const contact = contactId === undefined ? state.contact : later(state.contact, stamp(contactId));

  return { ...state, fields: next, ...(contact && { contact }) };

  function stamp(value: string): Stamped<string> {
    return { value, hlc };
  }
}

function setMembers(
  state: EntityState,
  field: string,
  add: readonly string[],
  remove: readonly string[],
  hlc: Hlc,
): EntityState {
  if (state.deleted) return state;

  const members = { ...ownValue(state.members, field) };

  const mark = (member: string, value: boolean): void => {
    own(members, member, later(ownValue(members, member), { value, hlc }));
  };

  // Within one change a member both added and removed ends up removed.
  for (const member of add) mark(member, true);
  for (const member of remove) mark(member, false);

  return { ...state, members: { ...state.members, [field]: members } };
}

function append(state: EntityState, record: Fields, contactId: string, hlc: Hlc): EntityState {
  // The same event pushed twice carries the same clock; keeping the earliest makes a stray
  // second write with the same id lose the same way everywhere.
  if (state.record && compareHlc(state.record.hlc, hlc) <= 0) return state;

  return { ...state, record: { value: record, hlc }, contact: { value: contactId, hlc } };
}

function remove(state: EntityState, hlc: Hlc, into: string | undefined): EntityState {
  const deleted = laterDelete(state.deleted, { value: into === undefined ? {} : { into }, hlc });

  // What a deleted record held is gone for good; only the tombstone stays.
  return { kind: state.kind, id: state.id, fields: {}, members: {}, deleted };
}

/**
 * Of two deletes of one record, one that merged it into another wins, then the later: a
 * duplicate merged on one device and deleted outright on another was still merged, and its
 * touches stay with the contact it was merged into, on every device.
 */
function laterDelete(
  current: Stamped<{ into?: string }> | undefined,
  incoming: Stamped<{ into?: string }>,
): Stamped<{ into?: string }> {
  if (current === undefined) return incoming;

  const merged = (stamped: Stamped<{ into?: string }>): boolean => stamped.value.into !== undefined;

  if (merged(current) !== merged(incoming)) return merged(incoming) ? incoming : current;

  return later(current, incoming);
}

/**
 * Sets `object[key]` as its own property: a plain assignment of a tag named "__proto__" would
 * set the object's prototype instead, and the tag would be lost. Tags and field names come from
 * the reps, so any name may turn up.
 */
function own<T>(object: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** `object[key]` when the object has it as its own, not from its prototype. */
function ownValue<T>(object: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The later of two stamped values; ties keep the one there already (it is the same change). */
function later<T>(current: Stamped<T> | undefined, incoming: Stamped<T>): Stamped<T> {
  if (current === undefined) return incoming;

  return compareHlc(incoming.hlc, current.hlc) > 0 ? incoming : current;
}

/**
 * The state with every value stamped `from` stamped `to` instead: for a change that had to be
 * dated again before any other device saw it.
 */
export function restamped(state: EntityState, from: Hlc, to: Hlc): EntityState {
  const swap = <T>(stamped: Stamped<T>): Stamped<T> =>
    stamped.hlc === from ? { ...stamped, hlc: to } : stamped;
  const swapAll = <T>(all: Record<string, Stamped<T>>): Record<string, Stamped<T>> =>
    Object.fromEntries(Object.entries(all).map(([name, stamped]) => [name, swap(stamped)]));

  return {
    ...state,
    fields: swapAll(state.fields),
    members: Object.fromEntries(
      Object.entries(state.members).map(([field, members]) => [field, swapAll(members)]),
    ),
    ...(state.contact && { contact: swap(state.contact) }),
    ...(state.record && { record: swap(state.record) }),
    ...(state.deleted && { deleted: swap(state.deleted) }),
  };
}

/** A replica: every entity a device or the server knows, by `entityKey`. */
export type Replica = Map<string, EntityState>;

export function applyToReplica(replica: Replica, change: Change): EntityState {
  const key = entityKey(change.kind, change.entityId);
  const next = applyChange(replica.get(key), change);
  replica.set(key, next);

  return next;
}

/** The members of a set-valued field that are in, sorted. */
export function membersOf(state: EntityState, field: string): string[] {
  const members = ownValue(state.members, field) ?? {};

  return Object.keys(members)
    .filter((member) => members[member]?.value === true)
    .sort();
}

/** A record's fields as plain values. */
export function valuesOf(state: EntityState): Fields {
  return Object.fromEntries(Object.entries(state.fields).map(([name, f]) => [name, f.value]));
}

/**
 * The live contact that `contactId` stands for now: itself, or the contact it was merged into
 * (following merges of merges), or null when it was deleted or is not known yet.
 */
export function liveContact(replica: Replica, contactId: string): string | null {
  let id = contactId;

  // A merge chain is short; the bound only guards against a cycle made by bad data.
  for (let hop = 0; hop < 100; hop += 1) {
    const state = replica.get(entityKey('contact', id));

    if (state === undefined) return null;
    if (!state.deleted) return Object.keys(state.fields).length > 0 ? id : null;

    const into = state.deleted.value.into;

    if (into === undefined) return null;

    id = into;
  }

  return null;
}
