import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConversationReading, PageReading, type Diagnostic } from '@/lib/model/reading';
import {
  browserTimeZone,
  canonicalProfileUrl,
  readConversation,
  readPage,
  threadIdOfPage,
} from '@/lib/sites/linkedin';
import { loadPage, readSidecar } from './fixtures';
import {
  collapseText,
  element,
  MESSAGING_PAGES,
  notesOf,
  openConversation,
  readMessagingSidecar,
  readWithSidecar,
  type OpenConversation,
} from './conversations';

/** Facts about several fixtures at once, tested on their own below. */
const CROSS_FIXTURE = new Set(['messages', 'samePartnerAs', 'contactKey']);

describe.each(MESSAGING_PAGES)('reading the conversation in %s', (page) => {
  const sidecar = readMessagingSidecar(page);
  const { expected } = sidecar;
  const fields = Object.entries(expected).filter(([field]) => !CROSS_FIXTURE.has(field));
  const messages = expected.messages.map((message, index) => [index + 1, message] as const);
  let open: OpenConversation;
  let conversation: ConversationReading;
  let diagnostics: Diagnostic[];

  beforeAll(() => {
    open = openConversation(page);
    ({ conversation, diagnostics } = readWithSidecar(open));
  });

  afterAll(() => open.loaded.close());

  it.each(fields)('reads %s as the sidecar says', (field, value) => {
    const read = conversation[field as keyof ConversationReading];

    expect(read).toEqual(value);
  });

  it('reads exactly the messages the sidecar lists', () => {
    expect(conversation.messages).toHaveLength(expected.messages.length);
  });

  it.each(messages)('reads message %i as the sidecar says', (number, message) => {
    const read = conversation.messages[number - 1];

    expect(read && { ...read, text: collapseText(read.text) }).toEqual({
      ...message,
      text: collapseText(message.text),
    });
  });

  it('never takes the viewer for a partner', () => {
    const urls = conversation.partners.map((partner) => partner.profileUrl);
    const names = conversation.partners.map((partner) => partner.name);

    expect(urls).not.toContain(sidecar.viewer.profileUrl);
    expect(names).not.toContain(sidecar.viewer.name);
    expect(conversation.partner?.profileUrl).not.toBe(sidecar.viewer.profileUrl);
  });

  it.each(sidecar.mustNotCapture)('never takes $name ($why) for a partner', (bystander) => {
    const urls = conversation.partners.map((partner) => partner.profileUrl);
    const names = conversation.partners.map((partner) => partner.name);

    expect(urls).not.toContain(bystander.profileUrl);
    expect(names).not.toContain(bystander.name);
    expect(conversation.partner?.profileUrl).not.toBe(bystander.profileUrl);
  });

  it('has nothing it could not read', () => {
    expect(diagnostics).toEqual([]);
  });

  it('passes the ConversationReading schema', () => {
    expect(ConversationReading.safeParse(conversation).success).toBe(true);
  });
});

describe('the same partner in two threads', () => {
  const inmail = readMessagingSidecar('messaging-inmail.html');
  const same = inmail.expected.samePartnerAs;
  const opened: OpenConversation[] = [];

  afterAll(async () => {
    await Promise.all(opened.map((open) => open.loaded.close()));
  });

  function read(page: 'messaging-inmail.html' | 'messaging-thread.html'): ConversationReading {
    const open = openConversation(page);
    opened.push(open);
    return readWithSidecar(open).conversation;
  }

  it('reads one partner under two thread ids, never merging the threads', () => {
    const fromInMail = read('messaging-inmail.html');
    const fromThread = read('messaging-thread.html');

    expect(fromThread.threadId).toBe(same?.threadId);
    expect(fromThread.threadId).not.toBe(fromInMail.threadId);
    expect(fromThread.partner).toEqual(fromInMail.partner);
  });

  it('keys the partner as the sidecar says', () => {
    const partnerUrl = read('messaging-inmail.html').partner?.profileUrl ?? '';

    expect(canonicalProfileUrl(partnerUrl)?.key).toBe(inmail.expected.contactKey);
  });
});

