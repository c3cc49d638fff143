import type { ColumnType, Kysely } from 'kysely';
import type { EntityState } from '../../../lib/sync/merge';
import type { Change } from '../../../lib/sync/protocol';

/**
 * The tables as the latest migration leaves them. node-postgres reads a bigint as a string and
 * PGlite as a number, so sequence numbers are read as either and converted where they are used.
 */
type Int8 = ColumnType<string | number, string | number | undefined, string | number>;

/** JSON goes in as text, so PostgreSQL and PGlite store it the same way, and comes out parsed. */
type Json<T> = ColumnType<T, string, string>;

/** Set by the database when the row is written. */
type CreatedAt = ColumnType<Date, never, never>;

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: CreatedAt;
  /** The sequence number of the workspace's latest change; the push transaction locks it. */
  last_seq: Int8;
}

export interface MembersTable {
  id: string;
  workspace_id: string;
  name: string;
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  token_hash: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface ChangesTable {
  workspace_id: string;
  /** The order the workspace accepted its changes in, from 1, without gaps. */
  seq: Int8;
  change_id: string;
  device_id: string;
  member_id: string;
  hlc: string;
  kind: string;
  entity_id: string;
  body: Json<Change>;
  received_at: CreatedAt;
}

export interface EntitiesTable {
  workspace_id: string;
  kind: string;
  entity_id: string;
  /** Every change of the entity so far, merged by lib/sync/merge.ts. */
  state: Json<EntityState>;
}

export interface Schema {
  workspaces: WorkspacesTable;
  members: MembersTable;
  changes: ChangesTable;
  entities: EntitiesTable;
}

export type Db = Kysely<Schema>;
