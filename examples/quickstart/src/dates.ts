import { addDays as addCalendarDays, type LocalDate } from '@isp/contracts';

/** Calendar-date helpers on `YYYY-MM-DD` strings, computed in UTC so no result depends on the time zone. */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function toEpochDay(date: LocalDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

export const addDays = (date: LocalDate, days: number): LocalDate => addCalendarDays(date, days);

export const weekdayName = (date: LocalDate): string =>
  WEEKDAYS[new Date(toEpochDay(date) * 86_400_000).getUTCDay()]!;

export const isWeekend = (date: LocalDate): boolean => {
  const day = new Date(toEpochDay(date) * 86_400_000).getUTCDay();
  return day === 0 || day === 6;
};

/** Every date from `first` to `last`, inclusive. */
export function* datesBetween(first: LocalDate, last: LocalDate): Generator<LocalDate> {
  for (let d = first; d <= last; d = addDays(d, 1)) yield d;
}

/** `YYYY-MM` of the next closing date strictly after `date`, for a closing day (clamped to the month). */
export function nextClosingMonth(date: LocalDate, closingDay: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < Math.min(closingDay, last)) return date.slice(0, 7);
  const next = new Date(Date.UTC(year, month, 1));
  return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
}
