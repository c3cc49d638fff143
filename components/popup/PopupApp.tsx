import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { todayIn } from '@/lib/dates';
import type { ReplySettings } from '@/lib/reply-targets';
import { getSettings } from '@/lib/settings';
import { countDueWithin, listDueFollowUps, type DueFollowUps } from '@/lib/storage/due';
import { listRepliesDue, type RepliesDue } from '@/lib/storage/replies';
import {
  countKeepInTouch,
  listMostOverdue,
  type KeepInTouchItem,
} from '@/lib/storage/keep-in-touch';
import { Banner } from '../Banner';
import { database, messageOf, onDataChanged } from '../data';
import { DueGroup } from './DueGroup';
import { KeepInTouchGroup } from './KeepInTouchGroup';
import { RepliesDueGroup } from './RepliesDueGroup';

/** A popup is small: the earliest due steps, and how many more wait behind them. */
const POPUP_LIMIT = 30;
// Replies come first, so fewer of them: the follow-ups must stay in reach.
const REPLIES_LIMIT = 20;
const KEEP_IN_TOUCH_LIMIT = 10;

interface PopupData {
  due: DueFollowUps;
  replies: RepliesDue;
  replySettings: ReplySettings;
  keepInTouch: KeepInTouchItem[];
  /** Contacts past their cadence beyond the list; null until counted. */
  moreKeepInTouch: number | null;
  /** When the lists were read; waits are measured up to then. */
  now: Date;
}

/**
 * Replies due, oldest wait first; then due follow-ups: overdue, today and the next 7 days; then
 * the contacts past their cadence, the furthest past it first.
 */
export function PopupApp(): ReactNode {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (): Promise<void> => {
    performance.mark('rapport:due-list-requested');
    try {
      const first = await readPopupData();
      setData(first);
      setData(await withCountedMore(first));
      performance.mark('rapport:due-list-counted');
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  useEffect(() => {
    void load();
    return onDataChanged(() => void load());
  }, []);
  // Read by the benchmark: the time from asking for the list to showing it.
  useEffect(() => {
    if (data) performance.mark('rapport:due-list-shown');
  }, [data]);

  return (
    <main style={{ width: 380 }}>
      <header className="row">
        <h1>{i18n.t('popup.title')}</h1>
        <a
          href="today.html"
          target="_blank"
          onClick={(event) => {
            event.preventDefault();
            void browser.tabs.create({ url: browser.runtime.getURL('/today.html') });
          }}
        >
          {i18n.t('today.title')}
        </a>
        <button onClick={() => void openSidePanel()}>{i18n.t('popup.openPanel')}</button>
        <button onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('popup.options')}
        </button>
      </header>
      {error && <Banner tone="error">{error}</Banner>}
      {data && <PopupLists data={data} onChanged={load} />}
    </main>
  );
}

async function readPopupData(): Promise<PopupData> {
  const db = await database();
  const now = new Date();
  const [due, replies, settings, keepInTouch] = await Promise.all([
    listDueFollowUps(db, todayIn(), 7, { limit: POPUP_LIMIT, countMore: false }),
    listRepliesDue(db, { limit: REPLIES_LIMIT }),
    getSettings(),
    listMostOverdue(db, now, { limit: KEEP_IN_TOUCH_LIMIT }),
  ]);

  return { due, replies, replySettings: settings.replies, keepInTouch, moreKeepInTouch: null, now };
}

/** The list shows first; how many more are due is counted after, as it walks the index. */
async function withCountedMore(data: PopupData): Promise<PopupData> {
  const { overdue, today, upcoming } = data.due;
  const shown = overdue.length + today.length + upcoming.length;
  const db = await database();
  const [total, pastCadence] = await Promise.all([
    shown < POPUP_LIMIT ? shown : countDueWithin(db, todayIn(), 7),
    data.keepInTouch.length < KEEP_IN_TOUCH_LIMIT
      ? data.keepInTouch.length
      : countKeepInTouch(db, data.now),
  ]);

  return {
    ...data,
    due: { ...data.due, more: Math.max(0, total - shown) },
    moreKeepInTouch: Math.max(0, pastCadence - data.keepInTouch.length),
  };
}

function PopupLists({ data, onChanged }: { data: PopupData; onChanged: () => Promise<void> }) {
  const { due, replies } = data;
  const noFollowUps = due.overdue.length + due.today.length + due.upcoming.length === 0;

  const nothing = noFollowUps && replies.contacts.length === 0 && data.keepInTouch.length === 0;
  if (nothing) return <NothingDue />;

  return (
    <>
      <RepliesDueGroup replies={replies} settings={data.replySettings} now={data.now} />
      {noFollowUps ? (
        <p className="muted" data-testid="due-none">
          {i18n.t('replies.noFollowUps')}
        </p>
      ) : (
        <DueLists due={due} onChanged={onChanged} />
      )}
      <KeepInTouchGroup
        items={data.keepInTouch}
        more={data.moreKeepInTouch}
        now={data.now}
        onChanged={onChanged}
      />
    </>
  );
}

function NothingDue(): ReactNode {
  return (
    <div data-testid="due-empty">
      <p>
        <strong>{i18n.t('popup.emptyTitle')}</strong>
      </p>
      <p className="muted">{i18n.t('popup.emptyHow')}</p>
    </div>
  );
}

function DueLists({ due, onChanged }: { due: DueFollowUps; onChanged: () => Promise<void> }) {
  return (
    <>
      <DueGroup
        id="overdue"
        title={i18n.t('popup.overdue')}
        items={due.overdue}
        onChanged={onChanged}
      />
      <DueGroup id="today" title={i18n.t('popup.today')} items={due.today} onChanged={onChanged} />
      <DueGroup
        id="upcoming"
        title={i18n.t('popup.upcoming')}
        items={due.upcoming}
        onChanged={onChanged}
      />
      {due.more !== null && due.more > 0 && (
        <p className="muted" data-testid="due-more">
          {i18n.t('popup.more', [String(due.more)])}
        </p>
      )}
    </>
  );
}

/** Chrome opens its side panel, Firefox its sidebar; both only from a click like this one. */
async function openSidePanel(): Promise<void> {
  const firefox = (browser as unknown as { sidebarAction?: { open(): Promise<void> } })
    .sidebarAction;
  if (firefox) return firefox.open();

  const current = await browser.windows.getCurrent();
  if (current.id !== undefined) await browser.sidePanel.open({ windowId: current.id });
  window.close();
}
