/**
 * Calendar dates as 'YYYY-MM-DD' strings. All maths is done on integers (days since 1970-01-01 and
 * year/month/day triples) so that no result depends on the process time zone.
 */
export type LocalDate = string;

/** A year and month as 'YYYY-MM'. */
export type YearMonth = string;

/** A half-open period `[start, end)`: `start` is billed, `end` is the first day not billed. */
export interface Period {
  readonly start: LocalDate;
  readonly end: LocalDate;
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 (proleptic Gregorian, H. Hinnant's algorithm). */
export function toEpochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Civil date of an epoch day packed as one integer `year * 10000 + month * 100 + day` (H. Hinnant's
 * civil-from-days): no object is allocated, so hot paths can format or unpack it as they need.
 */
export function packedCivilOfEpochDay(epochDay: number): number {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

/** Inverse of {@link toEpochDay}. */
export function fromEpochDay(epochDay: number): Ymd {
  const packed = packedCivilOfEpochDay(epochDay);
  const year = Math.floor(packed / 10000);
  const month = Math.floor(packed / 100) % 100;
  return { year, month, day: packed % 100 };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** Formats a y/m/d triple as 'YYYY-MM-DD' (years 1000–9999). */
export function formatYmd(year: number, month: number, day: number): LocalDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/**
 * A strict 'YYYY-MM-DD' (years 1000–9999) packed as `year * 10000 + month * 100 + day`, or -1 when it is
 * malformed or impossible (2025-02-30). No allocation: the one parser behind every date read.
 */
export function packedYmdOf(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const d0 = digit(value, 0);
  const d1 = digit(value, 1);
  const d2 = digit(value, 2);
  const d3 = digit(value, 3);
  const m0 = digit(value, 5);
  const m1 = digit(value, 6);
  const a0 = digit(value, 8);
  const a1 = digit(value, 9);
  if ((d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1) < 0 || d0 === 0) return -1;
  const year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const month = m0 * 10 + m1;
  const day = a0 * 10 + a1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

/**
 * Parses a strict 'YYYY-MM-DD' (years 1000–9999) into a triple; `undefined` when malformed or impossible
 * (2025-02-30).
 */
export function parseYmd(value: string): Ymd | undefined {
  const packed = packedYmdOf(value);
  if (packed < 0) return undefined;
  return { year: Math.floor(packed / 10000), month: Math.floor(packed / 100) % 100, day: packed % 100 };
}

/** Epoch day of a date string already known to be valid. */
export function epochDayOf(date: LocalDate): number {
  const ymd = parseYmd(date);
  if (ymd === undefined) throw new Error(`epochDayOf: not a valid date: ${date}`);
  return toEpochDay(ymd.year, ymd.month, ymd.day);
}

/** Date string of an epoch day. */
export function dateOfEpochDay(epochDay: number): LocalDate {
  const { year, month, day } = fromEpochDay(epochDay);
  return formatYmd(year, month, day);
}

/** `date` plus `days` calendar days (negative allowed). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfEpochDay(epochDayOf(date) + days);
}

/** Calendar days from `start` to `end` (positive when `end` is later). */
export function daysBetween(start: LocalDate, end: LocalDate): number {
  return epochDayOf(end) - epochDayOf(start);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return (((epochDayOf(date) + 4) % 7) + 7) % 7;
}

/** The date for `day` in `year`/`month`, clamped to the month's last day (31 → Feb 28/29, Apr 30). */
export function clampedDate(year: number, month: number, day: number): LocalDate {
  const last = daysInMonth(year, month);
  return formatYmd(year, month, Math.min(day, last));
}

/** Year/month `offset` months after `year`/`month`. */
export function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Month index (year × 12 + month − 1) used to count months between dates. */
export const monthIndex = (year: number, month: number): number => year * 12 + month - 1;

/** The earlier of two dates. */
export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  if (a < b) return a;
  return b;
}

/** The later of two dates. */
export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  if (a > b) return a;
  return b;
}
