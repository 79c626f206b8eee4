import { err, ok, type Result } from 'neverthrow';
import { type ContractsError, invalidDate } from '../errors';

/** A calendar date, `YYYY-MM-DD`. Never an instant: no result depends on the process time zone. */
export type LocalDate = string;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 (proleptic Gregorian). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/** Epoch day of a `YYYY-MM-DD` string, or `NaN` when it is not a real calendar date. Cheap: no allocation. */
export function toEpochDay(date: unknown): number {
  if (
    typeof date !== 'string' ||
    date.length !== 10 ||
    date.charCodeAt(4) !== 45 ||
    date.charCodeAt(7) !== 45
  ) {
    return Number.NaN;
  }
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  if (!(year >= 1900) || !(month >= 1 && month <= 12) || !(day >= 1)) return Number.NaN;
  const max = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
  if (day > max) return Number.NaN;
  return epochDayOf(year, month, day);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of an epoch day. */
export function fromEpochDay(epochDay: number): LocalDate {
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
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function readLocalDate(value: unknown, field: string): Result<LocalDate, ContractsError> {
  const day = toEpochDay(value);
  return Number.isNaN(day)
    ? err(invalidDate(field, `${field} must be a calendar date YYYY-MM-DD`))
    : ok(value as LocalDate);
}

export function readOptionalLocalDate(
  value: unknown,
  field: string,
): Result<LocalDate | undefined, ContractsError> {
  return value === undefined ? ok(undefined) : readLocalDate(value, field);
}
