import { addDays } from '../dates';
import type { Contact } from '../model/contact';
import { LocalDate } from '../model/next-step';
import type { NextStep } from '../model/next-step';
import type { RapportDB } from './db';
import { INDEX } from './db';
import { inReadTx, validated } from './tx';

export interface DueItem {
  step: NextStep;
  contact: Contact;
}

export interface DueFollowUps {
  overdue: DueItem[];
  today: DueItem[];
  upcoming: DueItem[];
}

/**
 * Open next steps due up to `horizonDays` after `today`, split into overdue, due today and
 * upcoming, each ordered by due date. Reads only that stretch of the `openDue` index, which
 * holds no done steps, and then each listed step's contact by id.
 */
export async function listDueFollowUps(
  db: RapportDB,
  today: LocalDate,
  horizonDays = 7,
): Promise<DueFollowUps> {
  const day = validated(LocalDate, today, 'due list');
  const until = IDBKeyRange.upperBound(addDays(day, horizonDays));

  const items = await inReadTx(db, ['nextSteps', 'contacts'], async (tx) => {
    const steps = await tx.objectStore('nextSteps').index(INDEX.stepByOpenDue).getAll(until);
    const contacts = tx.objectStore('contacts');
    const owners = await Promise.all(steps.map((step) => contacts.get(step.contactId)));

    return steps.flatMap((step, i) => {
      const contact = owners[i];

      // Deleting a contact deletes its steps in the same transaction, so an orphan step can
      // only come from damaged data; leave it out rather than fail the whole list.
      return contact ? [{ step, contact }] : [];
    });
  });

  return groupByDay(items, day);
}

function groupByDay(items: DueItem[], today: LocalDate): DueFollowUps {
  const groups: DueFollowUps = { overdue: [], today: [], upcoming: [] };

  for (const item of items) {
    const due = item.step.due;
    const group = due < today ? groups.overdue : due === today ? groups.today : groups.upcoming;
    group.push(item);
  }

  return groups;
}

/** How many open steps are due before `today`, counted by the index without reading them. */
export async function countOverdue(db: RapportDB, today: LocalDate): Promise<number> {
  const day = validated(LocalDate, today, 'due list');

  const beforeToday = IDBKeyRange.upperBound(day, true);

  return inReadTx(db, ['nextSteps'], (tx) =>
    tx.objectStore('nextSteps').index(INDEX.stepByOpenDue).count(beforeToday),
  );
}