describe('reading pages with readPage', () => {
  const opened: { close: () => Promise<void> }[] = [];

  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(opened.splice(0).map((page) => page.close()));
  });

  function readAt(page: string, url = readSidecar(page).servedAt): PageReading {
    const loaded = loadPage(page, url);
    opened.push(loaded);
    return readPage(loaded.document, url);
  }

  it.each(MESSAGING_PAGES)('reads %s as readConversation does in the browser zone', (page) => {
    const open = openConversation(page);
    opened.push(open.loaded);
    vi.useFakeTimers({ now: new Date(open.sidecar.now), toFake: ['Date'] });
    const { servedAt, now } = open.sidecar;

    const reading = readPage(open.doc, servedAt);

    const diagnostics: Diagnostic[] = [];
    const options = { timeZone: browserTimeZone(), diagnostics };
    const conversation = readConversation(open.doc, servedAt, new Date(now), options);
    expect(reading).toEqual({ kind: 'conversation', url: servedAt, conversation, diagnostics });
    expect(PageReading.safeParse(reading).success).toBe(true);
    expect(reading.kind === 'conversation' && reading.conversation.threadId).toBe(
      open.sidecar.expected.threadId,
    );
  });

  it.each([
    'profile-classic.html',
    'profile-hashed-h2.html',
    'profile-shadow.html',
    'profile-open-to-work.html',
    'profile-hostile.html',
  ])('still reads %s as the profile the sidecar names', (page) => {
    const expected = readSidecar(page).expected;

    const reading = readAt(page);

    expect(reading.kind).toBe('profile');
    expect(reading.kind === 'profile' && reading.profile.profileUrl).toBe(expected?.profileUrl);
  });

  it('still reads the feed as nothing at all', () => {
    const reading = readAt('feed.html');

    expect(reading).toEqual({
      kind: 'none',
      url: readSidecar('feed.html').servedAt,
      diagnostics: [],
    });
  });

  it('reads the inbox without an open thread as nothing at all', () => {
    const url = 'https://www.linkedin.com/messaging/';

    const reading = readAt('messaging-thread.html', url);

    expect(reading).toEqual({ kind: 'none', url, diagnostics: [] });
  });
});

describe('thread ids in messaging URLs', () => {
  const ID = '2-ZjgwYmY2YTYtZWVmOC00MzA3LWFkZGUtMjgxZWIwMjYwMzE1XzA5OA==';

  it.each([
    [`https://www.linkedin.com/messaging/thread/${ID}/`, ID],
    [`https://www.linkedin.com/messaging/thread/${ID}`, ID],
    [`https://www.linkedin.com/messaging/thread/${ID}/?trk=nav`, ID],
    [`https://www.linkedin.com/messaging/thread/${encodeURIComponent(ID)}/`, ID],
    ['https://linkedin.com/messaging/thread/6811475139785682944/', '6811475139785682944'],
  ])('reads the thread id of %s', (url, id) => {
    expect(threadIdOfPage(url)).toBe(id);
  });

  it.each([
    'https://www.linkedin.com/messaging/',
    'https://www.linkedin.com/messaging/thread/new/',
    'https://www.linkedin.com/messaging/thread/',
    `https://www.linkedin.com/messaging/thread/${ID}/details/`,
    `https://www.example.com/messaging/thread/${ID}/`,
    `http://www.linkedin.com/messaging/thread/${ID}/`,
    'https://www.linkedin.com/in/ngozi-adeyemi-clarke-7f3/',
    'not a url',
  ])('finds no thread id in %s', (url) => {
    expect(threadIdOfPage(url)).toBeNull();
  });
});

