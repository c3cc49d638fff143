import { describe, expect, it } from 'vitest';
import { ToBackground } from '@/lib/messages';

const PROFILE = {
  profileUrl: 'https://www.linkedin.com/in/sofia-ramirez-ortega-4a7b2/',
  key: 'sofia-ramirez-ortega-4a7b2',
  memberUrn: null,
  name: 'Sofía Ramírez Ortega',
  rawName: 'Sofía Ramírez Ortega',
  givenName: 'Sofía',
  familyName: 'Ramírez Ortega',
  headline: null,
  company: null,
  title: null,
  location: null,
  avatarUrl: null,
  avatarExpiresAt: null,
  openToWork: false,
  missing: ['headline', 'company', 'title', 'location', 'avatarUrl', 'memberUrn'],
};

describe('messages to the background', () => {
  it('accepts a profile reading from the content script', () => {
    const message = {
      type: 'page/read',
      reading: { kind: 'profile', url: PROFILE.profileUrl, profile: PROFILE, diagnostics: [] },
    };

    const parsed = ToBackground.safeParse(message);

    expect(parsed.success).toBe(true);
  });

  it('rejects a message of an unknown type', () => {
    const parsed = ToBackground.safeParse({ type: 'contacts/delete-all' });

    expect(parsed.success).toBe(false);
  });

  it.each([
    'javascript:alert(1)',
    'https://evil.example/in/sofia/',
    'http://www.linkedin.com/in/a/',
  ])('rejects a reading whose profile URL is %s', (profileUrl) => {
    const profile = { ...PROFILE, profileUrl };
    const reading = { kind: 'profile', url: PROFILE.profileUrl, profile, diagnostics: [] };

    const parsed = ToBackground.safeParse({ type: 'page/read', reading });

    expect(parsed.success).toBe(false);
  });

  it("rejects an avatar that is not on LinkedIn's media host", () => {
    const profile = { ...PROFILE, avatarUrl: 'javascript:alert(5)' };
    const message = {
      type: 'page/read',
      reading: { kind: 'profile', url: PROFILE.profileUrl, profile, diagnostics: [] },
    };

    const parsed = ToBackground.safeParse(message);

    expect(parsed.success).toBe(false);
  });

  it('rejects a reading with a field of the wrong type', () => {
    const profile = { ...PROFILE, openToWork: 'yes' };
    const message = {
      type: 'page/read',
      reading: { kind: 'profile', url: PROFILE.profileUrl, profile, diagnostics: [] },
    };

    const parsed = ToBackground.safeParse(message);

    expect(parsed.success).toBe(false);
  });
});
