import { Stage } from '@/lib/model/cadence';
import { Relevance, type Contact } from '@/lib/model/contact';

/** What the Today page narrows its lists to; null lets every value through. */
export interface TodayFilter {
  segment: string | null;
  relevance: Relevance | null;
  stage: Stage | null;
}

export const NO_FILTER: TodayFilter = { segment: null, relevance: null, stage: null };

/**
 * The filter a link names, e.g. `?stage=retention&relevance=A`. A value the page does not know
 * (a typo, a stage since renamed) filters nothing rather than hiding everything.
 *
 * @example filterFromQuery('?stage=retention')
 * // { segment: null, relevance: null, stage: 'retention' }
 */
export function filterFromQuery(search: string): TodayFilter {
  const query = new URLSearchParams(search);

  return {
    segment: query.get('segment') || null,
    relevance: Relevance.safeParse(query.get('relevance')).data ?? null,
    stage: Stage.safeParse(query.get('stage')).data ?? null,
  };
}

/** The query string naming `filter`, empty when it filters nothing. */
export function queryOf(filter: TodayFilter): string {
  const query = new URLSearchParams();

  if (filter.segment !== null) query.set('segment', filter.segment);
  if (filter.relevance !== null) query.set('relevance', filter.relevance);
  if (filter.stage !== null) query.set('stage', filter.stage);

  const text = query.toString();

  return text === '' ? '' : `?${text}`;
}

type Filtered = Pick<Contact, 'segment' | 'relevance' | 'stage'>;

export function matchesFilter(contact: Filtered, filter: TodayFilter): boolean {
  return (
    (filter.segment === null || contact.segment === filter.segment) &&
    (filter.relevance === null || contact.relevance === filter.relevance) &&
    (filter.stage === null || contact.stage === filter.stage)
  );
}

/**
 * The segments to choose from: those of the listed contacts, and the chosen one even when no
 * listed contact has it, so a linked filter still shows what it filters by.
 */
export function segmentsOf(contacts: readonly Filtered[], chosen: string | null): string[] {
  const segments = new Set(contacts.map((contact) => contact.segment).filter(Boolean));

  if (chosen !== null) segments.add(chosen);

  return [...segments].sort((a, b) => a.localeCompare(b));
}
