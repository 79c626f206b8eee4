import {
  daysInMonth,
  toEpochDay as epochDayOfYmd,
  isLeapYear,
  type LocalDate,
  packedCivilOfEpochDay,
  packedYmdOf,
} from './local-date';

/**
 * Epoch day (days since 1970-01-01) of a strict `'YYYY-MM-DD'` (years 1000–9999), or `NaN` when the value
 * is not a string of that shape or not a real date (`2025-02-30`). No allocation.
 */
function toEpochDay(date: unknown): number {
  if (typeof date !== 'string') return Number.NaN;
  const packed = packedYmdOf(date);
  if (packed < 0) return Number.NaN;
  return epochDayOfYmd(Math.floor(packed / 10000), Math.floor(packed / 100) % 100, packed % 100);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `'YYYY-MM-DD'` of an epoch day, without an intermediate object. */
function fromEpochDay(epochDay: number): LocalDate {
  const packed = packedCivilOfEpochDay(epochDay);
  return `${Math.floor(packed / 10000)}-${pad2(Math.floor(packed / 100) % 100)}-${pad2(packed % 100)}`;
}

/** Day of the week of an epoch day: 0 = Sunday … 6 = Saturday. */
function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** `date` plus `days` calendar days. For dates already validated: an invalid one gives `'NaN-NaN-NaN'`. */
function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `start` to `end` (negative when `end` is earlier); `NaN` when either is invalid. */
function daysBetween(start: LocalDate, end: LocalDate): number {
  return toEpochDay(end) - toEpochDay(start);
}

/**
 * Fast calendar primitives for hot loops (daily runs over many contracts), on epoch days — days since
 * 1970-01-01 in the proleptic Gregorian calendar, computed on integers, independent of the time zone.
 * Unchecked: they never throw and never return a `Result`; an invalid date string parses to `NaN`, which
 * callers test with `Number.isNaN`. The checked functions (`addDays`, `daysBetween`, ...) are the ones to
 * use on untrusted input.
 */
export const calendar: {
  /** Epoch day of a strict `'YYYY-MM-DD'` (years 1000–9999), `NaN` when invalid. No allocation. */
  readonly toEpochDay: (date: unknown) => number;
  /** Epoch day of a year, month (1–12) and day (1–31), unchecked. */
  readonly epochDayOfYmd: (year: number, month: number, day: number) => number;
  /** `'YYYY-MM-DD'` of an epoch day. */
  readonly fromEpochDay: (epochDay: number) => LocalDate;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekdayOfEpochDay: (epochDay: number) => number;
  /** `date` plus `days`; an invalid `date` gives `'NaN-NaN-NaN'`. */
  readonly addDays: (date: LocalDate, days: number) => LocalDate;
  /** `end − start` in days; `NaN` when either is invalid. */
  readonly daysBetween: (start: LocalDate, end: LocalDate) => number;
  /** Days in `month` (1–12) of `year`. */
  readonly daysInMonth: (year: number, month: number) => number;
  readonly isLeapYear: (year: number) => boolean;
} = Object.freeze({
  toEpochDay,
  epochDayOfYmd,
  fromEpochDay,
  weekdayOfEpochDay,
  addDays,
  daysBetween,
  daysInMonth,
  isLeapYear,
});
