/**
 * Storage benchmark on fake-indexeddb in Node: loads a large rep's data, then times the calls
 * the UI waits on. Run with `npx tsx scripts/bench-storage.ts`; prints JSON.
 *
 * fake-indexeddb is an in-memory JavaScript implementation, so absolute numbers differ from a
 * browser's; they show how the queries scale with the amount of data.
 */
import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import { addDays } from '../lib/dates';
import { DEFAULT_CADENCE, STAGES } from '../lib/model/cadence';
import type { Stage } from '../lib/model/cadence';
import type { Contact, Status } from '../lib/model/contact';
import type { NextStep } from '../lib/model/next-step';
import type { Touch } from '../lib/model/touch';
import { readConnections } from '../lib/imports/linkedin-connections';
import { applyConnectionsImport, planConnectionsImport } from '../lib/storage/connections-import';
import { getContactByKey, saveContact } from '../lib/storage/contacts';
import { openRapportDB } from '../lib/storage/db';
import type { RapportDB } from '../lib/storage/db';
import { countOverdue, listDueFollowUps } from '../lib/storage/due';
import { countKeepInTouch, listKeepInTouch, listMostOverdue } from '../lib/storage/keep-in-touch';
import { DAY_MS, withTouchDue } from '../lib/storage/touch-due';
import { listTouches, logTouch } from '../lib/storage/touches';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The target for this number, or null when it is only reported. */
  aim: number | null;
}

export interface BenchSize {
  contacts: number;
  touchesPerContact: number;
  openSteps: number;
  /** Rows of the generated Connections.csv: every other one names a contact already saved. */
  connectionRows: number;
}

export const FULL_SIZE: BenchSize = {
  contacts: 50_000,
  touchesPerContact: 10,
  openSteps: 20_000,
  connectionRows: 30_000,
};

const TODAY = '2026-03-10';
const NOW = new Date(`${TODAY}T09:00:00.000Z`);
const BATCH = 10_000;

/**
 * Contact i was last touched (i % 120) days before today, each earlier touch 40 days before the
 * next: most contacts with a cadence are due, which is the heavy case for the lists.
 */
const LAST_TOUCH_SPREAD = 120;
const TOUCH_GAP_DAYS = 40;

/** Open steps are due from two weeks ago to half a year ahead, evenly. */
const DUE_FROM = -14;
const DUE_SPAN = 194;

export async function runStorageBench(size: BenchSize = FULL_SIZE): Promise<BenchResult[]> {
  const db = await openRapportDB(`rapport-bench-${Date.now()}`);

  try {
    const loadMs = await timed(() => load(db, size));

    return [
      result('load contacts, touches and open steps', loadMs, 'ms', null),
      ...(await measure(db, size)),
    ];
  } finally {
    db.close();
  }
}

async function measure(db: RapportDB, size: BenchSize): Promise<BenchResult[]> {
  const firstDueMs = await timed(() => listDueFollowUps(db, TODAY));
  const due = await listDueFollowUps(db, TODAY);
  const listed = due.overdue.length + due.today.length + due.upcoming.length;
  const dueMs = await median(7, () => listDueFollowUps(db, TODAY));
  const allDueMs = await median(7, () => listDueFollowUps(db, TODAY, 7, { limit: Infinity }));
  let saved = 0;
  const saveMs = await median(25, () => saveNew(db, saved++));
  const touchesMs = await median(25, () => ofOne(db, size));

  return [
    result('records: contacts', size.contacts, 'count', null),
    result('records: touches', size.contacts * size.touchesPerContact, 'count', null),
    result('records: open next steps', size.openSteps, 'count', null),
    result('save one contact (median)', saveMs, 'ms', 10),
    result('listDueFollowUps, first call', firstDueMs, 'ms', 50),
    result('listDueFollowUps (median)', dueMs, 'ms', 50),
    result('listDueFollowUps items returned', listed, 'count', null),
    result('listDueFollowUps items beyond the limit', due.more ?? 0, 'count', null),
    result('listDueFollowUps without limit (median)', allDueMs, 'ms', null),
    result('countOverdue (median)', await median(7, () => countOverdue(db, TODAY)), 'ms', null),
    result('getContactByKey (median)', await median(25, () => byKey(db, size)), 'ms', null),
    result('listTouches of one contact (median)', touchesMs, 'ms', null),
    ...(await measureKeepInTouch(db, size)),
    ...(await measureConnectionsImport(db, size.connectionRows)),
  ];
}

