import { describe, expect, it } from 'vitest';
import { cleanName } from '@/lib/sites/linkedin';
import { readJson } from './fixtures';

interface NameCase {
  id: string;
  input: string;
  expected: ReturnType<typeof cleanName>;
  note?: string;
}

const table = readJson<{ cases: NameCase[] }>('tables/names.json');

const named = table.cases.map((c) => ({ ...c, note: c.note ?? c.input }));

describe('display-name cleaning', () => {
  it.each(named)('$id: $note', ({ input, expected }) => {
    const result = cleanName(input);

    expect(result).toEqual(expected);
  });

  it('keeps a generational suffix written before the credentials in order', () => {
    const result = cleanName('Martin Luther King Jr., PhD');

    expect(result.suffixes).toEqual(['Jr.', 'PhD']);
    expect(result.display).toBe('Martin Luther King');
  });

  it('does not take an all-caps given name for a credential', () => {
    const result = cleanName('OKAFOR, CHIDI');

    expect(result.display).toBe('CHIDI OKAFOR');
    expect(result.suffixes).toEqual([]);
  });

  it('drops a pitch that contains only emoji and separators', () => {
    const result = cleanName('🚀🚀 | ✨');

    expect(result.display).toBeNull();
    expect(result.confidence).toBe('none');
  });

  it('removes a subdivision flag with its tag characters', () => {
    const result = cleanName(
      'Chen Yu \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
    );

    expect(result.display).toBe('Chen Yu');
    expect(result.confidence).toBe('high');
  });
});
