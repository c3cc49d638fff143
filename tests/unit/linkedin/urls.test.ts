import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl, parseProfileUrl, profileOfPage } from '@/lib/sites/linkedin';
import { readJson } from './fixtures';

interface UrlCase {
  id: string;
  input: string;
  base?: string;
  expected: { key: string; canonical: string; type: string } | null;
  reason?: string;
  note: string;
}

const table = readJson<{ cases: UrlCase[] }>('tables/urls.json');

describe('canonical profile URLs', () => {
  it.each(table.cases)('$id: $note', ({ input, base, expected }) => {
    const result = canonicalProfileUrl(input, base);

    expect(result).toEqual(expected);
  });

  it.each(table.cases.filter((c) => c.reason))('$id rejects with "$reason"', (c) => {
    const result = parseProfileUrl(c.input, c.base);

    expect(result).toEqual({ ok: false, reason: c.reason });
  });

  it('names no person with a slug or lead id longer than any LinkedIn gives', () => {
    const long = 'a'.repeat(201);

    expect(parseProfileUrl(`https://www.linkedin.com/in/${long}/`)).toEqual({
      ok: false,
      reason: 'invalid-slug',
    });
    expect(canonicalProfileUrl(`https://www.linkedin.com/sales/lead/${long},NAME_SEARCH`)).toBe(
      null,
    );
    expect(
      canonicalProfileUrl(`https://www.linkedin.com/in/${'a'.repeat(200)}/`)?.key,
    ).toHaveLength(200);
  });

  it('gives the wire form of a non-ASCII canonical URL with encodeURI', () => {
    const result = canonicalProfileUrl('https://www.linkedin.com/in/анна-смирнова-7b');

    expect(encodeURI(result?.canonical ?? '')).toBe(
      'https://www.linkedin.com/in/' +
        '%D0%B0%D0%BD%D0%BD%D0%B0-%D1%81%D0%BC%D0%B8%D1%80%D0%BD%D0%BE%D0%B2%D0%B0-7b/',
    );
  });
});

describe('page classification', () => {
  it('treats a profile and its overlays as the profile page', () => {
    const plain = profileOfPage('https://www.linkedin.com/in/sam-ortiz-9/');
    const overlay = profileOfPage('https://www.linkedin.com/in/sam-ortiz-9/overlay/contact-info/');

    expect(plain?.key).toBe('sam-ortiz-9');
    expect(overlay?.key).toBe('sam-ortiz-9');
  });

  it('does not treat detail lists, activity feeds or Sales Navigator as a profile page', () => {
    const pages = [
      'https://www.linkedin.com/in/sam-ortiz-9/details/experience/',
      'https://www.linkedin.com/in/sam-ortiz-9/recent-activity/all/',
      'https://www.linkedin.com/sales/lead/ACwAAA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvWxY,NAME_SEARCH',
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/in/me/',
    ];

    const results = pages.map((page) => profileOfPage(page));

    expect(results).toEqual([null, null, null, null, null]);
  });
});
