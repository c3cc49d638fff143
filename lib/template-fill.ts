import { z } from 'zod';
import type { Contact, Status } from './model/contact';
import type { Template } from './model/template';
import type { Channel, Touch } from './model/touch';

/** The variables a template body may use, each written in braces: `{firstName}`. */
export const TEMPLATE_VARIABLES = [
  'firstName',
  'lastName',
  'fullName',
  'company',
  'title',
  'event',
  'lastTouch',
] as const;
export const TemplateVariable = z.enum(TEMPLATE_VARIABLES);
export type TemplateVariable = z.infer<typeof TemplateVariable>;

/** What each variable stands for with one contact; null when the contact has nothing for it. */
export const TemplateValues = z.record(TemplateVariable, z.string().nullable());
export type TemplateValues = z.infer<typeof TemplateValues>;

export interface FilledTemplate {
  text: string;
  /** Known variables with no value, in order of first use: they were left out of `text`. */
  missing: TemplateVariable[];
  /** Words in braces that are no variable, in order of first use: left in `text` as written. */
  unknown: string[];
}

export interface TemplateValueOptions {
  /** Locale of the last touch's date, e.g. `ru`; the runtime's own when left out. */
  locale?: string;
  /** Time zone of the last touch's date; the runtime's own when left out. */
  timeZone?: string;
  /** How a channel reads inside a message, e.g. the interface's own label for it. */
  channelName?: (channel: Channel) => string;
}

/** The parts of a touch that `{lastTouch}` describes; a TouchView fits. */
export type TouchForTemplate = Pick<Touch, 'at' | 'channel' | 'summary'>;

const CHANNEL_NAMES: Record<Channel, string> = {
  'linkedin-message': 'LinkedIn message',
  inmail: 'InMail',
  email: 'email',
  call: 'call',
  meeting: 'meeting',
  event: 'event',
  comment: 'comment',
  other: 'conversation',
};

/** Long summaries would swamp the message; a phrase is enough to remind. */
const PHRASE_LENGTH = 100;

/**
 * The values of every variable for one contact and their latest touch.
 *
 * @example templateValues(contact, await lastTouch(db, contact.id), { locale: 'en-GB' })
 */
export function templateValues(
  contact: Contact,
  last: TouchForTemplate | undefined,
  options: TemplateValueOptions = {},
): TemplateValues {
  const { given, family } = nameParts(contact);

  return {
    firstName: given,
    lastName: family,
    fullName: present(contact.name.display),
    company: present(contact.company),
    title: present(contact.title),
    event: contact.source === 'event' ? present(contact.sourceDetail) : null,
    lastTouch: last === undefined ? null : touchPhrase(last, options),
  };
}

/**
 * A name edited by hand keeps neither part, so the display name is split at its first
 * space then; a one-word name has no parts to offer.
 */
function nameParts(contact: Contact): { given: string | null; family: string | null } {
  const { display, given, family } = contact.name;

  if (present(given) !== null || present(family) !== null) {
    return { given: present(given), family: present(family) };
  }

  const [first = '', ...rest] = display.trim().split(/\s+/);

  return rest.length === 0
    ? { given: null, family: null }
    : { given: first, family: rest.join(' ') };
}

function present(value: string | null): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';

  return text === '' ? null : text;
}

/** The touch's summary when it has one, else what kind of touch it was and when. */
function touchPhrase(touch: TouchForTemplate, options: TemplateValueOptions): string {
  const summary = present(touch.summary);

  if (summary !== null) return shortened(summary.replace(/\.$/, ''));

  const channel = (options.channelName ?? ((c: Channel) => CHANNEL_NAMES[c]))(touch.channel);
  const date = new Intl.DateTimeFormat(options.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: options.timeZone,
  }).format(new Date(touch.at));

  return `${channel}, ${date}`;
}

