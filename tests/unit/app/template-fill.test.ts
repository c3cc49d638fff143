import { describe, expect, it } from 'vitest';
import type { Contact } from '@/lib/model/contact';
import {
  fillTemplate,
  templatesFor,
  templateValues,
  variablesIn,
  type TemplateValues,
  type TouchForTemplate,
} from '@/lib/template-fill';

const ngozi: Contact = {
  id: 'c-1',
  key: 'ngozi-adeyemi-clarke-7f3',
  profileUrl: 'https://www.linkedin.com/in/ngozi-adeyemi-clarke-7f3/',
  memberUrn: null,
  name: { display: 'Ngozi Adeyemi-Clarke', given: 'Ngozi', family: 'Adeyemi-Clarke' },
  headline: 'Head of Logistics at Kora Freight',
  company: 'Kora Freight',
  title: 'Head of Logistics',
  location: 'Lagos',
  avatarUrl: null,
  openToWork: false,
  segment: 'Logistics',
  relevance: 'A',
  role: 'decision-maker',
  source: 'event',
  sourceDetail: 'Lagos Logistics Summit',
  status: 'lead',
  tags: [],
  notes: '',
  stage: 'commercial',
  stageHistory: [{ stage: 'commercial', since: '2026-06-12T09:00:00.000Z' }],
  keepInTouchDays: null,
  createdAt: '2026-06-12T09:00:00.000Z',
  updatedAt: '2026-06-12T09:00:00.000Z',
};

const call: TouchForTemplate = {
  at: '2026-06-16T14:40:00.000Z',
  channel: 'call',
  summary: 'Talked through the Q3 pilot.',
};

const NO_VALUES: TemplateValues = {
  firstName: null,
  lastName: null,
  fullName: null,
  company: null,
  title: null,
  event: null,
  lastTouch: null,
};

describe('the values a template is filled with', () => {
  it('takes every variable from the contact and their last touch', () => {
    const values = templateValues(ngozi, call);

    expect(values).toEqual({
      firstName: 'Ngozi',
      lastName: 'Adeyemi-Clarke',
      fullName: 'Ngozi Adeyemi-Clarke',
      company: 'Kora Freight',
      title: 'Head of Logistics',
      event: 'Lagos Logistics Summit',
      lastTouch: 'Talked through the Q3 pilot',
    });
  });

  it('splits a name edited by hand at its first space', () => {
    const contact = {
      ...ngozi,
      name: { display: 'Ngozi A. Adeyemi-Clarke', given: null, family: null },
    };

    const values = templateValues(contact, undefined);

    expect([values.firstName, values.lastName]).toEqual(['Ngozi', 'A. Adeyemi-Clarke']);
  });

  it('has no first or last name for a one-word name', () => {
    const contact = { ...ngozi, name: { display: '박지훈', given: null, family: null } };

    const values = templateValues(contact, undefined);

    expect([values.firstName, values.lastName, values.fullName]).toEqual([null, null, '박지훈']);
  });

  it('names the event only when the contact came from an event or webinar', () => {
    const referred = { ...ngozi, source: 'referral' as const, sourceDetail: 'Kwame' };

    const values = templateValues(referred, undefined);

    expect(values.event).toBeNull();
  });

  it('has no event when the event’s name was left empty', () => {
    const contact = { ...ngozi, sourceDetail: '  ' };

    const values = templateValues(contact, undefined);

    expect(values.event).toBeNull();
  });

  it('describes a last touch without a summary by its channel and date', () => {
    const touch = { ...call, summary: '' };

    const values = templateValues(ngozi, touch, { locale: 'en-GB', timeZone: 'UTC' });

    expect(values.lastTouch).toBe('call, 16 June 2026');
  });

  it('uses the given channel names and language for the last touch', () => {
    const touch = { ...call, summary: ' ' };
    const options = { locale: 'ru', timeZone: 'UTC', channelName: () => 'звонок' };

    const values = templateValues(ngozi, touch, options);

    expect(values.lastTouch).toBe('звонок, 16 июня 2026 г.');
  });

  it('shortens a long summary at a word, on one line', () => {
    const touch = {
      ...call,
      summary:
        'Walked through the pilot scope,\nthe lanes from Lagos to Accra and Abidjan, the ' +
        'visibility dashboard and the pricing for the first quarter',
    };

    const values = templateValues(ngozi, touch);

    expect(values.lastTouch).toBe(
      'Walked through the pilot scope, the lanes from Lagos to Accra and Abidjan, ' +
        'the visibility dashboard…',
    );
  });

  it('has no last touch for a contact without touches', () => {
    const values = templateValues(ngozi, undefined);

    expect(values.lastTouch).toBeNull();
  });
});

