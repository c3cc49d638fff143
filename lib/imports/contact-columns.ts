import { z } from 'zod';
import { decodeCsvBytes, readCsvTable } from './csv';
import type { CsvTable } from './csv';

/**
 * The contact fields a column of a spreadsheet can fill. Besides the profile URL, the email
 * and a Sales Navigator URL (which gives the lead id) name the person: a row is the saved
 * contact that has either.
 */
export const CONTACT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'profileUrl',
  'company',
  'title',
  'headline',
  'location',
  'segment',
  'relevance',
  'status',
  'tags',
  'notes',
  'sourceDetail',
  'email',
  'salesNavUrl',
] as const;

export const ContactField = z.enum(CONTACT_FIELDS);
export type ContactField = z.infer<typeof ContactField>;

/** The field each column fills, by the column's place in the header; null leaves it out. */
export const ColumnMapping = z.array(ContactField.nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/**
 * Header names other CRMs and spreadsheets use, lower-cased, in English and Russian, and the
 * headers of Rapport's own contacts export.
 */
const KNOWN_HEADERS: Record<ContactField, readonly string[]> = {
  name: ['name', 'full name', 'fullname', 'contact', 'contact name', 'имя', 'фио', 'полное имя'],
  firstName: ['first name', 'firstname', 'given name', 'first'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'фамилия', 'last'],
  profileUrl: [
    'profile url',
    'url',
    'linkedin',
    'linkedin url',
    'linkedin profile',
    'profile',
    'профиль',
    'ссылка',
    'ссылка на профиль',
    'linkedin профиль',
  ],
  company: ['company', 'company name', 'organization', 'organisation', 'компания', 'организация'],
  // Not "role": in Rapport's export that is the part in a buying group, not the job.
  title: ['title', 'job title', 'position', 'должность', 'позиция'],
  headline: ['headline', 'заголовок'],
  location: ['location', 'city', 'город', 'местоположение', 'локация'],
  segment: ['segment', 'сегмент'],
  relevance: ['relevance', 'релевантность'],
  status: ['status', 'статус'],
  tags: ['tags', 'labels', 'теги', 'метки'],
  notes: ['notes', 'note', 'comment', 'comments', 'заметки', 'комментарий', 'примечание'],
  sourceDetail: ['source detail', 'источник (подробно)'],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'work email',
    'почта',
    'эл. почта',
    'электронная почта',
  ],
  salesNavUrl: ['sales navigator', 'sales navigator url', 'lead url'],
};

/** Headers that name a field wherever the words appear: "LinkedIn Sales Navigator link". */
const HEADER_WORDS: [RegExp, ContactField][] = [[/sales navigator|lead url/, 'salesNavUrl']];

const FIELD_OF_HEADER = new Map(
  Object.entries(KNOWN_HEADERS).flatMap(([field, names]) =>
    names.map((name) => [name, field as ContactField] as const),
  ),
);

/**
 * The field each column most likely holds, from its header; a field goes to the first column
 * that names it, and a column nobody recognises stays unmapped.
 *
 * @example guessMapping(['Full name', 'Компания', 'Birthday']) // ['name', 'company', null]
 */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const taken = new Set<ContactField>();

  return header.map((column) => {
    const field = fieldOfHeader(normalHeader(column));
    if (field === undefined || taken.has(field)) return null;

    taken.add(field);
    return field;
  });
}

function fieldOfHeader(column: string): ContactField | undefined {
  return FIELD_OF_HEADER.get(column) ?? HEADER_WORDS.find(([words]) => words.test(column))?.[1];
}

/** "  Job_Title " and "job title" name the same column. */
function normalHeader(column: string): string {
  return column
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');
}

/** A CSV file read from its bytes: its first row that says anything is the header. */
export function readContactsTable(bytes: Uint8Array): CsvTable {
  return readCsvTable(decodeCsvBytes(bytes), (cells) => cells.some((cell) => cell !== ''));
}
