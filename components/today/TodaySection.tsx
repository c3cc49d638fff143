import type { ReactNode } from 'react';
import { i18n } from '#i18n';

interface TodaySectionProps {
  testId: string;
  title: string;
  /** How many items the section lists once filtered. */
  count: number;
  filtered: boolean;
  /** Items the list's limit left out. */
  more: number;
  children: ReactNode;
}

/** One of the Today lists: its heading, its items or why there are none, what was left out. */
export function TodaySection(props: TodaySectionProps): ReactNode {
  const headingId = `${props.testId}-heading`;
  const none = props.filtered ? 'today.noneFiltered' : 'today.none';

  return (
    <section aria-labelledby={headingId} data-testid={props.testId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.count === 0 ? <p className="muted">{i18n.t(none)}</p> : props.children}
      {props.more > 0 && <p className="muted">{i18n.t('today.more', [String(props.more)])}</p>}
    </section>
  );
}