/** Runs last: logging touches changes the data the other measures read. */
async function measureKeepInTouch(db: RapportDB, size: BenchSize): Promise<BenchResult[]> {
  const firstMs = await timed(() => listKeepInTouch(db, NOW));
  const due = await listKeepInTouch(db, NOW);
  const listMs = await median(7, () => listKeepInTouch(db, NOW));
  const uncountedMs = await median(7, () => listMostOverdue(db, NOW));
  const countMs = await median(7, () => countKeepInTouch(db, NOW));
  const logMs = await median(25, () => logOne(db, size));

  return [
    result('listKeepInTouch, first call', firstMs, 'ms', 50),
    result('listKeepInTouch (median)', listMs, 'ms', 50),
    result('listMostOverdue, the list without counting the rest (median)', uncountedMs, 'ms', 50),
    result('listKeepInTouch items returned', due.items.length, 'count', null),
    result('listKeepInTouch items beyond the limit', due.more, 'count', null),
    result('countKeepInTouch (median)', countMs, 'ms', null),
    result('log a touch and update due dates (median)', logMs, 'ms', 10),
  ];
}

/**
 * Imports a generated Connections.csv as the options page does. Runs after the others: it adds
 * contacts. Reading the bytes is timed apart, as the figure with an aim is the storage's part.
 */
export async function measureConnectionsImport(
  db: RapportDB,
  rows: number,
): Promise<BenchResult[]> {
  const bytes = new TextEncoder().encode(connectionsCsv(rows));
  const start = performance.now();
  const parsed = readConnections(bytes);
  const readMs = performance.now() - start;
  const importMs = await timed(async () => {
    await applyConnectionsImport(db, await planConnectionsImport(db, parsed, NOW), { now: NOW });
  });
  const count = rows.toLocaleString('en-US');

  return [
    result(`read ${count} Connections.csv rows`, readMs, 'ms', null),
    result(`import ${count} Connections.csv rows (plan + apply)`, importMs, 'ms', 5_000),
  ];
}

/** First names repeat in a network; last names here never do. */
const FIRST_NAMES = 500;

/** LinkedIn's layout: the notes preamble, then one row per connection, quoted where needed. */
function connectionsCsv(rows: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses ' +
      'are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];

  for (let i = 0; i < rows; i += 1) {
    // Even rows name the generated contacts (`person-i`), odd rows people not saved yet.
    const slug = i % 2 === 0 ? `person-${i}` : `connection-${i}`;
    const email = i % 5 === 0 ? `person${i}@example.test` : '';
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `Name${i % FIRST_NAMES},${i},https://www.linkedin.com/in/${slug},${email},"Acme, Inc.",` +
        `Account Executive,${day} Mar 2024`,
    );
  }

  return `${lines.join('\n')}\n`;
}

function result(name: string, value: number, unit: string, aim: number | null): BenchResult {
  return { name, value: Math.round(value * 100) / 100, unit, aim };
}

async function saveNew(db: RapportDB, n: number): Promise<void> {
  const slug = `bench-new-${n}`;

  await saveContact(db, {
    key: slug,
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    name: { display: `New Person ${n}`, given: null, family: null },
  });
}

async function logOne(db: RapportDB, size: BenchSize): Promise<void> {
  await logTouch(
    db,
    {
      contactId: contactId(randomIndex(size.contacts)),
      at: NOW.toISOString(),
      channel: 'call',
      direction: 'outbound',
      summary: 'Checked in on the roll-out.',
    },
    NOW,
  );
}

async function byKey(db: RapportDB, size: BenchSize): Promise<void> {
  await getContactByKey(db, `person-${randomIndex(size.contacts)}`);
}

async function ofOne(db: RapportDB, size: BenchSize): Promise<void> {
  await listTouches(db, contactId(randomIndex(size.contacts)));
}