function shortened(text: string): string {
  if (text.length <= PHRASE_LENGTH) return text;

  const cut = text.slice(0, PHRASE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');

  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** `{firstName}`, also with spaces inside the braces; the name is matched ignoring case. */
const TOKEN = /\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}/g;

const BY_LOWER_NAME = new Map(TEMPLATE_VARIABLES.map((name) => [name.toLowerCase(), name]));

/** Where a variable had no value: the text on both sides is joined tidily there. */
const GAP = Symbol('gap');
type Piece = string | typeof GAP;

/**
 * Puts the values into a template body. A variable with no value is left out, together with
 * the space it leaves behind, and listed in `missing`; unknown `{words}` stay as written.
 *
 * @example fillTemplate('Hi {firstName}, thanks!', values) // { text: 'Hi, thanks!', … }
 */
export function fillTemplate(body: string, values: TemplateValues): FilledTemplate {
  const found: Found = { missing: new Set(), unknown: new Set() };
  const pieces: Piece[] = [];
  let from = 0;

  for (const match of body.matchAll(TOKEN)) {
    pieces.push(body.slice(from, match.index), pieceFor(match, values, found));
    from = match.index + match[0].length;
  }

  pieces.push(body.slice(from));

  return { text: joined(pieces), missing: [...found.missing], unknown: [...found.unknown] };
}

const NO_VALUES = TemplateValues.parse(
  Object.fromEntries(TEMPLATE_VARIABLES.map((variable) => [variable, null])),
);

/**
 * The variables a body uses and the words in braces that are no variable, each once, in
 * order: what an editor points out before the template is used.
 *
 * @example variablesIn('Hi {firstName}, {me}') // known: ['firstName'], unknown: ['me']
 */
export function variablesIn(body: string): { known: TemplateVariable[]; unknown: string[] } {
  const { missing, unknown } = fillTemplate(body, NO_VALUES);

  return { known: missing, unknown };
}

interface Found {
  missing: Set<TemplateVariable>;
  unknown: Set<string>;
}

function pieceFor(match: RegExpMatchArray, values: TemplateValues, found: Found): Piece {
  const [token, name = ''] = match;
  const variable = BY_LOWER_NAME.get(name.toLowerCase());

  if (variable === undefined) {
    found.unknown.add(name);
    return token;
  }

  const value = present(values[variable]);

  if (value === null) found.missing.add(variable);

  return value ?? GAP;
}

function joined(pieces: Piece[]): string {
  if (!pieces.includes(GAP)) return pieces.join('');

  let text = '';
  let afterGap = false;

  for (const piece of pieces) {
    if (piece === GAP) {
      afterGap = true;
      continue;
    }

    text = afterGap ? closeGap(text, piece) : text + piece;
    afterGap = false;
  }

  const closed = afterGap ? closeGap(text, null) : text;

  // "… ({lastTouch})" at the very end loses its brackets only after the space was kept.
  return closed.replace(SPACE_AT_END, '');
}

/** Spaces and tabs, not line breaks: a gap never joins two lines. */
const SPACE_AT_END = /[^\S\r\n]+$/;
const SPACE_AT_START = /^[^\S\r\n]+/;
/** Punctuation that sits right after a word, so no space may come before it. */
const CLOSING = /^[,.;:!?…)\]»”]/;
/** A comma or the like that has nothing left to follow at the start of a line. */
const DANGLING = /^[,;:][^\S\r\n]*/;

/**
 * Joins the text before a gap with the text after it (null at the end of the body): one
 * space at most, none before punctuation or at a line's ends, and no empty brackets.
 */
function closeGap(before: string, after: string | null): string {
  const left = before.replace(SPACE_AT_END, '');
  const right = (after ?? '').replace(SPACE_AT_START, '');
  const spaced = left !== before || right !== after;

  if (left === '' || left.endsWith('\n')) return left + right.replace(DANGLING, '');

  if (after === null || /^\r?\n/.test(right) || CLOSING.test(right)) {
    // "({lastTouch})" with no value would leave "()" behind.
    if (left.endsWith('(') && right.startsWith(')')) {
      return closeGap(left.slice(0, -1), right.slice(1));
    }

    return left + right;
  }

  return `${left}${spaced ? ' ' : ''}${right}`;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The templates to offer for a contact with `status`: the ones tagged with it first, then
 * the ones that suit any status, then the rest, each group by name.
 */
export function templatesFor<T extends Pick<Template, 'name' | 'statuses'>>(
  templates: readonly T[],
  status: Status,
): T[] {
  const group = (template: T): number => {
    if (template.statuses.includes(status)) return 0;

    return template.statuses.length === 0 ? 1 : 2;
  };

  return [...templates].sort((a, b) => group(a) - group(b) || byName.compare(a.name, b.name));
}
