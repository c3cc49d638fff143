/** Display-name cleaning: what members type into their name field is not just their name. */

export type NameConfidence = 'high' | 'medium' | 'low' | 'none';
export type NameFlag = 'openToWork' | 'hiring' | 'placeholder';

export interface CleanName {
  display: string | null;
  given: string | null;
  family: string | null;
  prefix: string | null;
  suffixes: string[];
  nickname: string | null;
  pronouns: string | null;
  flags: NameFlag[];
  confidence: NameConfidence;
}

/** The name being cleaned, with what has been taken out of it so far. */
interface Draft {
  text: string;
  prefixes: string[];
  suffixes: string[];
  nickname: string | null;
  pronouns: string | null;
  flags: NameFlag[];
  confidence: NameConfidence;
}

const RANK: Record<NameConfidence, number> = { none: 0, low: 1, medium: 2, high: 3 };

const INVISIBLE =
  /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u115f\u1160\u3164\u2800]/gu;
const SPACES = /[\s\p{Zs}]+/gu;
/** Emoji, ®/™, skin tones, flags (regional indicators and tag sequences), keycaps. */
const PICTOGRAPHS = new RegExp(
  '[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\p{Regional_Indicator}' +
    '\\ufe0e\\ufe0f\\u20e3\\u{e0020}-\\u{e007f}]',
  'gu',
);
const BADGE = /,?\s*#(open_?to_?work|hiring)\b/giu;
const TAIL = / (?:\||•|·|–|—|-) /u;
const ASIDE = /\(([^()]*)\)|"([^"]*)"|“([^”]*)”|‘([^’]*)’/gu;
const PRONOUNS = /^(?:she|he|they|ze|xe|zie|ey|fae)(?:\/[\p{L}]+)+$/iu;
const PREFIX = /^(dipl\.-ing\.|dr\. med\.|prof\.|dr\.|mrs\.|mr\.|ms\.|mx\.|ing\.) /iu;
const GENERATIONAL = /^(?:jr\.?|sr\.?|ii|iii|iv)$/iu;
/** Credentials as written without dots or spaces; the mixed-case ones are listed as written. */
const CREDENTIALS = new Set(
  (
    'PHD DPHIL MBA EMBA MSC BSC MS MA BA BS MENG BENG MD DDS JD LLM LLB ESQ EDD PSYD DBA MPH ' +
    'MSW MFA PENG CENG CPA CFA CFP CMA CIA ACCA ACA FCA CIMA PMP CSM CSPO SPC PE RN CISSP ' +
    'CISA CISM SHRM-CP SHRM-SCP PHR SPHR FRM CAIA CHFC CLU CCNA ITIL'
  ).split(' '),
);
const MIXED_CASE_CREDENTIALS = new Set(
  'PhD DPhil MSc BSc MEng BEng LLM LLB Esq EdD PsyD ChFC PEng CEng'.split(' '),
);
const SHORT_CAPS = /^[A-Z]{2,5}$/u;
const NO_SPACE_SCRIPTS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const HTML_LIKE = /[<>]|&#?\w+;/u;
const PLACEHOLDER = 'linkedin member';

function lower(draft: Draft, confidence: NameConfidence): void {
  if (RANK[confidence] < RANK[draft.confidence]) draft.confidence = confidence;
}

function flag(draft: Draft, name: NameFlag): void {
  if (!draft.flags.includes(name)) draft.flags.push(name);
}

