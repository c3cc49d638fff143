import { z } from 'zod';
import { canonicalProfileUrl } from '../sites/linkedin';
import { Contact } from '../model/contact';
import { FieldChangeRecord } from '../model/field-change';
import { NextStep } from '../model/next-step';
import { Template } from '../model/template';
import { Touch } from '../model/touch';
import type { RapportDB } from './db';
import { withoutOpenDue } from './next-steps';
import { ContactBeforeStages, INDEX } from './db';
import { refreshContacts, withoutDerived } from './derived-fields';
import { BadBackupError, ConflictError, describeIssues, fieldIssues } from './errors';
import type { FieldIssue } from './errors';
import { withFirstStage } from './touch-due';
import { allOf, inReadTx, inWriteTx, utcIso, validated } from './tx';
import type { ReadTx, WriteTx } from './tx';

export const BACKUP_FORMAT = 'rapport-backup';
/**
 * Raised whenever a file could hold what an older Rapport would drop without a word: an older
 * one refuses a newer file rather than import part of it.
 */
export const BACKUP_VERSION = 5;

/** The oldest backup version this code still imports. */
const OLDEST_VERSION = 1;

export const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  contacts: z.array(Contact),
  touches: z.array(Touch),
  nextSteps: z.array(NextStep),
  templates: z.array(Template),
  fieldChanges: z.array(FieldChangeRecord),
});
export type BackupFile = z.infer<typeof BackupFile>;

/** Version 4 came before email addresses and lead ids, which its contacts simply lack. */
const BackupFileV4 = BackupFile.extend({ version: z.literal(4) });

/** Version 3 came before the history of fields read from profiles. */
const BackupFileV3 = BackupFile.omit({ fieldChanges: true }).extend({ version: z.literal(3) });

/** Version 2 came before stages and cadences. */
const BackupFileV2 = BackupFileV3.extend({
  version: z.literal(2),
  contacts: z.array(ContactBeforeStages),
});

/** Version 1 came before templates. */
const BackupFileV1 = BackupFileV2.omit({ version: true, templates: true }).extend({
  version: z.literal(1),
});

/**
 * What an import would do. Touches are append-only, so an import adds them or finds them
 * unchanged, never updates one. `applyImport` writes exactly these records.
 */
export interface ImportPlan {
  add: {
    contacts: Contact[];
    touches: Touch[];
    nextSteps: NextStep[];
    templates: Template[];
    fieldChanges: FieldChangeRecord[];
  };
  update: { contacts: Contact[]; nextSteps: NextStep[]; templates: Template[] };
  unchanged: {
    contacts: number;
    touches: number;
    nextSteps: number;
    templates: number;
    fieldChanges: number;
  };
}

const STORES = ['contacts', 'touches', 'nextSteps', 'templates', 'fieldChanges'] as const;
type BackupStore = (typeof STORES)[number];

/** Everything stored, read in one transaction so the file is one consistent snapshot. */
export async function exportBackup(db: RapportDB, now: Date = new Date()): Promise<BackupFile> {
  return inReadTx(db, [...STORES], async (tx) => {
    const [contacts, touches, nextSteps, templates, fieldChanges] = await Promise.all([
      tx.objectStore('contacts').getAll(),
      tx.objectStore('touches').getAll(),
      tx.objectStore('nextSteps').getAll(),
      tx.objectStore('templates').getAll(),
      tx.objectStore('fieldChanges').getAll(),
    ]);

    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      contacts,
      touches,
      nextSteps,
      templates,
      fieldChanges,
    };
  });
}

/**
 * Checks a whole backup (parsed JSON, or its text) and works out what importing it would add
 * and update. Changes nothing; throws BadBackupError naming the first faulty records.
 * Contacts match saved ones by id, else by profile key; touches by id, else by ref; the others
 * and field changes by id. Reads files of versions 1 (no templates) to 4 (no emails or lead
 * ids).
 */
export async function planImport(db: RapportDB, json: unknown): Promise<ImportPlan> {
  const file = normalized(parseBackup(json));

  checkRecords(file);

  return inReadTx(db, [...STORES], (tx) => planAgainst(tx, file));
}

