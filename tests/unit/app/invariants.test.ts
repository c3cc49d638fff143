import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

type ManifestFn = (env: { browser: string }) => Record<string, unknown>;

function sourcesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesIn(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const ALL_SOURCES = ['lib', 'components', 'entrypoints'].flatMap(sourcesIn);
const PAGE_SIDE = [
  ...sourcesIn('lib/sites'),
  'lib/page-watcher.ts',
  'entrypoints/linkedin.content.ts',
];

describe('what Rapport asks of the browser', () => {
  const manifest = (config.manifest as ManifestFn)({ browser: 'chrome' });

  it('asks only for the permissions it uses', () => {
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms', 'sidePanel']);
  });

  it('asks for notifications only as an option, for the daily reminder', () => {
    expect(manifest.optional_permissions).toEqual(['notifications']);
  });

  it('has host access to LinkedIn only', () => {
    expect(manifest.host_permissions).toEqual(['https://www.linkedin.com/*']);
  });

  it('declares no web-accessible resources, which sites could probe for', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });
});

describe('the code itself', () => {
  it('never writes HTML strings into a page', () => {
    const sinks = /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/;

    const offenders = ALL_SOURCES.filter((file) => sinks.test(readFileSync(file, 'utf8')));

    expect(offenders).toEqual([]);
  });

  it('sends no requests from the code that runs on LinkedIn', () => {
    const requests = /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|\.click\(\)/;

    const offenders = PAGE_SIDE.filter((file) => requests.test(readFileSync(file, 'utf8')));

    expect(offenders).toEqual([]);
  });
});
