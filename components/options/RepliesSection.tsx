import { useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { i18n } from '#i18n';
import { STATUSES, Status } from '@/lib/model/contact';
import {
  MAX_TARGET_AMOUNT,
  ReplySettings,
  TARGET_UNITS,
  TargetUnit,
  workingScheduleOf,
  type ReplySchedule,
  type ReplyTarget,
} from '@/lib/reply-targets';
import { getSettings, updateSettings } from '@/lib/settings';
import { Banner } from '../Banner';
import { labelKey } from '../labels';
import { messageOf } from '../data';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The working week and a reply target per status; nothing is saved until all of it is valid. */
export function RepliesSection(): ReactNode {
  const [draft, setDraft] = useState<ReplySettings | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => void getSettings().then((settings) => setDraft(settings.replies)), []);

  // A notice speaks of the last save; once the form changes it no longer holds.
  const edit = (next: ReplySettings): void => {
    setDraft(next);
    setNotice(null);
  };

  const save = async (candidate: ReplySettings): Promise<void> => {
    const parsed = ReplySettings.safeParse(candidate);
    if (!parsed.success) return setNotice({ tone: 'error', text: problemsOf(parsed.error) });

    try {
      setDraft((await updateSettings({ replies: parsed.data })).replies);
      setNotice({ tone: 'ok', text: i18n.t('replies.saved') });
    } catch (error) {
      setNotice({ tone: 'error', text: messageOf(error) });
    }
  };

  return (
    <section aria-labelledby="replies-heading" data-testid="reply-settings">
      <h2 id="replies-heading">{i18n.t('replies.section')}</h2>
      <p className="muted">{i18n.t('replies.how')}</p>
      {draft && (
        <>
          <WorkingWeek
            schedule={draft.schedule}
            onChange={(schedule) => edit({ ...draft, schedule })}
          />
          <Targets draft={draft} onChange={edit} />
          <div className="row">
            <button className="primary" onClick={() => void save(draft)}>
              {i18n.t('common.save')}
            </button>
          </div>
        </>
      )}
      {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}
    </section>
  );
}

interface WorkingWeekProps {
  schedule: ReplySchedule;
  onChange: (schedule: ReplySchedule) => void;
}

function WorkingWeek({ schedule, onChange }: WorkingWeekProps): ReactNode {
  const toggle = (day: number, on: boolean): void => {
    const days = on ? [...schedule.days, day] : schedule.days.filter((d) => d !== day);
    onChange({ ...schedule, days: days.sort((a, b) => a - b) });
  };

  return (
    <>
      <fieldset className="row">
        <legend>{i18n.t('replies.days')}</legend>
        {ISO_WEEKDAYS.map((day) => (
          <label key={day} className="row">
            <input
              type="checkbox"
              name={`day-${day}`}
              checked={schedule.days.includes(day)}
              onChange={(e) => toggle(day, e.target.checked)}
            />
            {weekdayName(day)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <TimeField
          name="start"
          value={schedule.start}
          onChange={(start) => onChange({ ...schedule, start })}
        />
        <TimeField
          name="end"
          value={schedule.end}
          onChange={(end) => onChange({ ...schedule, end })}
        />
      </div>
      <p className="muted">{i18n.t('replies.timeZone', [workingScheduleOf(schedule).timeZone])}</p>
    </>
  );
}

interface TimeFieldProps {
  name: 'start' | 'end';
  value: string;
  onChange: (value: string) => void;
}

function TimeField({ name, value, onChange }: TimeFieldProps): ReactNode {
  return (
    <label>
      {i18n.t(name === 'start' ? 'replies.start' : 'replies.end')}
      <input type="time" name={name} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

interface TargetsProps {
  draft: ReplySettings;
  onChange: (draft: ReplySettings) => void;
}

function Targets({ draft, onChange }: TargetsProps): ReactNode {
  const change = (status: Status, target: ReplyTarget): void => {
    onChange({ ...draft, targets: { ...draft.targets, [status]: target } });
  };

  return (
    <fieldset>
      <legend>{i18n.t('replies.targets')}</legend>
      {STATUSES.map((status) => (
        <TargetRow
          key={status}
          status={status}
          target={draft.targets[status]}
          onChange={(target) => change(status, target)}
        />
      ))}
    </fieldset>
  );
}

interface TargetRowProps {
  status: Status;
  target: ReplyTarget;
  onChange: (target: ReplyTarget) => void;
}

function TargetRow({ status, target, onChange }: TargetRowProps): ReactNode {
  const label = statusLabel(status);

  return (
    <div className="row" data-testid="reply-target" data-status={status}>
      <span>{label}</span>
      <input
        type="number"
        name={`target-${status}`}
        aria-label={i18n.t('replies.amount', [label])}
        min={1}
        max={MAX_TARGET_AMOUNT}
        step={1}
        // An emptied field is NaN in the draft, which the check on saving refuses.
        value={Number.isNaN(target.amount) ? '' : target.amount}
        onChange={(e) => onChange({ ...target, amount: e.target.valueAsNumber })}
      />
      <select
        name={`unit-${status}`}
        aria-label={i18n.t('replies.unit', [label])}
        value={target.unit}
        onChange={(e) => onChange({ ...target, unit: TargetUnit.parse(e.target.value) })}
      >
        {TARGET_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {i18n.t(`replies.unit_${unit}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Everything the rep must fix, each said once, in the order of the form. */
function problemsOf(error: z.ZodError): string {
  return [...new Set(error.issues.map(problemOf))].join(' ');
}

function problemOf(issue: z.core.$ZodIssue): string {
  const [group, field] = issue.path;
  const status = Status.safeParse(field);

  if (group === 'targets' && status.success) {
    return i18n.t('replies.badTarget', [statusLabel(status.data)]);
  }
  if (field === 'days') return i18n.t('replies.noDays');
  if (field === 'end' && issue.code === 'custom') return i18n.t('replies.endBeforeStart');

  return i18n.t('replies.badTime');
}

function statusLabel(status: Status): string {
  return i18n.t(`status.${labelKey(status)}`);
}

/** Monday to Sunday in the interface's language; 1 January 2024 was a Monday. */
function weekdayName(isoDay: number): string {
  const format = new Intl.DateTimeFormat(i18n.t('replies.intlLocale'), {
    weekday: 'short',
    timeZone: 'UTC',
  });

  return format.format(new Date(Date.UTC(2024, 0, isoDay)));
}
