import type { Db } from './database/schema';
import { hashToken, newId, newToken } from './tokens';

/** Workspaces and their members, as the admin tool and the token check see them. */
export interface Workspace {
  id: string;
  name: string;
  createdAt: Date;
  members: Member[];
}

export interface Member {
  id: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Who a token belongs to. */
export interface TokenOwner {
  workspace: { id: string; name: string };
  member: { id: string; name: string };
  revoked: boolean;
}

export async function createWorkspace(db: Db, name: string): Promise<string> {
  const id = newId('ws');

  await db.insertInto('workspaces').values({ id, name }).execute();

  return id;
}

/** Adds a member and returns their token: the only time it exists outside their device. */
export async function inviteMember(
  db: Db,
  workspaceId: string,
  name: string,
): Promise<{ memberId: string; token: string } | null> {
  const workspace = await db
    .selectFrom('workspaces')
    .select('id')
    .where('id', '=', workspaceId)
    .executeTakeFirst();

  if (workspace === undefined) return null;

  const memberId = newId('mb');
  const token = newToken();

  await db
    .insertInto('members')
    .values({ id: memberId, workspace_id: workspaceId, name, token_hash: hashToken(token) })
    .execute();

  return { memberId, token };
}

/** Revokes a member's token for good; null when there is no such member. */
export async function revokeMember(
  db: Db,
  memberId: string,
): Promise<'revoked' | 'already' | null> {
  const member = await db
    .selectFrom('members')
    .select('revoked_at')
    .where('id', '=', memberId)
    .executeTakeFirst();

  if (member === undefined) return null;
  if (member.revoked_at !== null) return 'already';

  await db
    .updateTable('members')
    .set({ revoked_at: new Date() })
    .where('id', '=', memberId)
    .execute();

  return 'revoked';
}

export async function listWorkspaces(db: Db): Promise<Workspace[]> {
  const workspaces = await db
    .selectFrom('workspaces')
    .select(['id', 'name', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  const members = await db
    .selectFrom('members')
    .select(['id', 'workspace_id', 'name', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  return workspaces.map((workspace) => ({
    id: workspace.id,
    name: workspace.name,
    createdAt: workspace.created_at,
    members: members
      .filter((member) => member.workspace_id === workspace.id)
      .map((member) => ({
        id: member.id,
        name: member.name,
        createdAt: member.created_at,
        revokedAt: member.revoked_at,
      })),
  }));
}

export async function findTokenOwner(db: Db, token: string): Promise<TokenOwner | null> {
  const row = await db
    .selectFrom('members')
    .innerJoin('workspaces', 'workspaces.id', 'members.workspace_id')
    .select([
      'members.id as memberId',
      'members.name as memberName',
      'members.revoked_at as revokedAt',
      'workspaces.id as workspaceId',
      'workspaces.name as workspaceName',
    ])
    .where('members.token_hash', '=', hashToken(token))
    .executeTakeFirst();

  if (row === undefined) return null;

  return {
    workspace: { id: row.workspaceId, name: row.workspaceName },
    member: { id: row.memberId, name: row.memberName },
    revoked: row.revokedAt !== null,
  };
}
