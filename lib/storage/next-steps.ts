import { z } from 'zod';
import { addDays } from '../dates';
import { LocalDate, NextStep } from '../model/next-step';
import { INDEX } from './db';
import type { IDBPObjectStore } from 'idb';
import type { RapportDB, RapportSchema, StoreName } from './db';
import { ConflictError, NotFoundError } from './errors';
import { inReadTx, inWriteTx, validated } from './tx';

/** What the rep plans: an action and the calendar day it is due. */
export const NextStepPlan = z.object({
  action: NextStep.shape.action,
  due: LocalDate,
});
export type NextStepPlan = z.infer<typeof NextStepPlan>;

const SnoozeDays = z.number().int().min(1).max(3_650);

/** A fresh open step; `openDue` puts it on the due list. */
export function newStep(contactId: string, plan: NextStepPlan, now: string): NextStep {
  const { action, due } = validated(NextStepPlan, plan, 'next step');
  const record = {
    id: crypto.randomUUID(),
    contactId,
    action,
    due,
    state: 'open',
    openDue: due,
    createdAt: now,
    updatedAt: now,
  };

  return validated(NextStep, record, 'next step');
}

/**
 * Sets the contact's one next step. When a step is still open (or snoozed), it is that step
 * whose action and due date change, and it is open again: there is never a second open step.
 * Otherwise a new step is created. Done steps stay as history.
 */
export async function setNextStep(
  db: RapportDB,
  contactId: string,
  action: string,
  due: LocalDate,
  now: Date = new Date(),
): Promise<NextStep> {
  const plan = validated(NextStepPlan, { action, due }, 'next step');
  const stamp = now.toISOString();

  return inWriteTx(db, ['contacts', 'nextSteps'], async (tx) => {
    if (!(await tx.objectStore('contacts').get(contactId))) {
      throw new NotFoundError('contact', contactId);
    }

    const current = await openStepOf(tx.objectStore('nextSteps'), contactId);
    const step = current ? reopened(current, plan, stamp) : newStep(contactId, plan, stamp);

    await tx.objectStore('nextSteps').put(step);

    return step;
  });
}

function reopened(step: NextStep, plan: NextStepPlan, now: string): NextStep {
  const changed = { ...step, ...plan, state: 'open', openDue: plan.due, updatedAt: now };

  return validated(NextStep, changed, 'next step');
}

/** Marks a step done, which takes it off the due list. Completing a done step changes nothing. */
export async function completeNextStep(
  db: RapportDB,
  id: string,
  now: Date = new Date(),
): Promise<NextStep> {
  return changeStep(db, id, (step) => {
    if (step.state === 'done') return step;

    return { ...withoutOpenDue(step), state: 'done', updatedAt: now.toISOString() };
  });
}

/** A done step must not carry `openDue`, or the due index would still list it. */
export function withoutOpenDue(step: NextStep): NextStep {
  const copy = { ...step };
  delete copy.openDue;

  return copy;
}

/** Moves a step that is not done to `today + days` and marks it snoozed. */
export async function snoozeNextStep(
  db: RapportDB,
  id: string,
  days: number,
  today: LocalDate,
  now: Date = new Date(),
): Promise<NextStep> {
  const count = validated(SnoozeDays, days, 'snooze');
  const due = addDays(validated(LocalDate, today, 'snooze'), count);

  return changeStep(db, id, (step) => {
    if (step.state === 'done') {
      throw new ConflictError('This next step is already done, so it cannot be snoozed.');
    }

    return { ...step, due, openDue: due, state: 'snoozed', updatedAt: now.toISOString() };
  });
}

async function changeStep(
  db: RapportDB,
  id: string,
  change: (step: NextStep) => NextStep,
): Promise<NextStep> {
  return inWriteTx(db, ['nextSteps'], async (tx) => {
    const store = tx.objectStore('nextSteps');
    const step = await store.get(id);

    if (!step) throw new NotFoundError('next step', id);

    const changed = validated(NextStep, change(step), 'next step');

    if (changed !== step) await store.put(changed);

    return changed;
  });
}

/** The contact's step that is not done yet (open or snoozed), if it has one. */
export async function getOpenNextStep(
  db: RapportDB,
  contactId: string,
): Promise<NextStep | undefined> {
  return inReadTx(db, ['nextSteps'], (tx) => openStepOf(tx.objectStore('nextSteps'), contactId));
}

/** Every step of a contact, done ones included, latest due first. */
export async function listNextSteps(db: RapportDB, contactId: string): Promise<NextStep[]> {
  const steps = await inReadTx(db, ['nextSteps'], (tx) =>
    tx.objectStore('nextSteps').index(INDEX.stepByContact).getAll(contactId),
  );

  return steps.sort((a, b) => (a.due === b.due ? 0 : a.due < b.due ? 1 : -1));
}

type StepStore = IDBPObjectStore<RapportSchema, ArrayLike<StoreName>, 'nextSteps', Mode>;
type Mode = IDBTransactionMode;

async function openStepOf(store: StepStore, contactId: string): Promise<NextStep | undefined> {
  const steps = await store.index(INDEX.stepByContact).getAll(contactId);

  return steps.find((step) => step.state !== 'done');
}
