import { z } from 'zod';
import { DeviceId, Hlc, parseHlc } from './hlc';

/**
 * What the extension and the server say to each other. Both sides parse every message with
 * these schemas; the server keeps changes as they came and never needs to know what a contact
 * looks like, so the extension can add fields without a server upgrade.
 *
 * Two kinds of things are synced:
 * - records (contacts, next steps, templates) change field by field and can be deleted;
 * - events (touches, field history) are written once and never change.
 *
 * On the wire a contact is known by its key (the canonical profile slug), not by the id one
 * device gave it, so the same person saved on two devices is one record. Events and next steps
 * name their contact the same way, in `contactId`.
 */
export const RECORD_KINDS = ['contact', 'nextStep', 'template'] as const;
export const EVENT_KINDS = ['touch', 'fieldChange'] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export const EventKind = z.enum(EVENT_KINDS);
export const EntityKind = z.enum([...RECORD_KINDS, ...EVENT_KINDS]);
export type RecordKind = z.infer<typeof RecordKind>;
export type EventKind = z.infer<typeof EventKind>;
export type EntityKind = z.infer<typeof EntityKind>;

export const EntityId = z.string().min(1).max(200);
export const ChangeId = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'A change id is letters, digits, "-" and "_".');
export const FieldName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'A field name is letters and digits.');
export const Member = z.string().min(1).max(200);
/** The most members one change adds, and the most it removes. */
export const MAX_MEMBERS = 1_000;

/** One field value: anything JSON can hold. */
export const FieldValue = z.json();
export type FieldValue = z.infer<typeof FieldValue>;

export const Fields = z.record(FieldName, FieldValue);
export type Fields = z.infer<typeof Fields>;

const Base = z.object({
  /** Unique per change, made by the device: a retried push is recognised by it. */
  id: ChangeId,
  deviceId: DeviceId,
  hlc: Hlc,
});

/** New values for some fields of a record; each field wins or loses on its own. */
export const SetChange = Base.extend({
  op: z.literal('set'),
  kind: RecordKind,
  entityId: EntityId,
  contactId: EntityId.optional(),
  fields: Fields,
});

/** Members added to or removed from a set-valued field, such as a contact's tags. */
export const MembersChange = Base.extend({
  op: z.literal('members'),
  kind: RecordKind,
  entityId: EntityId,
  field: FieldName,
  add: z.array(Member).max(MAX_MEMBERS),
  remove: z.array(Member).max(MAX_MEMBERS),
});

/** A touch or a history entry, written once. */
export const AppendChange = Base.extend({
  op: z.literal('append'),
  kind: EventKind,
  entityId: EntityId,
  contactId: EntityId,
  record: Fields,
});

/**
 * A record deleted for good. `into` names the contact a duplicate was merged into: its events
 * and next steps then belong to that contact instead of going with it.
 */
export const DeleteChange = Base.extend({
  op: z.literal('delete'),
  kind: RecordKind,
  entityId: EntityId,
  into: EntityId.optional(),
});

export const Change = z
  .discriminatedUnion('op', [SetChange, MembersChange, AppendChange, DeleteChange])
  .refine((change) => parseHlc(change.hlc).deviceId === change.deviceId, {
    message: 'The clock value must end with the device id of the change.',
    path: ['hlc'],
  });
export type Change = z.infer<typeof Change>;
export type SetChange = z.infer<typeof SetChange>;
export type MembersChange = z.infer<typeof MembersChange>;
export type AppendChange = z.infer<typeof AppendChange>;
export type DeleteChange = z.infer<typeof DeleteChange>;

/** A change before the device stamps it with an id and a clock value. */
export type ChangeBody = Change extends infer C
  ? C extends Change
    ? Omit<C, 'id' | 'deviceId' | 'hlc'>
    : never
  : never;

/** The most changes one push may carry; a device with more pushes them in turns. */
export const MAX_PUSH_CHANGES = 500;
/** The most changes one pull returns. */
export const MAX_PULL_CHANGES = 1_000;

/** Where a device got to in its workspace's changes: opaque to the device. */
export const Cursor = z.string().regex(/^\d{1,19}$/, 'A cursor is what the server returned.');
export type Cursor = z.infer<typeof Cursor>;
export const START_CURSOR: Cursor = '0';

/** `POST /v1/push` */
export const PushRequest = z.object({
  changes: z.array(Change).min(1).max(MAX_PUSH_CHANGES),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** `accepted` counts changes new to the server; `duplicates` those it already had. */
export const PushResponse = z.object({
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof PushResponse>;

/**
 * `GET /v1/pull?after=<cursor>&seen=<change id>&limit=<n>`. `seen` is the id of the change the
 * cursor points at, as the device read it: a server whose data was restored from an older copy
 * numbers other changes the same, and says so (`cursor-ahead`) rather than skip them.
 */
export const PullQuery = z.object({
  after: Cursor.default(START_CURSOR),
  seen: ChangeId.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_CHANGES).default(MAX_PULL_CHANGES),
});
export type PullQuery = z.infer<typeof PullQuery>;

/** Changes in the order the server accepted them; `more` when another pull would find some. */
export const PullResponse = z.object({
  changes: z.array(Change),
  cursor: Cursor,
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** `GET /v1/me`: who the token belongs to. */
export const MeResponse = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  member: z.object({ id: z.string(), name: z.string() }),
});
export type MeResponse = z.infer<typeof MeResponse>;

/**
 * Every error the server answers with. The extension shows `message`; `code` tells it what to
 * do (a revoked token stops syncing until the rep enters a new one; rate-limited waits; a
 * cursor past the server's last change, as after the server's data was restored from a copy,
 * makes the device join again).
 */
export const ERROR_CODES = [
  'bad-request',
  'unauthorized',
  'token-revoked',
  'not-found',
  'too-large',
  'rate-limited',
  'clock-ahead',
  'cursor-ahead',
  'unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorResponse = z.object({
  error: z.object({ code: ErrorCode, message: z.string() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