describe('variants of the messaging pages', () => {
  const opened: OpenConversation[] = [];

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((open) => open.loaded.close()));
  });

  function open(page: (typeof MESSAGING_PAGES)[number]): OpenConversation {
    const conversation = openConversation(page);
    opened.push(conversation);
    return conversation;
  }

  function events(doc: Document): Element[] {
    return Array.from(doc.querySelectorAll('.msg-s-event-listitem'));
  }

  it('still keeps the viewer out of the partners when the Me menu is gone', () => {
    const thread = open('messaging-group.html');
    element(thread.doc, '#global-nav').remove();

    const { conversation } = readWithSidecar(thread);

    expect(conversation.partners).toEqual(thread.sidecar.expected.partners);
    expect(conversation.messages.at(-1)?.from).toBe(thread.sidecar.viewer.name);
  });

  it('knows the viewer by their outbound messages when the page chrome is gone', () => {
    const thread = open('messaging-thread.html');
    element(thread.doc, '#global-nav').remove();

    const { conversation, diagnostics } = readWithSidecar(thread);

    expect(conversation.partners).toEqual(thread.sidecar.expected.partners);
    expect(conversation.messages[0]?.from).toBe(thread.sidecar.viewer.name);
    expect(diagnostics).toEqual([]);
  });

  it('notes an outbound message whose sender is not the viewer', () => {
    const thread = open('messaging-thread.html');
    const reply = events(thread.doc)[2];
    reply?.classList.remove('msg-s-event-listitem--other');

    const { diagnostics } = readWithSidecar(thread);

    expect(notesOf(diagnostics)).toContain(
      'an outbound message comes from someone other than the viewer',
    );
  });

  it('takes the partner from the profile card when the title bar is gone', () => {
    const thread = open('messaging-thread.html');
    element(thread.doc, '.msg-title-bar').remove();

    const { conversation } = readWithSidecar(thread);

    expect(conversation.partner).toEqual(thread.sidecar.expected.partner);
    expect(conversation.kind).toBe('message');
  });

  it('takes the partner from their messages, never the first sender, without a header', () => {
    const thread = open('messaging-thread.html');
    element(thread.doc, '.msg-title-bar').remove();
    element(thread.doc, '.msg-s-profile-card').remove();

    const { conversation } = readWithSidecar(thread);

    expect(conversation.partner).toEqual(thread.sidecar.expected.partner);
    expect(conversation.partners).toEqual(thread.sidecar.expected.partners);
  });

  it('reads the group partners from the senders when the participant list is gone', () => {
    const thread = open('messaging-group.html');
    element(thread.doc, 'section.msg-thread-participants').remove();

    const { conversation } = readWithSidecar(thread);

    expect(conversation.kind).toBe('group');
    expect(conversation.partners).toEqual(thread.sidecar.expected.partners);
  });

  it('keeps a silent group member from the avatars by name, with no profile URL', () => {
    const thread = open('messaging-group.html');
    element(thread.doc, 'section.msg-thread-participants').remove();
    for (const event of Array.from(thread.doc.querySelectorAll('.msg-s-message-list__event'))) {
      if (event.querySelector('a[href*="/in/jihoon-park-5k/"]')) event.remove();
    }

    const { conversation } = readWithSidecar(thread);

    expect(conversation.partners).toContainEqual({ name: '박지훈', profileUrl: null });
    expect(conversation.partners).toHaveLength(3);
  });

  it('reads the name without the InMail badge when the badge sits inside the heading', () => {
    const thread = open('messaging-inmail.html');
    const badge = element(thread.doc, '.msg-title-bar .msg-inmail-badge');
    element(thread.doc, '.msg-entity-lockup__entity-title').append(badge);

    const { conversation } = readWithSidecar(thread);

    expect(conversation.partner).toEqual(thread.sidecar.expected.partner);
    expect(conversation.kind).toBe('inmail');
  });

  it('keeps one partner when a sender links a member id instead of the vanity name', () => {
    const thread = open('messaging-thread.html');
    const memberUrl = 'https://www.linkedin.com/in/ACoAAB3x9kQBc1dEfGh2IjKlMnOpQrStUvWxYz0/';
    for (const link of Array.from(thread.doc.querySelectorAll('.msg-s-message-group__name'))) {
      if (link.textContent === 'Ngozi Adeyemi-Clarke') link.setAttribute('href', memberUrl);
    }

    const { conversation } = readWithSidecar(thread);

    expect(conversation.kind).toBe('message');
    expect(conversation.partners).toEqual(thread.sidecar.expected.partners);
  });

  it('leaves sender and time unread when a run continues in the other direction', () => {
    const thread = open('messaging-thread.html');
    const continuation = events(thread.doc)[1];
    continuation?.classList.add('msg-s-event-listitem--other');

    const { conversation, diagnostics } = readWithSidecar(thread);

    const second = conversation.messages[1];
    expect(second).toMatchObject({ from: null, fromProfileUrl: null, at: null, approx: true });
    expect(second?.direction).toBe('inbound');
    expect(notesOf(diagnostics)).toContain('message 2: continues a run of the other direction');
  });

  it('leaves the time unread when no day heading comes before it', () => {
    const thread = open('messaging-thread.html');
    element(thread.doc, '.msg-s-message-list__time-heading').remove();

    const { conversation, diagnostics } = readWithSidecar(thread);

    expect(conversation.messages.slice(0, 3).map((message) => message.at)).toEqual([
      null,
      null,
      null,
    ]);
    expect(conversation.messages[3]?.at).toBe(thread.sidecar.expected.messages[3]?.at);
    expect(notesOf(diagnostics)).toContain('message 1: no day heading above the time');
  });

  it('refuses a time later than now rather than keeping a wrong one', () => {
    const thread = open('messaging-thread.html');
    const times = thread.doc.querySelectorAll('.msg-s-message-group__timestamp');
    const last = times[times.length - 1];
    if (last) last.textContent = '11:59 PM';
    const expectedNote = 'message 9: time 2026-06-20T21:59:00Z is in the future';

    const { conversation, diagnostics } = readWithSidecar(thread);

    expect(conversation.lastMessageAt).toBeNull();
    expect(notesOf(diagnostics)).toContain(expectedNote);
  });

  it('prefers a datetime attribute on the time over its visible text', () => {
    const thread = open('messaging-inmail.html');
    const time = element(thread.doc, '.msg-s-message-group__timestamp');
    time.setAttribute('datetime', '2026-06-02T13:21:30.000Z');

    const { conversation } = readWithSidecar(thread);

    expect(conversation.messages[0]?.at).toBe('2026-06-02T13:21:30Z');
  });

  it('reads a line break as a space, never gluing the words around it', () => {
    const thread = open('messaging-thread.html');

    const { conversation } = readWithSidecar(thread);

    expect(conversation.messages[3]?.text).toBe(
      'Here are our volumes for Q3: • Lagos → Accra: 120 TEU • Lagos → Abidjan: 45 TEU',
    );
  });

  it('reads no conversation, with a note, when the thread pane is missing', () => {
    const thread = open('messaging-thread.html');
    element(thread.doc, '.msg-convo-wrapper').remove();

    const { conversation, diagnostics } = readWithSidecar(thread);

    expect(conversation).toMatchObject({ partner: null, partners: [], messages: [] });
    expect(conversation.threadId).toBe(thread.sidecar.expected.threadId);
    expect(notesOf(diagnostics)).toEqual(['conversation pane not found']);
  });

  it('uses the browser time zone when none is given', () => {
    const thread = open('messaging-thread.html');

    const conversation = readConversation(thread.doc, thread.sidecar.servedAt);

    expect(conversation.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
