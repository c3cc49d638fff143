/** DOM lookups that also see into open shadow roots, where 2026 LinkedIn renders parts. */

import { OWNER_LINKS, SHADOW_HOSTS, SHADOW_TOP_CARD, TOP_CARD } from './selectors';

export type Root = Document | ShadowRoot | Element;

/** The first element matching any of the selectors, tried in order (not document order). */
export function firstMatch(root: Root, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }

  return null;
}

/** Open shadow roots of `root`'s elements, nested ones included, in document order. */
function allShadowRoots(root: Document | ShadowRoot, into: ShadowRoot[]): ShadowRoot[] {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const shadow = element.shadowRoot;
    if (!shadow) continue;

    into.push(shadow);
    allShadowRoots(shadow, into);
  }

  return into;
}

/** The known hosts first; the full walk only runs when they hold nothing. */
export function openShadowRoots(doc: Document): ShadowRoot[] {
  const known = SHADOW_HOSTS.map((selector) => doc.querySelector(selector)?.shadowRoot ?? null);
  const roots = known.filter((shadow): shadow is ShadowRoot => shadow !== null);

  return roots.length > 0 ? roots : allShadowRoots(doc, []);
}

function hasHeading(element: Element): boolean {
  return element.querySelector('h1, h2') !== null;
}

function cardInShadow(shadow: ShadowRoot): Element | null {
  const card = firstMatch(shadow, TOP_CARD);
  if (card) return card;

  for (const selector of SHADOW_TOP_CARD) {
    const found = Array.from(shadow.querySelectorAll(selector)).find(hasHeading);
    if (found) return found;
  }

  // A card of another shape: the shadow root's top-level element holding the name heading.
  return Array.from(shadow.children).find(hasHeading) ?? null;
}

/** Unknown layouts: the section around the first overlay link (photo, contact info). */
function cardAroundOwnerLink(root: Document | ShadowRoot): Element | null {
  return root.querySelector(OWNER_LINKS)?.closest('section') ?? null;
}

/** The profile's top card, in the light DOM or in an open shadow root. */
export function findTopCard(doc: Document): Element | null {
  const card = firstMatch(doc, TOP_CARD);
  if (card) return card;

  const shadows = openShadowRoots(doc);
  for (const shadow of shadows) {
    const found = cardInShadow(shadow);
    if (found) return found;
  }

  return [doc, ...shadows].map(cardAroundOwnerLink).find((found) => found !== null) ?? null;
}

/** An element by id in the document, or else in an open shadow root. */
export function findById(doc: Document, id: string): Element | null {
  const found = doc.getElementById(id);
  if (found) return found;

  for (const shadow of openShadowRoots(doc)) {
    const inShadow = shadow.getElementById(id);
    if (inShadow) return inShadow;
  }

  return null;
}

/** An attribute of an element, trimmed, or null when absent or empty. */
export function attribute(element: Element | null, name: string): string | null {
  const value = element?.getAttribute(name)?.trim() ?? '';
  return value === '' ? null : value;
}

/** Whether `later` comes after `earlier` in document order. */
export function follows(earlier: Node, later: Node): boolean {
  return (earlier.compareDocumentPosition(later) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
}