function tidy(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

function normalise(raw: string): string {
  return tidy(raw.normalize('NFC').replace(INVISIBLE, ''));
}

/** Screen-reader copies land in the same node as "XX"; keep one copy. */
function undoubleName(draft: Draft): void {
  const half = draft.text.length / 2;
  if (!Number.isInteger(half) || half === 0) return;

  if (draft.text.slice(0, half) !== draft.text.slice(half)) return;
  draft.text = draft.text.slice(0, half);
  lower(draft, 'medium');
}

function takeBadges(draft: Draft): void {
  draft.text = tidy(
    draft.text.replace(BADGE, (_match, badge: string) => {
      flag(draft, badge.toLowerCase() === 'hiring' ? 'hiring' : 'openToWork');
      return '';
    }),
  );
}

/** Members append their pitch after a separator: "Name | Hiring SDRs". */
function cutTail(draft: Draft): void {
  const match = TAIL.exec(draft.text);
  if (!match) return;

  const tail = draft.text.slice(match.index + match[0].length);
  if (/\bhiring\b/iu.test(tail)) flag(draft, 'hiring');
  if (/open[\s_-]*to[\s_-]*work/iu.test(tail)) flag(draft, 'openToWork');
  draft.text = draft.text.slice(0, match.index).trim();
}

function dropPictographs(draft: Draft): void {
  draft.text = tidy(draft.text.replace(PICTOGRAPHS, ' '));
}

/** A single word right after the first name, in parentheses or quotes, is a nickname. */
function isNicknameSlot(text: string, index: number, word: string): boolean {
  const before = text.slice(0, index).trim();
  return word !== '' && !/\s/u.test(word) && before !== '' && !before.includes(' ');
}

/** A parenthetical or quoted word: pronouns, a nickname, or a remark to drop. */
function classifyAside(draft: Draft, text: string, match: RegExpMatchArray): void {
  const inParentheses = match[1] !== undefined;
  const word = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim();

  if (inParentheses && PRONOUNS.test(word)) draft.pronouns ??= word;
  else if (!draft.nickname && isNicknameSlot(text, match.index ?? 0, word)) draft.nickname = word;
  else lower(draft, 'medium');
}

function takeAsides(draft: Draft): void {
  const text = draft.text;

  for (const match of text.matchAll(ASIDE)) classifyAside(draft, text, match);
  draft.text = tidy(text.replace(ASIDE, ' '));
}

function takePrefixes(draft: Draft): void {
  let match = PREFIX.exec(draft.text);

  while (match) {
    draft.prefixes.push(match[1] ?? '');
    draft.text = draft.text.slice(match[0].length).trim();
    match = PREFIX.exec(draft.text);
  }
}

function isCredential(part: string, head: string): boolean {
  const bare = part.replace(/[.\s]/gu, '');
  const asWritten = bare === bare.toUpperCase() || MIXED_CASE_CREDENTIALS.has(bare);
  if (CREDENTIALS.has(bare.toUpperCase()) && asWritten) return true;

  // Unknown short all-caps tokens are credentials too, unless the whole name is in caps.
  return SHORT_CAPS.test(bare) && head !== head.toUpperCase();
}

/** "Conrad Pierce III": generational suffixes may come without a comma. */
function takeGenerational(text: string, suffixes: string[]): string {
  const tokens = text.split(' ');
  const last = tokens[tokens.length - 1] ?? '';
  if (tokens.length < 2 || !GENERATIONAL.test(last)) return text;

  suffixes.push(last);
  return tokens.slice(0, -1).join(' ');
}

/** Splits "Head, PhD, Jr., Rest" into the head, its suffixes and the non-credential rest. */
function splitCommas(draft: Draft): { head: string; rest: string[]; credentials: boolean } {
  const [first = '', ...parts] = draft.text.split(',').map((part) => part.trim());
  const head = takeGenerational(first, draft.suffixes);
  const rest: string[] = [];
  let credentials = false;

  for (const part of parts.filter((p) => p !== '')) {
    const suffix = GENERATIONAL.test(part) || isCredential(part, head);
    if (suffix) draft.suffixes.push(part);
    else rest.push(part);
    credentials ||= suffix;
  }

  return { head, rest, credentials };
}

interface Parts {
  display: string;
  given: string | null;
  family: string | null;
}

/** "Okafor, Chidi": two single tokens around the comma are "Last, First". */
function swapLastFirst(draft: Draft, last: string, first: string): null {
  lower(draft, 'medium');
  draft.text = `${first} ${last}`;
  return null;
}

/** "Smith, Ph.D.": one token before credentials is most likely the family name. */
function familyOnly(draft: Draft, family: string): Parts {
  lower(draft, 'low');
  return { display: family, given: null, family };
}

/** Resolves commas: credentials, "Last, First", or a trailing pitch to drop. */
function resolveCommas(draft: Draft): Parts | null {
  const { head, rest, credentials } = splitCommas(draft);
  const single = head !== '' && !head.includes(' ');
  const [only] = rest;

  if (rest.length === 1 && single && only !== undefined && !only.includes(' ')) {
    return swapLastFirst(draft, head, only);
  }
  // Anything else after a comma is a pitch ("Mara Quist, Fractional CFO"): dropped.
  if (rest.length > 0) lower(draft, 'medium');

  draft.text = head;
  return single && credentials && rest.length === 0 ? familyOnly(draft, head) : null;
}

function splitTokens(draft: Draft): Parts {
  const display = draft.text;
  if (NO_SPACE_SCRIPTS.test(display)) return { display, given: null, family: null };

  const [given = display, ...family] = display.split(' ');
  if (family.length !== 1) lower(draft, 'medium');
  return { display, given, family: family.length > 0 ? family.join(' ') : null };
}

function judgeCase(draft: Draft, display: string): void {
  const shouting = display === display.toUpperCase() && display !== display.toLowerCase();
  if (shouting) lower(draft, 'medium');

  if (HTML_LIKE.test(display)) lower(draft, 'low');
}

function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}

function dropped(flags: NameFlag[]): CleanName {
  return {
    display: null,
    given: null,
    family: null,
    prefix: null,
    suffixes: [],
    nickname: null,
    pronouns: null,
    flags,
    confidence: 'none',
  };
}

function result(draft: Draft, parts: Parts): CleanName {
  return {
    ...parts,
    prefix: draft.prefixes.length > 0 ? draft.prefixes.join(' ') : null,
    suffixes: draft.suffixes,
    nickname: draft.nickname,
    pronouns: draft.pronouns,
    flags: draft.flags,
    confidence: draft.confidence,
  };
}

function newDraft(text: string): Draft {
  const empty = { prefixes: [], suffixes: [], flags: [], nickname: null, pronouns: null };
  return { text, ...empty, confidence: 'high' };
}

function strip(draft: Draft): void {
  undoubleName(draft);
  takeBadges(draft);
  cutTail(draft);
  dropPictographs(draft);
  takeAsides(draft);
  takePrefixes(draft);
}

/** Cleans a display name as LinkedIn shows it into a name a rep can greet. */
export function cleanName(raw: string): CleanName {
  const text = normalise(raw);
  if (text.toLowerCase() === PLACEHOLDER) return dropped(['placeholder']);
  if (!hasLetters(text)) return dropped([]);

  const draft = newDraft(text);
  strip(draft);
  if (!hasLetters(draft.text)) return dropped(draft.flags);

  const parts = resolveCommas(draft);
  if (!hasLetters(draft.text)) return dropped(draft.flags);

  const named = parts ?? splitTokens(draft);
  judgeCase(draft, named.display);
  return result(draft, named);
}
