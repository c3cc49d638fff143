/**
 * Puts a text into the open conversation's message box, only when the rep asks for it. It never
 * sends: the rep reads the text, edits it and presses Send themselves.
 */

import { firstMatch, openShadowRoots } from './dom';
import { MESSAGE_BOX, THREAD } from './selectors';

export type InsertResult = { ok: true } | { ok: false; reason: 'no-message-box' };

/** The reply box of the open thread, in the light DOM or an open shadow root. */
export function findMessageBox(doc: Document): HTMLElement | null {
  const thread = firstMatch(doc, THREAD);
  const roots = [thread ?? doc, ...openShadowRoots(doc)];

  for (const root of roots) {
    const box = firstMatch(root, MESSAGE_BOX);
    if (box instanceof HTMLElement) return box;
  }

  return null;
}

/**
 * Inserts `text` at the caret of the message box, or at its end, on a new line when the box
 * already holds text. The editor's own insertText
 * command keeps LinkedIn's editor state in step and needs no HTML, so it works under the page's
 * Trusted Types policy; where it is refused, text nodes are written and an input event tells
 * the editor.
 */
export function insertIntoMessageBox(doc: Document, text: string): InsertResult {
  const box = findMessageBox(doc);
  if (!box) return { ok: false, reason: 'no-message-box' };

  box.focus();
  placeCaretAtEnd(doc, box);

  const before = box.textContent ?? '';
  // What the rep wrote stays; the template starts on a line of its own after it.
  if (before.trim() !== '') doc.execCommand?.('insertParagraph', false);
  const inserted = doc.execCommand?.('insertText', false, text) === true;

  if (!inserted || box.textContent === before) writeLines(doc, box, text);

  return { ok: true };
}

/** Keeps the rep's caret when it is already in the box, else puts it after what is there. */
function placeCaretAtEnd(doc: Document, box: HTMLElement): void {
  const selection = doc.getSelection();
  if (!selection || (selection.anchorNode && box.contains(selection.anchorNode))) return;

  const range = doc.createRange();
  range.selectNodeContents(box);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** One paragraph a line, as LinkedIn's editor writes them, built from text nodes only. */
function writeLines(doc: Document, box: HTMLElement, text: string): void {
  const empty = (box.textContent ?? '').trim() === '';
  const paragraphs = text.split('\n').map((line) => {
    const p = doc.createElement('p');
    if (line === '') p.append(doc.createElement('br'));
    else p.textContent = line;
    return p;
  });

  if (empty) box.replaceChildren(...paragraphs);
  else box.append(...paragraphs);

  box.dispatchEvent(
    new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }),
  );
}
