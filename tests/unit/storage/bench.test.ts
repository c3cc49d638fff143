import { describe, expect, it } from 'vitest';
import { runStorageBench } from '../../../scripts/bench-storage';

describe('the storage benchmark', () => {
  it('reports every measure with its unit and aim on a small data set', async () => {
    const size = { contacts: 300, touchesPerContact: 2, openSteps: 120, connectionRows: 200 };

    const results = await runStorageBench(size);

    expect(results.map(({ name, unit, aim }) => [name, unit, aim])).toEqual([
      ['load contacts, touches and open steps', 'ms', null],
      ['records: contacts', 'count', null],
      ['records: touches', 'count', null],
      ['records: open next steps', 'count', null],
      ['save one contact (median)', 'ms', 10],
      ['listDueFollowUps, first call', 'ms', 50],
      ['listDueFollowUps (median)', 'ms', 50],
      ['listDueFollowUps items returned', 'count', null],
      ['listDueFollowUps items beyond the limit', 'count', null],
      ['listDueFollowUps without limit (median)', 'ms', null],
      ['countOverdue (median)', 'ms', null],
      ['getContactByKey (median)', 'ms', null],
      ['listTouches of one contact (median)', 'ms', null],
      ['listKeepInTouch, first call', 'ms', 50],
      ['listKeepInTouch (median)', 'ms', 50],
      ['listMostOverdue, the list without counting the rest (median)', 'ms', 50],
      ['listKeepInTouch items returned', 'count', null],
      ['listKeepInTouch items beyond the limit', 'count', null],
      ['countKeepInTouch (median)', 'ms', null],
      ['log a touch and update due dates (median)', 'ms', 10],
      ['read 200 Connections.csv rows', 'ms', null],
      ['import 200 Connections.csv rows (plan + apply)', 'ms', 5000],
    ]);
    expect(results.find((r) => r.name === 'records: touches')?.value).toBe(600);
    expect(results.find((r) => r.name === 'listDueFollowUps items returned')?.value).toBe(22);
    const kept = (name: string) => results.find((r) => r.name === name)?.value;
    expect(kept('listKeepInTouch items returned')).toBe(50);
    expect(kept('listKeepInTouch items beyond the limit')).toBe(143);
  });
});
