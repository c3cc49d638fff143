/** Text as a reader sees it laid out, for message bodies and names in the messaging pane. */

import { collapse } from './text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Elements that never hold page text. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);
/** Elements that break a line: their edges separate words even without spaces. */
const BREAKS = new Set(['BR', 'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'TR', 'TD']);

function appendText(node: Node, skip: string, parts: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return; // Ember's <!----> markers are not text

  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (NOT_TEXT.has(tag) || (skip !== '' && element.matches(skip))) return;

  const breaks = BREAKS.has(tag);
  if (breaks) parts.push(' ');
  for (const child of Array.from(element.childNodes)) appendText(child, skip, parts);
  if (breaks) parts.push(' ');
}

/**
 * The collapsed text of `node`, or null when it has none. Unlike `textContent`, a `<br>` or a
 * paragraph edge is a space, so "Q3:<br>• Lagos" reads "Q3: • Lagos". Elements matching
 * `skip` (screen-reader copies, badges) are left out.
 */
export function renderedText(node: Node | null | undefined, skip = ''): string | null {
  if (!node) return null;

  const parts: string[] = [];
  appendText(node, skip, parts);
  const text = collapse(parts.join(''));
  return text === '' ? null : text;
}