/**
 * Writes a plan from `planImport` in one transaction: all of it is stored, or none. Then works
 * out the derived fields (replies awaited, last touch, cadence and due time) again for every
 * contact it wrote or gave touches to, from the touches now stored and this Rapport's cadence
 * settings, rather than trusting the file's copy of them.
 */
export async function applyImport(db: RapportDB, plan: ImportPlan): Promise<void> {
  const checked = checkedPlan(plan);

  try {
    await inWriteTx(db, [...STORES, 'meta'], async (tx) => {
      await writePlan(tx, checked);

      await refreshContacts(tx, touchedContacts(checked));
    });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;

    throw new ConflictError(
      'The saved data changed since this import was previewed, so nothing was imported. ' +
        'Choose the file again.',
      error,
    );
  }
}

async function writePlan(
  tx: WriteTx<BackupStore | 'meta'>,
  { add, update }: ImportPlan,
): Promise<void> {
  const contacts = tx.objectStore('contacts');
  const touches = tx.objectStore('touches');
  const steps = tx.objectStore('nextSteps');
  const templates = tx.objectStore('templates');
  const history = tx.objectStore('fieldChanges');

  await allOf([
    ...update.contacts.map((record) => () => contacts.put(record)),
    ...add.contacts.map((record) => () => contacts.add(record)),
    ...add.touches.map((record) => () => touches.add(record)),
    ...update.nextSteps.map((record) => () => steps.put(record)),
    ...add.nextSteps.map((record) => () => steps.add(record)),
    ...update.templates.map((record) => () => templates.put(record)),
    ...add.templates.map((record) => () => templates.add(record)),
    ...add.fieldChanges.map((record) => () => history.add(record)),
  ]);
}

/** Contacts whose history or record the plan writes. */
function touchedContacts({ add, update }: ImportPlan): string[] {
  return [
    ...add.contacts.map((c) => c.id),
    ...update.contacts.map((c) => c.id),
    ...add.touches.map((t) => t.contactId),
  ];
}

/** The plan is a plain object held by the page until the rep confirms: check it again. */
function checkedPlan(plan: ImportPlan): ImportPlan {
  const contacts = z.array(Contact);
  const steps = z.array(NextStep);
  const templates = z.array(Template);

  return {
    add: {
      contacts: validated(contacts, plan.add.contacts, 'imported contacts'),
      touches: validated(z.array(Touch), plan.add.touches, 'imported touches'),
      nextSteps: validated(steps, plan.add.nextSteps, 'imported next steps'),
      templates: validated(templates, plan.add.templates, 'imported templates'),
      fieldChanges: validated(
        z.array(FieldChangeRecord),
        plan.add.fieldChanges,
        'imported history',
      ),
    },
    update: {
      contacts: validated(contacts, plan.update.contacts, 'imported contacts'),
      nextSteps: validated(steps, plan.update.nextSteps, 'imported next steps'),
      templates: validated(templates, plan.update.templates, 'imported templates'),
    },
    unchanged: plan.unchanged,
  };
}

/**
 * A file of any version this code reads, in the current version's shape. Contacts of files
 * from before stages start in the stage their status suggests, as the database upgrade does;
 * files from before the field history have none.
 */
function parseBackup(json: unknown): BackupFile {
  const value = typeof json === 'string' ? parseText(json) : json;

  checkEnvelope(value);

  if (value.version === 1) return staged({ ...parsed(BackupFileV1, value), templates: [] });

  if (value.version === 2) return staged(parsed(BackupFileV2, value));

  if (value.version === 3) return withoutHistory(parsed(BackupFileV3, value));

  if (value.version === 4) return { ...parsed(BackupFileV4, value), version: BACKUP_VERSION };

  return parsed(BackupFile, value);
}

/** The file in the current shape, its contacts in the stages their statuses suggest. */
function staged(file: Omit<z.infer<typeof BackupFileV2>, 'version'>): BackupFile {
  const contacts = file.contacts.map(withFirstStage);

  return withoutHistory({ ...file, version: 3, contacts });
}

