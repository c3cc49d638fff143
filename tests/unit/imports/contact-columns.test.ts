import { describe, expect, it } from 'vitest';
import { guessMapping } from '@/lib/imports/contact-columns';
import { CONTACT_COLUMNS } from '@/lib/exports/csv-export';

describe('guessing which field each column holds', () => {
  it.each([
    ['Full name', 'name'],
    ['Name', 'name'],
    ['Имя', 'name'],
    ['First Name', 'firstName'],
    ['Фамилия', 'lastName'],
    ['Company', 'company'],
    ['Компания', 'company'],
    ['Job title', 'title'],
    ['Position', 'title'],
    ['Должность', 'title'],
    ['LinkedIn', 'profileUrl'],
    ['Profile URL', 'profileUrl'],
    ['URL', 'profileUrl'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['Эл. почта', 'email'],
    ['Почта', 'email'],
    ['Sales Navigator URL', 'salesNavUrl'],
    ['LinkedIn Sales Navigator link', 'salesNavUrl'],
    ['Lead URL', 'salesNavUrl'],
  ])('reads the header "%s" as %s', (column, field) => {
    const mapping = guessMapping([column]);

    expect(mapping).toEqual([field]);
  });

  it('ignores case, spaces around the name and underscores', () => {
    const mapping = guessMapping(['  FULL_NAME ', 'job   TITLE']);

    expect(mapping).toEqual(['name', 'title']);
  });

  it('leaves columns it does not know unmapped', () => {
    const mapping = guessMapping(['Full name', 'Birthday', '', 'Компания']);

    expect(mapping).toEqual(['name', null, null, 'company']);
  });

  it('gives a field only to the first column that names it', () => {
    const mapping = guessMapping(['Name', 'Full name', 'URL', 'LinkedIn']);

    expect(mapping).toEqual(['name', null, 'profileUrl', null]);
  });

  it('maps the columns of Rapport’s own contacts export', () => {
    const mapping = guessMapping(CONTACT_COLUMNS);

    expect(mapping).toEqual([
      'name',
      'profileUrl',
      'email',
      'headline',
      'company',
      'title',
      'location',
      'status',
      null,
      'segment',
      'relevance',
      null,
      null,
      'sourceDetail',
      'tags',
      'notes',
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
