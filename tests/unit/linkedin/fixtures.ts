import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { PageReading, ProfileReading } from '@/lib/model/reading';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** A fixture file as text, by its path under tests/fixtures. */
export function readFixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** A fixture JSON file (table or sidecar), parsed. */
export function readJson<T>(path: string): T {
  return JSON.parse(readFixture(path)) as T;
}

/** A person on a page who is not the contact. */
export interface Bystander {
  name: string;
  profileUrl: string;
  why: string;
}

/** The parts of a page sidecar the tests use. */
export interface Sidecar {
  servedAt: string;
  kind: 'profile' | 'messaging' | 'other';
  expected: (Record<string, unknown> & { namePrefix?: string; nameSuffixes?: string[] }) | null;
  mustNotCapture: Bystander[];
}

export function readSidecar(page: string): Sidecar {
  return readJson<Sidecar>(`linkedin/${page}.expected.json`);
}

/** happy-dom does not attach `<template shadowrootmode>`; browsers do while parsing. */
export function attachDeclarativeShadowRoots(root: Document | ShadowRoot): void {
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || !('content' in template)) continue;

    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.attachShadow({ mode });
    shadow.append(template.content as DocumentFragment);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

export interface LoadedPage {
  window: Window;
  document: Document;
  close: () => Promise<void>;
}

/** Parses a fixture page at the URL it is served at. Page scripts do not run. */
export function loadPage(page: string, url: string): LoadedPage {
  const window = new Window({ url });
  window.document.write(readFixture(`linkedin/${page}`));

  const document = window.document as unknown as Document;
  attachDeclarativeShadowRoots(document);
  return { window, document, close: () => window.happyDOM.close() };
}

/** The profile of a reading, or null when the page was not read as a profile. */
export function profileOf(reading: PageReading): ProfileReading | null {
  return reading.kind === 'profile' ? reading.profile : null;
}
