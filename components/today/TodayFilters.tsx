import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { STAGES } from '@/lib/model/cadence';
import { RELEVANCES } from '@/lib/model/contact';
import type { TodayFilter } from './filters';

interface TodayFiltersProps {
  filter: TodayFilter;
  /** The segments to offer, those of the listed contacts. */
  segments: readonly string[];
  onChange: (filter: TodayFilter) => void;
}

/** Segment, relevance and stage, each narrowing all three lists at once. */
export function TodayFilters({ filter, segments, onChange }: TodayFiltersProps): ReactNode {
  return (
    <form
      className="row"
      role="search"
      aria-label={i18n.t('today.filters')}
      data-testid="today-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <FilterSelect
        name="segment"
        label={i18n.t('field.segment')}
        value={filter.segment}
        options={segments}
        optionLabel={(segment) => segment}
        onChange={(segment) => onChange({ ...filter, segment })}
      />
      <FilterSelect
        name="relevance"
        label={i18n.t('field.relevance')}
        value={filter.relevance}
        options={RELEVANCES}
        optionLabel={(relevance) => i18n.t(`relevance.${relevance}`)}
        onChange={(relevance) => onChange({ ...filter, relevance })}
      />
      <FilterSelect
        name="stage"
        label={i18n.t('today.stage')}
        value={filter.stage}
        options={STAGES}
        optionLabel={(stage) => i18n.t(`stage.name_${stage}`)}
        onChange={(stage) => onChange({ ...filter, stage })}
      />
    </form>
  );
}

interface FilterSelectProps<T extends string> {
  name: string;
  label: string;
  /** Null for all. */
  value: T | null;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T | null) => void;
}

// The segments offered leave out the empty one, so this value never clashes with a segment.
const ALL = '';

function FilterSelect<T extends string>(props: FilterSelectProps<T>): ReactNode {
  const choose = (raw: string): void => {
    props.onChange(props.options.find((option) => option === raw) ?? null);
  };

  return (
    <label>
      {props.label}
      <select name={props.name} value={props.value ?? ALL} onChange={(e) => choose(e.target.value)}>
        <option value={ALL}>{i18n.t('today.all')}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
