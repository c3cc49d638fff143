import { todayIn } from '@/lib/dates';
import type { Contact } from '@/lib/model/contact';
import type { ReplySettings } from '@/lib/reply-targets';
import { getSettings } from '@/lib/settings';
import { listDueFollowUps, type DueFollowUps, type DueItem } from '@/lib/storage/due';
import {
  countKeepInTouch,
  listMostOverdue,
  type KeepInTouchItem,
} from '@/lib/storage/keep-in-touch';
import { listRepliesDue, type RepliesDue } from '@/lib/storage/replies';
import { database } from '../data';
import { matchesFilter, type TodayFilter } from './filters';

/**
 * Each list is read up to this many, and the filters narrow what was read, in the page: the
 * indexes stay one per list, and a rep with more than this due has a backlog to work through
 * before narrowing it matters. The page says how many were left out.
 */
export const TODAY_LIMIT = 200;

export interface TodayData {
  replies: RepliesDue;
  due: DueFollowUps;
  keepInTouch: KeepInTouchItem[];
  /** Contacts past their cadence that the limit left out. */
  moreKeepInTouch: number;
  replySettings: ReplySettings;
  /** When the lists were read; waits and cadences are measured up to then. */
  now: Date;
}

export async function readTodayData(): Promise<TodayData> {
  const db = await database();
  const now = new Date();
  const [replies, due, keepInTouch, settings] = await Promise.all([
    listRepliesDue(db, { limit: TODAY_LIMIT }),
    listDueFollowUps(db, todayIn(), 7, { limit: TODAY_LIMIT }),
    listMostOverdue(db, now, { limit: TODAY_LIMIT }),
    getSettings(),
  ]);

  // Counting walks every cadence's due stretch: only worth it when the list is full.
  const total = keepInTouch.length < TODAY_LIMIT ? 0 : await countKeepInTouch(db, now);
  const moreKeepInTouch = Math.max(0, total - keepInTouch.length);

  return { replies, due, keepInTouch, moreKeepInTouch, replySettings: settings.replies, now };
}

/** The lists narrowed to the contacts the filter lets through; what was left out stays counted. */
export function filteredData(data: TodayData, filter: TodayFilter): TodayData {
  const keep = (contact: Contact): boolean => matchesFilter(contact, filter);
  const steps = (items: DueItem[]): DueItem[] => items.filter((item) => keep(item.contact));

  return {
    ...data,
    replies: { ...data.replies, contacts: data.replies.contacts.filter(keep) },
    due: {
      ...data.due,
      overdue: steps(data.due.overdue),
      today: steps(data.due.today),
      upcoming: steps(data.due.upcoming),
    },
    keepInTouch: data.keepInTouch.filter((item) => keep(item.contact)),
  };
}

/** Every contact in any of the lists, before filtering: the filters offer their segments. */
export function listedContacts(data: TodayData): Contact[] {
  const { overdue, today, upcoming } = data.due;

  return [
    ...data.replies.contacts,
    ...[...overdue, ...today, ...upcoming].map((item) => item.contact),
    ...data.keepInTouch.map((item) => item.contact),
  ];
}

/** The data without the contact in Keep in touch, as after snoozing it there. */
export function withoutKeepInTouch(data: TodayData, contactId: string): TodayData {
  return {
    ...data,
    keepInTouch: data.keepInTouch.filter((item) => item.contact.id !== contactId),
  };
}
