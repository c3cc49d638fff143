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

  return formatOf(locale, unit).format(Math.floor(Math.max(0, ms) / size));
}

const formats = new Map<string, Intl.NumberFormat>();

/** Building an Intl format costs far more than using one: one per locale and unit. */
function formatOf(locale: string, unit: 'minute' | 'hour' | 'day'): Intl.NumberFormat {
  const id = `${locale}:${unit}`;
  const known = formats.get(id);
  if (known) return known;

  const format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' });
  formats.set(id, format);

  return format;
}
