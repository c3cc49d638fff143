import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage } from '@/lib/page-watcher';
import type { PageReading } from '@/lib/model/reading';

function readingOf(url: string): PageReading {
  return { kind: 'none', url, diagnostics: [] };
}

describe('the page watcher', () => {
  let ctx: ContentScriptContext;
  let published: PageReading[];
  let current: PageReading;

  beforeEach(() => {
    vi.useFakeTimers();
    ctx = new ContentScriptContext('test');
    published = [];
    current = readingOf('https://www.linkedin.com/feed/');
  });

  afterEach(() => {
    ctx.notifyInvalidated();
    vi.useRealTimers();
  });

  const start = (): void =>
    watchPage(ctx, { read: () => current, publish: (r) => void published.push(r) });

  it('publishes a reading as soon as it starts', () => {
    start();

    expect(published).toEqual([readingOf('https://www.linkedin.com/feed/')]);
  });

  it('reads again once the DOM has settled, not on every change', async () => {
    start();
    current = readingOf('https://www.linkedin.com/in/someone/');

    for (let i = 0; i < 5; i++) {
      document.body.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(published).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300);

    expect(published.map((r) => r.url)).toEqual([
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/in/someone/',
    ]);
  });

  it('does not publish the same reading twice', async () => {
    start();

    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(1_000);

    expect(published).toHaveLength(1);
  });

  it('reads even while the page never stops changing', async () => {
    start();
    current = readingOf('https://www.linkedin.com/in/busy/');

    for (let i = 0; i < 20; i++) {
      document.body.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(100);
    }

    expect(published.map((r) => r.url)).toContain('https://www.linkedin.com/in/busy/');
  });

  it('stops reading when the content script is invalidated', async () => {
    start();
    ctx.notifyInvalidated();
    current = readingOf('https://www.linkedin.com/in/later/');

    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(1_000);

    expect(published).toHaveLength(1);
  });
});
