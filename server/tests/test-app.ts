import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Change, Fields } from '../../lib/sync/protocol';
import { buildApp } from '../src/app';
import type { AppOptions } from '../src/app';
import type { Db } from '../src/database/schema';
import { silentLogger } from '../src/logger';
import { createWorkspace, inviteMember } from '../src/workspaces';
import { T, at } from './clocks';
import { openTestDatabase } from './test-database';

/** The API on a fresh, migrated test database, with the clock at T. */
export interface TestApp {
  app: FastifyInstance;
  db: Db;
  close(): Promise<void>;
}

export interface TestMember {
  workspaceId: string;
  memberId: string;
  token: string;
}

type Options = Partial<Pick<AppOptions, 'rateLimit' | 'now' | 'trustProxy'>>;

export async function startTestApp(options: Options = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({
    db: database.db,
    logger: silentLogger(),
    rateLimit: options.rateLimit ?? { max: 100_000, windowMs: 60_000 },
    trustProxy: options.trustProxy ?? false,
    now: options.now ?? (() => T),
  });

  return {
    app,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A member of a new workspace, or of `workspaceId` when given. */
export async function addMember(db: Db, workspaceId?: string): Promise<TestMember> {
  const workspace = workspaceId ?? (await createWorkspace(db, 'Harbor & Finch'));
  const invited = await inviteMember(db, workspace, 'Ada Lovelace');

  if (invited === null) throw new Error(`No workspace ${workspace}.`);

  return { workspaceId: workspace, memberId: invited.memberId, token: invited.token };
}

export function get(app: FastifyInstance, member: TestMember | null, url: string) {
  return app.inject({ method: 'GET', url, headers: authorization(member) });
}

export function push(
  app: FastifyInstance,
  member: TestMember | null,
  changes: unknown[],
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/v1/push',
    headers: authorization(member),
    payload: { changes },
  });
}

function authorization(member: TestMember | null): Record<string, string> {
  return member === null ? {} : { authorization: `Bearer ${member.token}` };
}

/** A contact's fields set on a device, `seconds` after T. */
export function setContact(
  id: string,
  entityId: string,
  fields: Fields,
  seconds = 0,
  device = 'laptop',
): Change {
  return {
    id,
    deviceId: device,
    hlc: at(seconds, device),
    op: 'set',
    kind: 'contact',
    entityId,
    fields,
  };
}

/** A touch logged for a contact. */
export function touch(id: string, contactId: string, summary: string, seconds = 0): Change {
  return {
    id,
    deviceId: 'laptop',
    hlc: at(seconds),
    op: 'append',
    kind: 'touch',
    entityId: `touch-${id}`,
    contactId,
    record: { channel: 'linkedin', summary },
  };
}

/** `count` changes with ids `<prefix>-000`, `<prefix>-001`, … each setting a contact's note. */
export function notes(prefix: string, count: number, seconds = 0): Change[] {
  return Array.from({ length: count }, (_, index) => {
    const id = `${prefix}-${String(index).padStart(3, '0')}`;

    return setContact(id, `contact-${id}`, { notes: id }, seconds);
  });
}

/** The ids of the changes a pull returned. */
export function idsOf(response: LightMyRequestResponse): string[] {
  return (response.json() as { changes: Change[] }).changes.map((change) => change.id);
}
