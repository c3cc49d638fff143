import type { z } from 'zod';
import { Contact } from '../../model/contact';
import { FieldChangeRecord } from '../../model/field-change';
import { NextStep } from '../../model/next-step';
import { Template } from '../../model/template';
import { Touch } from '../../model/touch';
import type { Fields, FieldValue } from '../../sync/protocol';
import type { EntityKind } from '../../sync/protocol';

/**
 * How each kind of stored record travels: which store holds it, and which of its fields stay on
 * this device. Fields are listed by what stays rather than by what goes, so that a field added
 * to a record later syncs without anyone remembering to list it.
 *
 * What stays: ids (a contact travels under its key, the others under ids that are unique
 * everywhere; a contact's own id goes along so that a device that first hears of it can give
 * it the same one), the contact a record belongs to (sent apart, by key),
 * fields worked out from the touches and settings on each device, and what the rep marked
 * private.
 */
export const SYNCED_STORES = {
  contacts: 'contact',
  touches: 'touch',
  nextSteps: 'nextStep',
  templates: 'template',
  fieldChanges: 'fieldChange',
} as const satisfies Record<string, EntityKind>;
export type SyncedStore = keyof typeof SYNCED_STORES;

/** The store that holds each kind. */
export const STORE_OF = Object.fromEntries(
  Object.entries(SYNCED_STORES).map(([store, kind]) => [kind, store]),
) as Record<EntityKind, SyncedStore>;

export function isSyncedStore(store: string): store is SyncedStore {
  return Object.hasOwn(SYNCED_STORES, store);
}

const STAYS: Record<EntityKind, readonly string[]> = {
  contact: [
    'tags',
    'privateTags',
    'notesPrivate',
    'awaitingReplySince',
    'lastTouchAt',
    'cadenceDays',
    'touchDueAt',
  ],
  touch: ['id', 'contactId'],
  nextStep: ['id', 'contactId', 'openDue'],
  template: ['id'],
  fieldChange: ['id', 'contactId'],
};

const SCHEMAS = {
  contact: Contact,
  touch: Touch,
  nextStep: NextStep,
  template: Template,
  fieldChange: FieldChangeRecord,
} satisfies Record<EntityKind, z.ZodObject>;

/**
 * The fields of a record as they go on the wire. A field the record does not have goes as null,
 * so that clearing an optional field on one device clears it on the others.
 */
export function wireFields(kind: EntityKind, record: Record<string, unknown>): Fields {
  const fields: Fields = {};

  for (const name of Object.keys(SCHEMAS[kind].shape)) {
    if (STAYS[kind].includes(name)) continue;
    fields[name] = storable((record[name] ?? null) as FieldValue);
  }

  if (kind === 'contact' && record.notesPrivate === true) delete fields.notes;

  return fields;
}

const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The value with every NUL and half of a surrogate pair (text cut mid-emoji) made a
 * replacement character: PostgreSQL cannot store them, and a server that refuses one change
 * refuses the whole push, so one such note would hold back every change after it.
 */
function storable(value: FieldValue): FieldValue {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD');
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storable(v)]));
  }

  return value;
}

/** The tags of a contact that may leave this device. */
export function publicTags(contact: Contact): string[] {
  const kept = new Set(contact.privateTags ?? []);

  return contact.tags.filter((tag) => !kept.has(tag)).map((tag) => storable(tag) as string);
}

/** The fields of `next` that `before` does not have, or has with another value. */
export function changedFields(before: Fields, next: Fields): Fields {
  const changed: Fields = {};

  for (const [name, value] of Object.entries(next)) {
    if (!Object.hasOwn(before, name) || !sameValue(before[name], value)) changed[name] = value;
  }

  return changed;
}

/** Equal as JSON, whatever order an object's keys were written in. */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(value: FieldValue): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/**
 * A stored record built from what the wire says, over what this device had (its private
 * fields and those only it works out stay). A null for a field the record may leave out leaves
 * it out. Returns null while the fields do not yet make a valid record, as when a change of
 * one field arrives for a record this device has never seen whole.
 */
export function recordFromWire<K extends EntityKind>(
  kind: K,
  base: Record<string, unknown>,
  fields: Fields,
): z.infer<(typeof SCHEMAS)[K]> | null {
  const schema = SCHEMAS[kind];
  const record: Record<string, unknown> = { ...base };

  for (const [name, value] of Object.entries(fields)) {
    if (name === 'id' || STAYS[kind].includes(name) || !Object.hasOwn(schema.shape, name)) continue;

    if (value === null && !acceptsNull(schema, name)) delete record[name];
    else record[name] = value;
  }

  const parsed = schema.safeParse(record);

  return parsed.success ? (parsed.data as z.infer<(typeof SCHEMAS)[K]>) : null;
}

/**
 * `recordFromWire`, where a field whose value cannot be stored here as it came keeps the value
 * here instead of holding back the whole record. Returns the record and, by field, the values
 * it holds in place of the others': those refused, those stored in part (an object with keys
 * a newer Rapport added), and ids that differ on each device.
 */
export function mergeFromWire<K extends EntityKind>(
  kind: K,
  existing: Record<string, unknown>,
  fields: Fields,
): { record: z.infer<(typeof SCHEMAS)[K]>; held: Fields } | null {
  const whole = recordFromWire(kind, existing, fields);

  if (whole) return { record: whole, held: differing(fields, wireFields(kind, whole)) };

  const here = wireFields(kind, existing);
  const taken: Fields = {};
  const held: Fields = {};

  for (const [name, value] of Object.entries(fields)) {
    if (recordFromWire(kind, existing, { [name]: value })) taken[name] = value;
    else held[name] = here[name] ?? null;
  }

  const record = recordFromWire(kind, existing, taken);

  return record ? { record, held } : null;
}

/** The values of `stored` for the fields it does not hold as `fields` has them. */
function differing(fields: Fields, stored: Fields): Fields {
  const held: Fields = {};

  for (const [name, value] of Object.entries(fields)) {
    if (Object.hasOwn(stored, name) && !sameValue(value, stored[name])) held[name] = stored[name]!;
  }

  return held;
}

/** Whether a tag from another device can be one of a contact's tags here. */
export function storableTag(tag: string): boolean {
  return Contact.shape.tags.element.safeParse(tag).success;
}

/** `fields` without those whose value here is still the one `held` kept. */
export function withoutHeld(fields: Fields, held: Fields | undefined): Fields {
  if (!held) return fields;

  return Object.fromEntries(
    Object.entries(fields).filter(
      ([name, value]) => !Object.hasOwn(held, name) || !sameValue(held[name], value),
    ),
  );
}

/** What stays held once the record's own values are `local`: those it has not changed. */
export function stillHeld(held: Fields | undefined, local: Fields): Fields | undefined {
  if (!held) return undefined;

  const kept = Object.entries(held).filter(([name, value]) => sameValue(local[name], value));

  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

function acceptsNull(schema: z.ZodObject, name: string): boolean {
  return schema.shape[name]?.safeParse(null).success ?? false;
}
