import { describe, expect, it } from 'vitest';
import {
  collapse,
  textBefore,
  trimSeparators,
  undouble,
  visibleText,
} from '@/lib/sites/linkedin/text';

function element(tag: string, ...children: (Node | string)[]): HTMLElement {
  const created = document.createElement(tag);
  created.append(...children);
  return created;
}

function hiddenCopy(text: string): HTMLElement {
  const span = element('span', text);
  span.setAttribute('aria-hidden', 'true');
  return span;
}

describe('reading page text', () => {
  it('collapses no-break spaces and line breaks to single spaces', () => {
    const text = collapse('  Valencia,\u00a0Spain \n ');

    expect(text).toBe('Valencia, Spain');
  });

  it('keeps one copy of a label doubled for screen readers', () => {
    const label = element('div', hiddenCopy('Experience'), element('span', 'Experience'));

    const text = visibleText(label);

    expect(text).toBe('Experience');
  });

  it('keeps one copy of text doubled in a single node', () => {
    const text = undouble('Senior Account ExecutiveSenior Account Executive');

    expect(text).toBe('Senior Account Executive');
  });

  it('does not let an aria-hidden icon replace the label next to it', () => {
    const heading = element('h1', 'Zed Park ', hiddenCopy('🔒'));

    const text = visibleText(heading);

    expect(text).toBe('Zed Park 🔒');
  });

  it('reads the text before a link on its line, without separators', () => {
    const link = element('a', 'Contact info');
    const line = element('p', 'Accra, Ghana', document.createComment(' '), ' · ', link);

    const text = trimSeparators(textBefore(line, link));

    expect(text).toBe('Accra, Ghana');
  });

  it('reads markup-looking text as literal characters', () => {
    const headline = element('div', 'Growth Lead <img src=x onerror=alert(1)>');

    const text = visibleText(headline);

    expect(text).toBe('Growth Lead <img src=x onerror=alert(1)>');
    expect(headline.children).toHaveLength(0);
  });
});