/** A version 3 file in the current shape: no changes were recorded before version 4. */
function withoutHistory(file: z.infer<typeof BackupFileV3>): BackupFile {
  return { ...file, version: BACKUP_VERSION, fieldChanges: [] };
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);

  if (!result.success) throw badRecords(fieldIssues(result.error));

  return result.data;
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadBackupError('This file is not a Rapport backup: it is not valid JSON.');
  }
}

/** The format and version are checked first: a wrong file deserves one clear sentence. */
function checkEnvelope(value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadBackupError('This file is not a Rapport backup: it holds no JSON object.');
  }

  const { format, version } = value as Record<string, unknown>;

  if (format !== BACKUP_FORMAT) {
    throw new BadBackupError(
      `This file is not a Rapport backup (its format is ${JSON.stringify(format) ?? 'missing'}).`,
    );
  }

  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BadBackupError(
      `This backup comes from a newer Rapport (backup version ${version}). ` +
        'Update Rapport, then import it again.',
    );
  }

  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_VERSION) {
    throw new BadBackupError(
      `This backup has an unknown version (${JSON.stringify(version) ?? 'missing'}); ` +
        `this Rapport reads versions ${OLDEST_VERSION} to ${BACKUP_VERSION}.`,
    );
  }
}

function badRecords(issues: FieldIssue[]): BadBackupError {
  return new BadBackupError(
    `This backup can't be imported, nothing was changed. ${describeIssues(issues)}`,
    issues,
  );
}

/**
 * Stores the file in the shape the indexes rely on: UTC timestamps, so that string order is
 * time order, and `openDue` exactly on the steps that are not done. The derived fields are
 * left out: the import works them out again from the touches and the cadence settings.
 */
function normalized(file: BackupFile): BackupFile {
  return {
    ...file,
    contacts: file.contacts.map(normalizedContact),
    touches: file.touches.map((t) => ({ ...t, at: utcIso(t.at), createdAt: utcIso(t.createdAt) })),
    nextSteps: file.nextSteps.map(normalizedStep),
    templates: file.templates.map((t) => ({ ...t, ...utcTimes(t) })),
    fieldChanges: file.fieldChanges.map((c) => ({ ...c, at: utcIso(c.at) })),
  };
}

function normalizedContact(contact: Contact): Contact {
  const stageHistory = contact.stageHistory.map((s) => ({ ...s, since: utcIso(s.since) }));
  const normal = { ...withoutDerived(contact), ...utcTimes(contact), stageHistory };

  return { ...normal, ...utcOptional(contact, OPTIONAL_TIMES) };
}

/** Times a contact has only sometimes; the ones it has are indexed or compared as strings. */
const OPTIONAL_TIMES = ['keepInTouchSnoozedUntil', 'lastVerifiedAt', 'jobChangedAt'] as const;

function utcOptional(contact: Contact, fields: typeof OPTIONAL_TIMES): Partial<Contact> {
  const present = fields.flatMap((field) => {
    const time = contact[field];

    return time === undefined ? [] : [[field, utcIso(time)]];
  });

  return Object.fromEntries(present) as Partial<Contact>;
}

function utcTimes(record: { createdAt: string; updatedAt: string }): typeof record {
  return { createdAt: utcIso(record.createdAt), updatedAt: utcIso(record.updatedAt) };
}

function normalizedStep(step: NextStep): NextStep {
  const rest = withoutOpenDue(step);
  const times = utcTimes(step);

  return step.state === 'done' ? { ...rest, ...times } : { ...rest, ...times, openDue: step.due };
}

function checkRecords(file: BackupFile): void {
  const issues = [
    ...file.contacts.flatMap(stageIssues),
    ...file.contacts.flatMap(profileIssues),
    ...repeated(file.contacts, 'contacts', 'id', (c) => c.id),
    ...repeated(file.contacts, 'contacts', 'key', (c) => c.key),
    ...repeated(file.touches, 'touches', 'id', (t) => t.id),
    ...repeated(file.touches, 'touches', 'ref', (t) => t.ref),
    ...repeated(file.nextSteps, 'nextSteps', 'id', (s) => s.id),
    ...repeated(file.templates, 'templates', 'id', (t) => t.id),
    ...repeated(file.fieldChanges, 'fieldChanges', 'id', (c) => c.id),
  ];

  if (issues.length > 0) throw badRecords(issues);
}