describe('filling a template', () => {
  const values = templateValues(ngozi, call);

  it('puts every variable’s value in its place', () => {
    const body =
      'Hi {firstName} {lastName} ({fullName}), {title} at {company}. ' +
      'Since {event}: {lastTouch}.';

    const filled = fillTemplate(body, values);

    expect(filled).toEqual({
      text:
        'Hi Ngozi Adeyemi-Clarke (Ngozi Adeyemi-Clarke), Head of Logistics at Kora Freight. ' +
        'Since Lagos Logistics Summit: Talked through the Q3 pilot.',
      missing: [],
      unknown: [],
    });
  });

  it('uses a variable as often as it is written', () => {
    const filled = fillTemplate('{firstName}! Yes, {firstName}.', values);

    expect(filled.text).toBe('Ngozi! Yes, Ngozi.');
  });

  it('reads a variable whatever its case and spaces inside the braces', () => {
    const filled = fillTemplate('Hi { FirstName },', values);

    expect(filled.text).toBe('Hi Ngozi,');
  });

  it('leaves a missing variable out, lists it once, and leaves no space before a comma', () => {
    const filled = fillTemplate('Hi {firstName}, good to meet {firstName}!', NO_VALUES);

    expect(filled).toEqual({ text: 'Hi, good to meet!', missing: ['firstName'], unknown: [] });
  });

  it('lists the missing variables in the order they are first used', () => {
    const filled = fillTemplate('{title} at {company}, {event} and {title}', NO_VALUES);

    expect(filled.missing).toEqual(['title', 'company', 'event']);
  });

  const tidy: [string, string, string][] = [
    ['a gap between words', 'We met at {event} and talked.', 'We met at and talked.'],
    ['two gaps in a row', 'Hi {firstName} {lastName} there', 'Hi there'],
    ['a gap at the end', 'Thanks, {firstName}', 'Thanks,'],
    ['a gap at the start', '{firstName}, thanks for the call', 'thanks for the call'],
    ['a gap before a line break', 'Best,\n{firstName} \nKora', 'Best,\n\nKora'],
    ['a gap at a line’s start', 'Hi,\n{firstName}, welcome', 'Hi,\nwelcome'],
    ['a gap in brackets', 'Following up on our call ({lastTouch}).', 'Following up on our call.'],
    ['a gap before a question mark', 'How is {company} ?', 'How is?'],
    ['a gap in brackets at the end', 'As discussed ({lastTouch})', 'As discussed'],
  ];

  it.each(tidy)('tidies the text around %s', (_case, body, text) => {
    const filled = fillTemplate(body, NO_VALUES);

    expect(filled.text).toBe(text);
  });

  it('keeps a space where a missing variable sits between two values', () => {
    const partly = { ...values, lastName: null };

    const filled = fillTemplate('Hi {firstName} {lastName} {company}!', partly);

    expect(filled).toEqual({ text: 'Hi Ngozi Kora Freight!', missing: ['lastName'], unknown: [] });
  });

  it('changes no spacing the rep wrote away from the gaps', () => {
    const body = 'Hi  {firstName} ,\n\n  Indented line.';

    const filled = fillTemplate(body, values);

    expect(filled.text).toBe('Hi  Ngozi ,\n\n  Indented line.');
  });

  it('leaves unknown words in braces as written and lists them once', () => {
    const filled = fillTemplate('Hi {firstName}, {myName} here. { deal } {myName}', values);

    expect(filled).toEqual({
      text: 'Hi Ngozi, {myName} here. { deal } {myName}',
      missing: [],
      unknown: ['myName', 'deal'],
    });
  });

  it('leaves braces that hold no word alone', () => {
    const filled = fillTemplate('Pricing {} and {2026} and {first name}', values);

    expect(filled).toEqual({
      text: 'Pricing {} and {2026} and {first name}',
      missing: [],
      unknown: [],
    });
  });
});

describe('the variables a template uses', () => {
  it('names the known ones and the unknown ones, each once, in order', () => {
    const body = 'Hi {company} {firstName}, {myName} at {company}. {Deal}';

    const used = variablesIn(body);

    expect(used).toEqual({ known: ['company', 'firstName'], unknown: ['myName', 'Deal'] });
  });
});

describe('the templates offered for a contact', () => {
  const template = (name: string, statuses: Contact['status'][]) => ({ name, statuses });

  it('puts the ones for the contact’s status first, then the ones for any, then the rest', () => {
    const templates = [
      template('Referral ask', ['client', 'partner']),
      template('thank-you', []),
      template('Follow-up 10', ['lead']),
      template('Connection note', ['new']),
      template('Follow-up 2', ['warm', 'lead']),
      template('After the call', []),
    ];

    const offered = templatesFor(templates, 'lead');

    expect(offered.map((t) => t.name)).toEqual([
      'Follow-up 2',
      'Follow-up 10',
      'After the call',
      'thank-you',
      'Connection note',
      'Referral ask',
    ]);
  });

  it('leaves the list it was given as it was', () => {
    const templates = [template('B', []), template('A', [])];

    templatesFor(templates, 'new');

    expect(templates.map((t) => t.name)).toEqual(['B', 'A']);
  });
});
