import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileReading } from '@/lib/model/reading';
import { isSettling, readPage } from '@/lib/sites/linkedin';
import { loadPage, profileOf, readJson, type LoadedPage } from './fixtures';

type Fields = Partial<ProfileReading>;

interface SequenceStep {
  step: string;
  url: string;
  expected: Fields | null;
  mustNeverEmit?: Fields[];
}

const sidecar = readJson<{
  servedAt: string;
  sequence: SequenceStep[];
  expectedRecords: Fields[];
}>('linkedin/spa-navigation.html.expected.json');

const PAGE = 'spa-navigation.html';
const [initial, toProfileB, toFeed] = sidecar.sequence as [
  SequenceStep,
  SequenceStep,
  SequenceStep,
];
const neverEmit = sidecar.sequence.flatMap((step) => step.mustNeverEmit ?? []);

/** The fixture's own script, step by step: its <template>s hold the later states. */
function cloneTemplate(page: LoadedPage, id: string): DocumentFragment {
  const template = page.document.getElementById(id) as HTMLTemplateElement;
  return template.content.cloneNode(true) as DocumentFragment;
}

function replace(page: LoadedPage, selector: string, templateId: string): void {
  page.document.querySelector(selector)?.replaceWith(cloneTemplate(page, templateId));
}

const STEPS: Record<string, (page: LoadedPage) => void> = {
  'b-url': (page) => {
    page.window.history.pushState({ fixture: 'b' }, '', '/in/thora-magnusdottir-91/');
    page.document.title = 'Þóra Magnúsdóttir | LinkedIn';
  },
  'b-topcard': (page) => replace(page, 'main .pv-top-card', 'fixture-tpl-b-topcard'),
  b: (page) => {
    replace(page, 'main .pv-profile-sections', 'fixture-tpl-b-sections');
    replace(page, '.scaffold-layout__aside', 'fixture-tpl-b-rail');
  },
  'feed-url': (page) => {
    page.window.history.pushState({ fixture: 'feed' }, '', '/feed/');
    page.document.title = '(2) Feed | LinkedIn';
  },
  feed: (page) => replace(page, '.scaffold-layout__row', 'fixture-tpl-feed'),
};

function goTo(page: LoadedPage, ...steps: string[]): void {
  for (const step of steps) STEPS[step]?.(page);
}

function read(page: LoadedPage): ProfileReading | null {
  return profileOf(readPage(page.document, page.window.location.href));
}

/** Whether a reading carries every value of a forbidden combination. */
function emits(profile: ProfileReading | null, combination: Fields): boolean {
  if (profile === null) return false;
  return Object.entries(combination).every(
    ([field, value]) => profile[field as keyof ProfileReading] === value,
  );
}

function pick(profile: ProfileReading | null, fields: Fields): Fields | null {
  if (profile === null) return null;
  return Object.fromEntries(
    Object.keys(fields).map((field) => [field, profile[field as keyof ProfileReading]]),
  );
}

/** A consumer that keeps a contact once a reading is complete, once per profile. */
function recordsOf(readings: (ProfileReading | null)[]): Fields[] {
  const complete = readings.filter(
    (r): r is ProfileReading => r !== null && r.missing.length === 0,
  );
  const firstOfEach = complete.filter((r, i) => complete.findIndex((o) => o.key === r.key) === i);

  return firstOfEach.map((reading) => pick(reading, sidecar.expectedRecords[0] ?? {}) ?? {});
}

describe('in-app navigation from one profile to another and on to the feed', () => {
  let page: LoadedPage;

  beforeEach(() => {
    page = loadPage(PAGE, sidecar.servedAt);
  });

  afterEach(() => page.close());

  it('reads profile A completely before any navigation', () => {
    const profile = read(page);

    expect(page.window.location.href).toBe(initial.url);
    expect(pick(profile, initial.expected ?? {})).toEqual(initial.expected);
  });

  it("reads nothing of A under B's URL while the DOM still shows A", () => {
    goTo(page, 'b-url');

    const profile = read(page);

    expect(page.window.location.href).toBe(toProfileB.url);
    expect(profile?.profileUrl).toBe(toProfileB.url);
    expect(profile?.name).toBeNull();
    expect(profile?.memberUrn).toBeNull();
    expect(profile?.headline).toBeNull();
    expect(profile?.company).toBeNull();
    expect(profile?.avatarUrl).toBeNull();
  });

  it("reads B's top card but not A's stale Experience between the two DOM updates", () => {
    goTo(page, 'b-url', 'b-topcard');

    const profile = read(page);

    expect(profile?.name).toBe(toProfileB.expected?.name);
    expect(profile?.memberUrn).toBe(toProfileB.expected?.memberUrn);
    expect(profile?.company).toBeNull();
    expect(profile?.title).toBeNull();
    expect(profile?.missing).toEqual(['company', 'title']);
  });

  it('reads profile B completely once the sections are replaced', () => {
    goTo(page, 'b-url', 'b-topcard', 'b');

    const profile = read(page);

    expect(pick(profile, toProfileB.expected ?? {})).toEqual(toProfileB.expected);
  });

  it.each(['feed-url', 'feed'])('reads no profile at the feed step "%s"', (step) => {
    const steps = ['b-url', 'b-topcard', 'b', 'feed-url', 'feed'];
    goTo(page, ...steps.slice(0, steps.indexOf(step) + 1));

    const reading = readPage(page.document, page.window.location.href);

    expect(page.window.location.href).toBe(toFeed.url);
    expect(reading.kind).toBe('none');
  });

  it('never emits a forbidden combination at any step', () => {
    const readings = [read(page)];
    for (const step of ['b-url', 'b-topcard', 'b', 'feed-url', 'feed']) {
      goTo(page, step);
      readings.push(read(page));
    }

    const forbidden = readings.filter((r) => neverEmit.some((c) => emits(r, c)));

    expect(forbidden).toEqual([]);
  });

  it('yields exactly the expected records, A then B, over the whole run', () => {
    const readings = [read(page)];
    for (const step of ['b-url', 'b-topcard', 'b', 'feed-url', 'feed']) {
      goTo(page, step);
      readings.push(read(page));
    }

    const records = recordsOf(readings);

    expect(records).toEqual(sidecar.expectedRecords);
  });

  it("reads nothing of B when going back to A's URL before the DOM follows", () => {
    goTo(page, 'b-url', 'b-topcard', 'b');
    page.window.history.pushState({}, '', '/in/yusuf-al-amin-2c4/');
    page.document.title = 'يوسف الأمين | LinkedIn';

    const profile = read(page);

    expect(profile?.name).toBeNull();
    expect(profile?.company).toBeNull();
    expect(emits(profile, { profileUrl: initial.url, name: 'Þóra Magnúsdóttir' })).toBe(false);
  });

  it('marks the readings taken while the DOM still shows A as settling', () => {
    const settling = [];
    for (const step of ['b-url', 'b-topcard', 'b']) {
      goTo(page, step);
      settling.push(isSettling(readPage(page.document, page.window.location.href)));
    }

    expect(settling).toEqual([true, true, false]);
  });
});
