export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** Index 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS: readonly Weekday[] = Object.freeze([
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
]);

/**
 * The overdue ladder as data (M6). Thresholds count calendar days overdue from the (effective) due date of
 * the oldest unpaid invoice; a missing threshold disables the step.
 *
 * - `cancelAnchor: 'due-date'` (interpretation A, default): cancel after N days overdue, never before the
 *   suspension — when the suspension is deferred, cancellation follows it in the same run.
 * - `cancelAnchor: 'suspension'` (interpretation B): cancel N days after the suspension date (the way
 *   Anatel counts rescission).
 */
export interface OverdueLadder {
  readonly noticeAfterDays?: number;
  readonly throttleAfterDays?: number;
  readonly suspendAfterDays?: number;
  /** Weekdays on which no suspension happens (it moves to the next allowed day). */
  readonly suspendExceptWeekdays: readonly Weekday[];
  /** When true, holidays of the HolidayCalendar also defer the suspension. */
  readonly suspendExceptHolidays: boolean;
  readonly cancelAfterDays?: number;
  readonly cancelAnchor: 'due-date' | 'suspension';
}

/** The WebMikrotik document's ladder: notice 1, throttle 3, suspend 10 except Sat/Sun/holidays, cancel 10. */
export const WEBMIKROTIK_LADDER: OverdueLadder = Object.freeze({
  noticeAfterDays: 1,
  throttleAfterDays: 3,
  suspendAfterDays: 10,
  suspendExceptWeekdays: Object.freeze(['saturday', 'sunday'] as Weekday[]),
  suspendExceptHolidays: true,
  cancelAfterDays: 10,
  cancelAnchor: 'due-date',
});

/**
 * A ladder that passes the BR-consumer overlay (Anatel RGC/2023): notice after 1 day, suspension 16 days
 * after the notice (deferred over weekends and holidays), rescission 60 days after the suspension.
 */
export const BR_CONSUMER_LADDER: OverdueLadder = Object.freeze({
  noticeAfterDays: 1,
  suspendAfterDays: 17,
  suspendExceptWeekdays: Object.freeze(['saturday', 'sunday'] as Weekday[]),
  suspendExceptHolidays: true,
  cancelAfterDays: 60,
  cancelAnchor: 'suspension',
});
