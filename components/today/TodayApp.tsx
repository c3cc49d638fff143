import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { snoozeKeepInTouch } from '@/lib/storage/cadence';
import { Banner } from '../Banner';
import { announceChange, database, messageOf, onDataChanged } from '../data';
import { filterFromQuery, queryOf, segmentsOf, type TodayFilter } from './filters';
import { KeepInTouchList } from './KeepInTouchList';
import { RepliesList } from './RepliesList';
import { StepsList } from './StepsList';
import { TodayFilters } from './TodayFilters';
import {
  filteredData,
  listedContacts,
  readTodayData,
  withoutKeepInTouch,
  type TodayData,
} from './today-data';
import './today.css';

const SNOOZE_DAYS = 7;

/** Replies due, next steps and contacts past their cadence on one page, filtered alike. */
export function TodayApp(): ReactNode {
  const [data, setData] = useState<TodayData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState(() => filterFromQuery(window.location.search));

  const load = async (): Promise<void> => {
    try {
      setData(await readTodayData());
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  useEffect(() => {
    document.title = `Rapport — ${i18n.t('today.title')}`;
    void load();
    return onDataChanged(() => void load());
  }, []);

  const snooze = async (contactId: string): Promise<void> => {
    try {
      await snoozeKeepInTouch(await database(), contactId, SNOOZE_DAYS);
      setData((current) => current && withoutKeepInTouch(current, contactId));
      announceChange();
    } catch (failure) {
      setError(i18n.t('today.failed', [messageOf(failure)]));
    }
  };

  return (
    <main className="today" data-testid="today">
      <header>
        <h1>{i18n.t('today.title')}</h1>
        <p className="muted">{i18n.t('today.intro')}</p>
      </header>
      <TodayFilters
        filter={filter}
        segments={data ? segmentsOf(listedContacts(data), filter.segment) : []}
        onChange={(next) => {
          setFilter(next);
          showInAddress(next);
        }}
      />
      {error && <Banner tone="error">{error}</Banner>}
      {data && <TodayLists data={data} filter={filter} onChanged={load} onSnooze={snooze} />}
    </main>
  );
}

/** Keeps the filter in the address, so the page can be bookmarked or linked as it is. */
function showInAddress(filter: TodayFilter): void {
  window.history.replaceState(null, '', `${window.location.pathname}${queryOf(filter)}`);
}

interface TodayListsProps {
  data: TodayData;
  filter: TodayFilter;
  onChanged: () => Promise<void>;
  onSnooze: (contactId: string) => Promise<void>;
}

function TodayLists({ data, filter, onChanged, onSnooze }: TodayListsProps): ReactNode {
  const shown = filteredData(data, filter);
  const filtered = queryOf(filter) !== '';

  return (
    <>
      <RepliesList
        replies={shown.replies}
        settings={shown.replySettings}
        now={shown.now}
        filtered={filtered}
      />
      <StepsList due={shown.due} filtered={filtered} onChanged={onChanged} />
      <KeepInTouchList
        items={shown.keepInTouch}
        more={shown.moreKeepInTouch}
        filtered={filtered}
        now={shown.now}
        onSnooze={onSnooze}
      />
    </>
  );
}
