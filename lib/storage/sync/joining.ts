import { parseHlc } from '../../sync/hlc';
import { valuesOf } from '../../sync/merge';
import type { EntityState } from '../../sync/merge';
import type { Fields } from '../../sync/protocol';
import type { Contact } from '../../model/contact';

/**
 * What a record arriving from the others changes in one this device already holds. Once
 * synced, the others' values win: they are what the devices agreed on. While this device is
 * joining, it may hold records it changed after the others last did, and those changes stay
 * to be sent when joining ends.
 */

/**
 * The fields of `state` to write over the record here. While joining, a record this device
 * held keeps each field the others last changed before it was last edited here (`since`, read
 * when the first of their changes to it arrived, before any was written over it). When the
 * others changed a field is told by its clock value, or by their record's `updatedAt` when
 * that is earlier: a device that joined stamped all it held at that moment, however long
 * before it had been edited.
 */
export function fieldsToWrite(state: EntityState, since: string | undefined): Fields {
  const fields = valuesOf(state);
  const here = since === undefined ? NaN : Date.parse(since);

  if (Number.isNaN(here)) return fields;

  const updated = state.fields.updatedAt?.value;
  const editedThere = typeof updated === 'string' ? Date.parse(updated) : NaN;

  for (const [name, stamped] of Object.entries(state.fields)) {
    const there = parseHlc(stamped.hlc).wall;

    if (Math.min(there, Number.isNaN(editedThere) ? there : editedThere) < here) {
      delete fields[name];
    }
  }

  return fields;
}

/**
 * The tags of `existing` that stay besides those the others agree on: the private ones and,
 * while joining, those added here that the others did not remove since.
 */
export function tagsKept(
  existing: Contact,
  state: EntityState,
  since: string | undefined,
): string[] {
  const here = since === undefined ? NaN : Date.parse(since);

  if (Number.isNaN(here)) return privateTagsOf(existing);

  const members = state.members.tags ?? {};

  return existing.tags.filter((tag) => {
    const stamped = Object.hasOwn(members, tag) ? members[tag] : undefined;

    return stamped === undefined || stamped.value || parseHlc(stamped.hlc).wall < here;
  });
}

function privateTagsOf(contact: Contact): string[] {
  const kept = new Set(contact.privateTags ?? []);

  return contact.tags.filter((tag) => kept.has(tag));
}
