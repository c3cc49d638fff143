import { afterEach, describe, expect, it } from 'vitest';
import { insertIntoMessageBox } from '@/lib/sites/linkedin';
import { openConversation, type OpenConversation } from './conversations';

describe('inserting a text into the message box', () => {
  let open: OpenConversation | null = null;

  afterEach(() => {
    open?.loaded.close();
    open = null;
  });

  it('puts the text in the open thread’s message box, a paragraph a line', () => {
    open = openConversation('messaging-thread.html');
    const box = open.doc.querySelector('.msg-form__contenteditable');

    const result = insertIntoMessageBox(open.doc, 'Hi Ngozi,\nthanks for the call.');

    expect(result).toEqual({ ok: true });
    expect(Array.from(box?.querySelectorAll('p') ?? [], (p) => p.textContent)).toEqual([
      'Hi Ngozi,',
      'thanks for the call.',
    ]);
  });

  it('keeps markup-like text as text, never as HTML', () => {
    open = openConversation('messaging-thread.html');
    const box = open.doc.querySelector('.msg-form__contenteditable');

    insertIntoMessageBox(open.doc, '<img src=x onerror=alert(1)> & <b>bold</b>');

    expect(box?.querySelector('img, b')).toBeNull();
    expect(box?.textContent).toBe('<img src=x onerror=alert(1)> & <b>bold</b>');
  });

  it('sends nothing: the form is not submitted and the send button stays as it was', () => {
    open = openConversation('messaging-thread.html');
    const events: string[] = [];
    open.doc.addEventListener('submit', () => events.push('submit'), true);
    open.doc.addEventListener('click', () => events.push('click'), true);

    insertIntoMessageBox(open.doc, 'Speak Monday!');

    expect(events).toEqual([]);
    expect(open.doc.querySelector<HTMLButtonElement>('.msg-form__send-button')?.disabled).toBe(
      true,
    );
  });

  it('says so when the page has no message box, and changes nothing', () => {
    open = openConversation('messaging-thread.html');
    open.doc.querySelector('form.msg-form')?.remove();
    const before = open.doc.body.innerHTML;

    const result = insertIntoMessageBox(open.doc, 'Hello');

    expect(result).toEqual({ ok: false, reason: 'no-message-box' });
    expect(open.doc.body.innerHTML).toBe(before);
  });
});
