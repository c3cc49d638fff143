import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '@/lib/imports/csv';
import { readMessagesExport } from '@/lib/imports/linkedin-messages';

const FIXTURE = 'tests/fixtures/csv/messages.csv';
const sidecar = JSON.parse(readFileSync(`${FIXTURE}.expected.json`, 'utf8'));
const expected = sidecar.expected;
const read = readMessagesExport(decodeCsvBytes(readFileSync(FIXTURE)));

describe("LinkedIn's messages export", () => {
  it('finds the owner as the most frequent sender, whatever the URL spelling', () => {
    expect(read.owner).toEqual(expected.owner);
  });

  it('counts inbound and outbound messages as the export says', () => {
    const all = read.conversations.flatMap((c) => c.messages);

    const counts = {
      inbound: all.filter((m) => m.direction === 'inbound').length,
      outbound: all.filter((m) => m.direction === 'outbound').length,
    };

    expect(counts).toEqual(expected.directionCounts);
  });

  it('groups the rows into its conversations, newest conversation first', () => {
    expect(read.conversations.map((c) => c.conversationId)).toEqual(
      expected.conversations.map((c: { conversationId: string }) => c.conversationId),
    );
  });

  const cases: [string, unknown][] = expected.conversations.map((c: { conversationId: string }) => [
    c.conversationId,
    c,
  ]);

  it.each(cases)('reads conversation %s exactly', (id, conversation) => {
    const mine = read.conversations.find((c) => c.conversationId === id);

    expect(mine).toEqual(conversation);
  });

  it('lists the people to match as contacts, with their conversations', () => {
    expect(read.contacts).toEqual(expected.contacts);
  });
});
