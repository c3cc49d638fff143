import { i18n } from '#i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long someone has waited, in the largest unit that still reads precisely: minutes under
 * an hour, hours under two days, then days.
 *
 * @example formatWaited(2 * 3_600_000, 'en') // "2h"
 */
export function formatWaited(ms: number, locale: string = i18n.t('replies.intlLocale')): string {
  const unit = ms < HOUR ? 'minute' : ms < 2 * DAY ? 'hour' : 'day';
  const size = { minute: MINUTE, hour: HOUR, day: DAY }[unit];
  const format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' });

  return format.format(Math.floor(Math.max(0, ms) / size));
}
