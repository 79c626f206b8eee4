/** A calendar date, `YYYY-MM-DD`. */
export type LocalDateString = string;

/**
 * Which calendar dates are holidays (X6). Synchronous and side-effect free, so the domain can stay pure.
 * Weekends are not holidays: callers combine this with their own weekday rules.
 */
export interface HolidayCalendar {
  /** True when `date` (`YYYY-MM-DD`, a calendar date, never an instant) is a holiday. */
  isHoliday(date: LocalDateString): boolean;
  /** The holiday's name, when `date` is one. */
  holidayName?(date: LocalDateString): string | undefined;
}