/** The stage history ends with the stage the contact is in, as the storage layer keeps it. */
function stageIssues(contact: Contact, i: number): FieldIssue[] {
  if (contact.stageHistory.at(-1)?.stage === contact.stage) return [];

  return [issue(`contacts[${i}].stageHistory`, 'Its last entry is not the contact’s stage')];
}

/**
 * The key is what pages are matched by, so it must be the one the profile URL gives: else the
 * contact would never be found from its page, or a second contact could claim the same person.
 */
function profileIssues(contact: Contact, i: number): FieldIssue[] {
  const profile = canonicalProfileUrl(contact.profileUrl);

  if (profile === null) {
    return [issue(`contacts[${i}].profileUrl`, 'It is not a LinkedIn profile URL')];
  }

  if (profile.key !== contact.key || profile.canonical !== contact.profileUrl) {
    return [issue(`contacts[${i}].key`, `It does not match the profile URL (${profile.key})`)];
  }

  return [];
}

/** Records whose `field` repeats an earlier record's; records without one never repeat. */
function repeated<T>(
  records: T[],
  list: string,
  field: string,
  value: (record: T) => string | undefined,
): FieldIssue[] {
  const firstAt = new Map<string, number>();

  return records.flatMap((record, i) => {
    const key = value(record);

    if (key === undefined) return [];

    const seen = firstAt.get(key);

    if (seen === undefined) {
      firstAt.set(key, i);
      return [];
    }

    return [{ path: `${list}[${i}].${field}`, message: `Same ${field} as ${list}[${seen}]` }];
  });
}

type PlanTx = ReadTx<BackupStore>;

async function planAgainst(tx: PlanTx, file: BackupFile): Promise<ImportPlan> {
  const contacts = await planContacts(tx, file.contacts);
  const touches = await planTouches(tx, file.touches, contacts.idMap);
  const steps = await planSteps(tx, file.nextSteps, contacts.idMap);
  const templates = await planTemplates(tx, file.templates);
  const history = await planFieldChanges(tx, file.fieldChanges, contacts.idMap);

  return {
    add: {
      contacts: contacts.add,
      touches: touches.add,
      nextSteps: steps.add,
      templates: templates.add,
      fieldChanges: history.add,
    },
    update: { contacts: contacts.update, nextSteps: steps.update, templates: templates.update },
    unchanged: {
      contacts: contacts.unchanged,
      touches: touches.unchanged,
      nextSteps: steps.unchanged,
      templates: templates.unchanged,
      fieldChanges: history.unchanged,
    },
  };
}

interface Sorted<T> {
  add: T[];
  update: T[];
  unchanged: number;
}

interface ContactsPlan extends Sorted<Contact> {
  /** File contact id → the id it is stored under: a contact matched by key keeps its own. */
  idMap: Map<string, string>;
}

async function planContacts(tx: PlanTx, records: Contact[]): Promise<ContactsPlan> {
  const store = tx.objectStore('contacts');
  const byKey = store.index(INDEX.contactByKey);
  const matches = await Promise.all(
    records.map(async (c) => (await store.get(c.id)) ?? (await byKey.get(c.key))),
  );
  const holders = await Promise.all(records.map((c) => byKey.getKey(c.key)));

  const plan: ContactsPlan = { add: [], update: [], unchanged: 0, idMap: new Map() };
  const issues: FieldIssue[] = [];
  const claimed = new Map<string, number>();

  records.forEach((record, i) => {
    const saved = matches[i];
    const id = saved?.id ?? record.id;
    const holder = holders[i];
    const first = claimed.get(id);

    if (first !== undefined) {
      issues.push(issue(`contacts[${i}]`, `Matches the same saved contact as contacts[${first}]`));
    } else if (holder !== undefined && holder !== id) {
      issues.push(issue(`contacts[${i}].key`, 'Another saved contact has this profile key'));
    }

    claimed.set(id, i);
    plan.idMap.set(record.id, id);
    sortInto(plan, saved && withoutDerived(saved), { ...record, id });
  });

  if (issues.length > 0) throw badRecords(issues);

  return plan;
}

