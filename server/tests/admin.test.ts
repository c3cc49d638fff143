import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../src/admin-commands';
import { buildApp } from '../src/app';
import type { Database } from '../src/database/connect';
import { silentLogger } from '../src/logger';
import { get } from './test-app';
import { BACKEND, createTestHome, databaseEnv, openTestDatabase } from './test-database';

const ADMIN = fileURLToPath(new URL('../src/admin.ts', import.meta.url));

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(() => database.close());

/** Runs one admin command on the test database: its exit code and what it printed. */
async function admin(...args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runAdminCommand(database.db, args, (line) => lines.push(line));

  return { code, output: lines.join('\n') };
}

function idIn(output: string, prefix: 'ws' | 'mb'): string {
  return new RegExp(`${prefix}_[A-Za-z0-9_-]{16}`).exec(output)?.[0] ?? '';
}

function tokenIn(output: string): string {
  return /rp_[A-Za-z0-9_-]{43}/.exec(output)?.[0] ?? '';
}

async function me(token: string): Promise<{ status: number; code?: string }> {
  const app = await buildApp({
    db: database.db,
    logger: silentLogger(),
    rateLimit: { max: 100, windowMs: 60_000 },
  });
  const response = await get(app, { workspaceId: '', memberId: '', token }, '/v1/me');
  await app.close();

  return { status: response.statusCode, code: response.json().error?.code };
}

describe('admin commands', () => {
  it('creates a workspace and prints its id', async () => {
    const { code, output } = await admin('create-workspace', 'Harbor', '&', 'Finch');

    expect(code).toBe(0);
    expect(output).toMatch(/^Created workspace "Harbor & Finch": ws_[A-Za-z0-9_-]{16}$/);
  });

  it('invites a member with a token that works, printed once and never listed', async () => {
    const workspace = idIn((await admin('create-workspace', 'Apollo')).output, 'ws');

    const { code, output } = await admin('invite', workspace, 'Grace', 'Hopper');
    const token = tokenIn(output);
    const list = await admin('list');

    expect(code).toBe(0);
    expect(output).toContain(`Added Grace Hopper (${idIn(output, 'mb')}) to ${workspace}.`);
    expect(await me(token)).toEqual({ status: 200 });
    expect(list.output).toContain(`${idIn(output, 'mb')}  Grace Hopper  active`);
    expect(list.output).not.toContain('rp_');
  });

  it('revokes a member, whose token then stops working', async () => {
    const workspace = idIn((await admin('create-workspace', 'Navy')).output, 'ws');
    const invite = (await admin('invite', workspace, 'Leaver')).output;

    const revoked = await admin('revoke', idIn(invite, 'mb'));
    const again = await admin('revoke', idIn(invite, 'mb'));

    expect(revoked).toEqual({
      code: 0,
      output: `Revoked ${idIn(invite, 'mb')}: their token no longer works.`,
    });
    expect(again.output).toBe(`${idIn(invite, 'mb')} was already revoked.`);
    expect(await me(tokenIn(invite))).toEqual({ status: 401, code: 'token-revoked' });
    expect((await admin('list')).output).toMatch(/Leaver {2}revoked \d{4}-\d{2}-\d{2}/);
  });

  it.each([
    ['inviting to a workspace that does not exist', ['invite', 'ws_nope', 'Ada'], 1],
    ['revoking a member who does not exist', ['revoke', 'mb_nope'], 1],
    ['creating a workspace without a name', ['create-workspace'], 2],
    ['inviting without a name', ['invite', 'ws_nope'], 2],
    ['an unknown command', ['delete-everything'], 2],
  ])('fails on %s, changing nothing', async (_name, args, expected) => {
    const before = (await admin('list')).output;

    const { code } = await admin(...args);

    expect(code).toBe(expected);
    expect((await admin('list')).output).toBe(before);
  });
});

describe('the admin command line', () => {
  const run = promisify(execFile);

  it('works on the database the server is configured with', async () => {
    const home = await createTestHome();
    const env = { ...process.env, ...databaseEnv(home.config) };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', ADMIN, ...args], { env });

    const created = await cli('create-workspace', 'Command line');
    const listed = await cli('list');
    await home.remove();

    expect(created.stdout).toMatch(/^Created workspace "Command line": ws_/);
    expect(listed.stdout).toContain(`${idIn(created.stdout, 'ws')}  Command line`);
  });

  it('prints the commands when given none', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', ADMIN]);

    expect(stdout).toContain('create-workspace <name>');
  });

  it.runIf(BACKEND === 'pglite')('refuses a data folder a running server has open', async () => {
    const home = await createTestHome();
    const server = await home.open();
    const env = { ...process.env, ...databaseEnv(home.config) };

    const result = await run(process.execPath, ['--import', 'tsx', ADMIN, 'list'], {
      env,
    }).catch((error: { code: number; stderr: string }) => error);
    await server.close();
    await home.remove();

    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('Stop it first') });
  });
});