/** Writes the records directly, in large transactions, as an import of old data would. */
async function load(db: RapportDB, size: BenchSize): Promise<void> {
  for (let start = 0; start < size.contacts; start += BATCH) {
    const end = Math.min(start + BATCH, size.contacts);
    const tx = db.transaction(['contacts', 'touches', 'nextSteps'], 'readwrite');
    const writes: Promise<unknown>[] = [];

    for (let i = start; i < end; i += 1) {
      writes.push(tx.objectStore('contacts').put(contact(i, size.touchesPerContact)));

      for (let t = 0; t < size.touchesPerContact; t += 1) {
        writes.push(tx.objectStore('touches').put(touch(i, t)));
      }

      if (i < size.openSteps) writes.push(tx.objectStore('nextSteps').put(step(i)));
    }

    await Promise.all([...writes, tx.done]);
  }
}

function contactId(i: number): string {
  return `contact-${String(i).padStart(6, '0')}`;
}

/** A typical status for each stage; every 101st contact is not a fit. */
const STATUS_IN_STAGE: Record<Stage, Status> = {
  identification: 'new',
  connection: 'warm',
  development: 'warm',
  commercial: 'lead',
  retention: 'client',
};

/**
 * The i-th generated contact, spread evenly over the stages, every 97th with a cadence of its
 * own, with the derived fields its touches give it. The browser benchmark loads the same data.
 */
export function contact(i: number, touchesPerContact = FULL_SIZE.touchesPerContact): Contact {
  const time = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  const stage = STAGES[i % STAGES.length] ?? 'identification';
  const record: Contact = {
    id: contactId(i),
    key: `person-${i}`,
    profileUrl: `https://www.linkedin.com/in/person-${i}/`,
    memberUrn: null,
    name: { display: `Person ${i}`, given: 'Person', family: String(i) },
    headline: 'Head of Operations at Northwind',
    company: 'Northwind',
    title: 'Head of Operations',
    location: 'Lyon, France',
    avatarUrl: null,
    openToWork: false,
    segment: i % 2 === 0 ? 'agencies' : 'saas',
    relevance: 'B',
    role: 'decision-maker',
    source: 'search',
    sourceDetail: '',
    status: i % 101 === 0 ? 'not-a-fit' : STATUS_IN_STAGE[stage],
    tags: ['bench'],
    notes: '',
    stage,
    stageHistory: [{ stage, since: time }],
    keepInTouchDays: i % 97 === 0 ? 30 : null,
    createdAt: time,
    updatedAt: time,
  };
  const touched = touchesPerContact > 0 ? { ...record, lastTouchAt: touch(i, 0).at } : record;

  return withTouchDue(touched, DEFAULT_CADENCE);
}

/** Touch 0 is the contact's latest. */
export function touch(i: number, t: number): Touch {
  const daysAgo = (i % LAST_TOUCH_SPREAD) + t * TOUCH_GAP_DAYS;
  const at = new Date(NOW.getTime() - daysAgo * DAY_MS - (i % 1_440) * 60_000).toISOString();

  return {
    id: `touch-${i}-${t}`,
    contactId: contactId(i),
    at,
    channel: 'linkedin-message',
    direction: t % 2 === 0 ? 'outbound' : 'inbound',
    summary: 'Talked about the Q3 roll-out and who else should join the next call.',
    supersedes: null,
    createdAt: at,
  };
}

export function step(i: number, today = TODAY): NextStep {
  const due = addDays(today, DUE_FROM + (i % DUE_SPAN));

  return {
    id: `step-${i}`,
    contactId: contactId(i),
    action: 'Send the proposal',
    due,
    state: 'open',
    openDue: due,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
  };
}

/** Deterministic spread over the contacts, so runs are comparable. */
let seed = 1;

function randomIndex(count: number): number {
  seed = (seed * 48_271) % 2_147_483_647;

  return seed % count;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();

  return performance.now() - start;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];

  for (let i = 0; i < runs; i += 1) times.push(await timed(work));

  times.sort((a, b) => a - b);

  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const results = await runStorageBench();
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