function sortInto<T>(plan: Sorted<T>, saved: T | undefined, record: T): void {
  if (saved === undefined) plan.add.push(record);
  else if (sameValue(saved, record)) plan.unchanged += 1;
  else plan.update.push(record);
}

/** The record pointing at its contact's stored id. */
function withOwner<T extends { contactId: string }>(record: T, idMap: Map<string, string>): T {
  return { ...record, contactId: idMap.get(record.contactId) ?? record.contactId };
}

/**
 * A touch whose ref is saved under another id was logged on both sides, e.g. the same message
 * on two devices: it is unchanged, and corrections of it in the file point at the saved one.
 */
async function planTouches(
  tx: PlanTx,
  records: Touch[],
  idMap: Map<string, string>,
): Promise<Sorted<Touch>> {
  const owned = records.map((t) => withOwner(t, idMap));
  const saved = await Promise.all(owned.map((t) => tx.objectStore('touches').get(t.id)));
  const twins = await savedTwins(tx, owned, saved);
  const remapped = owned.map((t) => withCorrected(t, twins));
  const owners = await existingContacts(tx, remapped, idMap);
  const corrected = await existingTouches(tx, remapped);

  const plan: Sorted<Touch> = { add: [], update: [], unchanged: 0 };
  const issues: FieldIssue[] = [];

  remapped.forEach((touch, i) => {
    const stored = saved[i];

    if (!owners.has(touch.contactId)) {
      issues.push(issue(`touches[${i}].contactId`, 'No such contact in the backup or saved'));
    } else if (touch.supersedes !== null && !corrected.has(touch.supersedes)) {
      issues.push(issue(`touches[${i}].supersedes`, 'No such touch in the backup or saved'));
    } else if (stored && !sameValue(stored, touch)) {
      issues.push(issue(`touches[${i}]`, 'A different touch with this id is saved'));
    }

    if (twins.has(touch.id)) plan.unchanged += 1;
    else sortInto(plan, stored, touch);
  });

  if (issues.length > 0) throw badRecords(issues);

  return plan;
}

/** File touch id → the id of the saved touch with its ref, for touches not saved by id. */
async function savedTwins(
  tx: PlanTx,
  records: Touch[],
  saved: (Touch | undefined)[],
): Promise<Map<string, string>> {
  const byRef = tx.objectStore('touches').index(INDEX.touchByRef);
  const candidates = records.flatMap(({ id, ref }, i) =>
    saved[i] === undefined && ref !== undefined ? [{ id, ref }] : [],
  );
  const keys = await Promise.all(candidates.map(({ ref }) => byRef.getKey(ref)));

  return new Map(candidates.flatMap(({ id }, i) => twin(id, keys[i])));
}

function twin(fileId: string, savedId: string | undefined): [string, string][] {
  return savedId === undefined ? [] : [[fileId, savedId]];
}

/** The record correcting the saved twin of the touch it names, if that one has a twin. */
function withCorrected(touch: Touch, twins: Map<string, string>): Touch {
  if (touch.supersedes === null) return touch;

  return { ...touch, supersedes: twins.get(touch.supersedes) ?? touch.supersedes };
}

async function planSteps(
  tx: PlanTx,
  records: NextStep[],
  idMap: Map<string, string>,
): Promise<Sorted<NextStep>> {
  const store = tx.objectStore('nextSteps');
  const remapped = records.map((s) => withOwner(s, idMap));
  const saved = await Promise.all(remapped.map((s) => store.get(s.id)));
  const owners = await existingContacts(tx, remapped, idMap);

  const plan: Sorted<NextStep> = { add: [], update: [], unchanged: 0 };
  const issues: FieldIssue[] = [];

  remapped.forEach((step, i) => {
    if (!owners.has(step.contactId)) {
      issues.push(issue(`nextSteps[${i}].contactId`, 'No such contact in the backup or saved'));
    }

    sortInto(plan, saved[i], step);
  });

  issues.push(...(await secondOpenSteps(tx, remapped)));

  if (issues.length > 0) throw badRecords(issues);

  return plan;
}

