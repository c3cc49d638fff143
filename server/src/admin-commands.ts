import { z } from 'zod';
import type { Db } from './database/schema';
import { createWorkspace, inviteMember, listWorkspaces, revokeMember } from './workspaces';
import type { Workspace } from './workspaces';

/**
 * The admin tool's commands, apart from the process around them so tests can run them on a
 * test database. Each prints what it did and returns the exit code.
 */
export type Print = (line: string) => void;

export const USAGE = [
  'Usage: npm run server:admin -- <command>',
  '',
  '  create-workspace <name>              a new workspace; prints its id',
  '  invite <workspace-id> <member name>  a new member; prints their token, once',
  "  revoke <member-id>                   the member's token stops working, for good",
  '  list                                 workspaces and their members (never tokens)',
].join('\n');

export const COMMANDS = ['create-workspace', 'invite', 'revoke', 'list'] as const;

const Name = z.string().trim().min(1, 'A name cannot be empty.').max(100, 'Keep names short.');

export async function runAdminCommand(
  db: Db,
  args: readonly string[],
  print: Print,
): Promise<number> {
  const [command, first = '', ...rest] = args;

  switch (command) {
    case 'create-workspace':
      return create(db, [first, ...rest].join(' '), print);
    case 'invite':
      return invite(db, first, rest.join(' '), print);
    case 'revoke':
      return revoke(db, first, print);
    case 'list':
      return list(db, print);
    default:
      print(USAGE);

      return command === undefined || command === 'help' ? 0 : 2;
  }
}

async function create(db: Db, rawName: string, print: Print): Promise<number> {
  const name = Name.safeParse(rawName);

  if (!name.success) return usageError(print, 'create-workspace needs a name.');

  const id = await createWorkspace(db, name.data);
  print(`Created workspace "${name.data}": ${id}`);

  return 0;
}

async function invite(db: Db, workspaceId: string, rawName: string, print: Print): Promise<number> {
  const name = Name.safeParse(rawName);

  if (workspaceId === '' || !name.success) {
    return usageError(print, "invite needs a workspace id and the member's name.");
  }

  const invited = await inviteMember(db, workspaceId, name.data);

  if (invited === null) return failure(print, `No workspace ${workspaceId}; see "list".`);

  print(`Added ${name.data} (${invited.memberId}) to ${workspaceId}.`);
  print("Their token, shown this once (only its hash is kept), to enter in Rapport's options:");
  print(`  ${invited.token}`);

  return 0;
}

async function revoke(db: Db, memberId: string, print: Print): Promise<number> {
  if (memberId === '') return usageError(print, 'revoke needs a member id.');

  const result = await revokeMember(db, memberId);

  if (result === null) return failure(print, `No member ${memberId}; see "list".`);

  print(
    result === 'revoked'
      ? `Revoked ${memberId}: their token no longer works.`
      : `${memberId} was already revoked.`,
  );

  return 0;
}

async function list(db: Db, print: Print): Promise<number> {
  const workspaces = await listWorkspaces(db);

  if (workspaces.length === 0) print('No workspaces yet: create one with create-workspace.');

  for (const workspace of workspaces) printWorkspace(workspace, print);

  return 0;
}

function printWorkspace(workspace: Workspace, print: Print): void {
  print(`${workspace.id}  ${workspace.name}  (created ${day(workspace.createdAt)})`);

  if (workspace.members.length === 0) print('  no members yet');

  for (const member of workspace.members) {
    const status = member.revokedAt === null ? 'active' : `revoked ${day(member.revokedAt)}`;
    print(`  ${member.id}  ${member.name}  ${status}`);
  }
}

function day(date: Date): string {
  return new Date(date).toISOString().slice(0, 10);
}

function usageError(print: Print, message: string): number {
  print(`${message}\n\n${USAGE}`);

  return 2;
}

function failure(print: Print, message: string): number {
  print(message);

  return 1;
}
