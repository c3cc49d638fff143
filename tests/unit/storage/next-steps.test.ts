import { describe, expect, it } from 'vitest';
import { saveContact } from '@/lib/storage/contacts';
import { ConflictError, NotFoundError } from '@/lib/storage/errors';
import {
  completeNextStep,
  getOpenNextStep,
  listNextSteps,
  setNextStep,
  snoozeNextStep,
} from '@/lib/storage/next-steps';
import { LATER, NOW, draft, freshDb } from './fixtures';

describe('the next step of a contact', () => {
  it('creates an open step on the due list', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const step = await setNextStep(db, contact.id, 'Send the proposal', '2026-03-12', NOW);

    expect(step).toEqual({
      id: step.id,
      contactId: contact.id,
      action: 'Send the proposal',
      due: '2026-03-12',
      state: 'open',
      openDue: '2026-03-12',
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
    });
    expect(await getOpenNextStep(db, contact.id)).toEqual(step);
  });

  it('changes the open step instead of adding a second one', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const first = await setNextStep(db, contact.id, 'Send the proposal', '2026-03-12', NOW);

    const second = await setNextStep(db, contact.id, 'Call about it', '2026-03-14', LATER);

    expect(second).toMatchObject({
      id: first.id,
      action: 'Call about it',
      due: '2026-03-14',
      openDue: '2026-03-14',
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-11T15:30:00.000Z',
    });
    expect(await listNextSteps(db, contact.id)).toHaveLength(1);
  });

  it('takes a completed step off the due list and starts a new one next time', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const first = await setNextStep(db, contact.id, 'Send the proposal', '2026-03-12', NOW);

    const done = await completeNextStep(db, first.id, LATER);
    const next = await setNextStep(db, contact.id, 'Ask for feedback', '2026-03-20', LATER);

    expect(done).toEqual({
      id: first.id,
      contactId: contact.id,
      action: 'Send the proposal',
      due: '2026-03-12',
      state: 'done',
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-11T15:30:00.000Z',
    });
    expect(next.id).not.toBe(first.id);
    expect(await getOpenNextStep(db, contact.id)).toEqual(next);
    expect((await listNextSteps(db, contact.id)).map((s) => s.state)).toEqual(['open', 'done']);
  });

  it('snoozes a step to today plus the days given', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const step = await setNextStep(db, contact.id, 'Send the proposal', '2026-03-08', NOW);

    const snoozed = await snoozeNextStep(db, step.id, 3, '2026-03-30', LATER);

    expect(snoozed).toMatchObject({
      due: '2026-04-02',
      openDue: '2026-04-02',
      state: 'snoozed',
      updatedAt: '2026-03-11T15:30:00.000Z',
    });
    expect(await getOpenNextStep(db, contact.id)).toEqual(snoozed);
  });

  it('refuses to snooze a step that is done', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const step = await setNextStep(db, contact.id, 'Send the proposal', '2026-03-08', NOW);
    const done = await completeNextStep(db, step.id, NOW);

    const snoozing = snoozeNextStep(db, step.id, 3, '2026-03-10');

    await expect(snoozing).rejects.toThrow(ConflictError);
    expect(await listNextSteps(db, contact.id)).toEqual([done]);
  });

  it('refuses a snooze of zero or fractional days', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });
    const step = await setNextStep(db, contact.id, 'Send the proposal', '2026-03-08', NOW);

    await expect(snoozeNextStep(db, step.id, 0, '2026-03-10')).rejects.toMatchObject({
      code: 'invalid-record',
    });
    await expect(snoozeNextStep(db, step.id, 1.5, '2026-03-10')).rejects.toMatchObject({
      code: 'invalid-record',
    });
  });

  it('refuses a due date that is not a calendar day', async () => {
    const db = await freshDb();
    const { contact } = await saveContact(db, draft('ada-lovelace'), { now: NOW });

    const setting = setNextStep(db, contact.id, 'Call', '2026-02-30');

    await expect(setting).rejects.toMatchObject({
      code: 'invalid-record',
      issues: [{ path: 'due' }],
    });
  });

  it('says so for a contact or step that does not exist', async () => {
    const db = await freshDb();

    await expect(setNextStep(db, 'missing-id', 'Call', '2026-03-12')).rejects.toThrow(
      NotFoundError,
    );
    await expect(completeNextStep(db, 'missing-step')).rejects.toThrow(
      'The next step was not found (it may have been deleted). Id: missing-step',
    );
  });
});