async function planTemplates(tx: PlanTx, records: Template[]): Promise<Sorted<Template>> {
  const store = tx.objectStore('templates');
  const saved = await Promise.all(records.map((t) => store.get(t.id)));

  const plan: Sorted<Template> = { add: [], update: [], unchanged: 0 };
  records.forEach((template, i) => sortInto(plan, saved[i], template));

  return plan;
}

/** Field changes are append-only like touches: added, or found unchanged under their id. */
async function planFieldChanges(
  tx: PlanTx,
  records: FieldChangeRecord[],
  idMap: Map<string, string>,
): Promise<Sorted<FieldChangeRecord>> {
  const remapped = records.map((c) => withOwner(c, idMap));
  const saved = await Promise.all(remapped.map((c) => tx.objectStore('fieldChanges').get(c.id)));
  const owners = await existingContacts(tx, remapped, idMap);

  const plan: Sorted<FieldChangeRecord> = { add: [], update: [], unchanged: 0 };
  const issues: FieldIssue[] = [];

  remapped.forEach((change, i) => {
    const stored = saved[i];

    if (!owners.has(change.contactId)) {
      issues.push(issue(`fieldChanges[${i}].contactId`, 'No such contact in the backup or saved'));
    } else if (stored && !sameValue(stored, change)) {
      issues.push(issue(`fieldChanges[${i}]`, 'A different field change with this id is saved'));
    }

    sortInto(plan, stored, change);
  });

  if (issues.length > 0) throw badRecords(issues);

  return plan;
}

/** Ids among `records`' contact ids that the backup has or that are saved. */
async function existingContacts(
  tx: PlanTx,
  records: { contactId: string }[],
  idMap: Map<string, string>,
): Promise<Set<string>> {
  const inFile = new Set(idMap.values());
  const others = [...new Set(records.map((r) => r.contactId))].filter((id) => !inFile.has(id));
  const store = tx.objectStore('contacts');
  const keys = await Promise.all(others.map((id) => store.getKey(id)));

  return new Set([...inFile, ...keys.filter((key) => key !== undefined)]);
}

/** Ids of the touches that `records` correct and that the backup has or that are saved. */
async function existingTouches(tx: PlanTx, records: Touch[]): Promise<Set<string>> {
  const inFile = new Set(records.map((t) => t.id));
  const named = records.flatMap((t) => (t.supersedes === null ? [] : [t.supersedes]));
  const others = [...new Set(named)].filter((id) => !inFile.has(id));
  const store = tx.objectStore('touches');
  const keys = await Promise.all(others.map((id) => store.getKey(id)));

  return new Set([...inFile, ...keys.filter((key) => key !== undefined)]);
}

/** A contact has at most one step not done, counting saved steps the file does not replace. */
async function secondOpenSteps(tx: PlanTx, steps: NextStep[]): Promise<FieldIssue[]> {
  const inFile = new Set(steps.map((s) => s.id));
  const open = steps.filter((s) => s.state !== 'done');
  const byContact = tx.objectStore('nextSteps').index(INDEX.stepByContact);
  const contactIds = [...new Set(open.map((s) => s.contactId))];
  const saved = await Promise.all(contactIds.map((id) => byContact.getAll(id)));

  const openIds = new Map<string, string[]>();
  const note = (s: NextStep): void => {
    openIds.set(s.contactId, [...(openIds.get(s.contactId) ?? []), s.id]);
  };

  saved
    .flat()
    .filter((s) => s.state !== 'done' && !inFile.has(s.id))
    .forEach(note);
  open.forEach(note);

  return steps.flatMap((step, i) => {
    const first = openIds.get(step.contactId)?.[0];
    const second = step.state !== 'done' && first !== step.id;

    return second ? [issue(`nextSteps[${i}]`, 'Its contact already has an open next step')] : [];
  });
}

function issue(path: string, message: string): FieldIssue {
  return { path, message };
}

/** Deep equality of JSON-like records, whatever the order of their keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;

  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false;

  const aKeys = definedKeys(a);
  const bKeys = definedKeys(b);

  return aKeys.length === bKeys.length && aKeys.every((k) => sameValue(a[k], b[k]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Keys holding `undefined` count as absent, as they are once stored or written as JSON. */
function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}
