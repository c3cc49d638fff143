/** Text functions shared by the LinkedIn readers. They read text only, never markup. */

const COMMENT_NODE = 8;

const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

/** NFC, every run of spaces (incl. no-break spaces) to one space, trimmed. */
export function collapse(text: string): string {
  return text.normalize('NFC').replace(SPACES, ' ').trim();
}

/** "XX" → "X": LinkedIn doubles labels for screen readers when both copies land in one node. */
export function undouble(text: string): string {
  const half = text.length / 2;
  if (text.length < 2 || !Number.isInteger(half)) return text;

  return text.slice(0, half) === text.slice(half) ? text.slice(0, half) : text;
}

/** The text of a node, or null when it has none. */
export function textOf(node: Node | null | undefined): string | null {
  const text = collapse(node?.textContent ?? '');
  return text === '' ? null : text;
}

/**
 * The text a sighted reader sees. LinkedIn renders most labels twice: a span[aria-hidden]
 * copy for the eye and a visually hidden copy for screen readers (its class is hashed in 2026).
 * The aria-hidden copy wins only when the rest of the text repeats it; an aria-hidden icon
 * next to a label must not replace the label.
 */
export function visibleText(element: Element | null | undefined): string | null {
  const full = textOf(element);
  if (!element || full === null) return null;

  const shown = textOf(element.querySelector('span[aria-hidden="true"]'));
  const rest = shown === null ? null : full.slice(shown.length).trim();
  const repeated = shown !== null && full.startsWith(shown) && (rest ?? '').startsWith(shown);
  return repeated || full === shown ? (shown ?? full) : undouble(full);
}

/** Text of the nodes of `container` that come before the branch holding `marker`. */
export function textBefore(container: Element, marker: Element): string {
  let text = '';

  for (const child of Array.from(container.childNodes)) {
    if (child === marker || child.contains(marker)) break;
    // React leaves `<!-- -->` separators between text runs; comments are not page text.
    if (child.nodeType !== COMMENT_NODE) text += ` ${child.textContent ?? ''}`;
  }

  return collapse(text);
}

/** Removes separator dots and bullets LinkedIn puts between inline items. */
export function trimSeparators(text: string): string {
  return text.replace(/^[\s·•|]+|[\s·•|]+$/gu, '');
}
