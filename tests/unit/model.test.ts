import { describe, expect, it } from 'vitest';
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
