import { describe, expect, it } from 'vitest';
import { EmailAddress, emailAddress } from '@/lib/model/contact';
import { NextStep } from '@/lib/model/next-step';

describe('the next-step model', () => {
  it('accepts a calendar date as the due date', () => {
    const step = {
      id: 's1',
      contactId: 'c1',
      action: 'Send the proposal',
      due: '2026-12-05',
      state: 'open',
      openDue: '2026-12-05',
      createdAt: '2026-12-04T10:00:00.000Z',
      updatedAt: '2026-12-04T10:00:00.000Z',
    };

    expect(NextStep.parse(step).due).toBe('2026-12-05');
  });
});

describe('email addresses', () => {
  it.each([
    ['ada@example.test', 'ada@example.test'],
    ['  Ada.Lovelace@Example.TEST ', 'ada.lovelace@example.test'],
    ['Ada Lovelace <ada@example.test>', 'ada@example.test'],
    ['mailto:ada@example.test', 'ada@example.test'],
    ['ada@example.test; grace@example.test', 'ada@example.test'],
    ["o'brien+crm@example.test", "o'brien+crm@example.test"],
    ['n/a', null],
    ['ada at example dot test', null],
    ['ada@localhost', null],
    ['', null],
  ])('reads %j as %j', (cell, address) => {
    expect(emailAddress(cell)).toBe(address);
  });

  it('keeps an address trimmed and lower-cased', () => {
    expect(EmailAddress.parse(' Ada@Example.TEST')).toBe('ada@example.test');
  });

  it('refuses text that is not one address', () => {
    expect(EmailAddress.safeParse('ada@example.test, grace@example.test').success).toBe(false);
  });
});
