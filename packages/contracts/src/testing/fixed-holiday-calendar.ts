import type { HolidayCalendar } from '../ports/holiday-calendar';

/** A HolidayCalendar over a fixed list of `YYYY-MM-DD` dates (with optional names). For tests and examples. */
export function createFixedHolidayCalendar(
  dates: readonly string[] | Readonly<Record<string, string>>,
): HolidayCalendar {
  const names = new Map<string, string>(
    Array.isArray(dates) ? dates.map((d) => [d, 'holiday']) : Object.entries(dates as Record<string, string>),
  );
  return {
    isHoliday: (date) => names.has(date),
    holidayName: (date) => names.get(date),
  };
}
