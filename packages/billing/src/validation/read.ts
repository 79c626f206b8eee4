import { err, ok, type Result } from 'neverthrow';
import { type LocalDate, type Period, parseYmd, type YearMonth } from '../dates/local-date';
import {
  type BillingError,
  invalidAmount,
  invalidDate,
  invalidDay,
  invalidInput,
  invalidOption,
  invalidPeriod,
  negativeAmount,
  unknownCurrency,
} from '../errors';
import { type CurrencyCode, isCurrencyCode } from '../money/currency';
import { Dec, ZERO } from '../money/decimal';

/** Longest string accepted anywhere (ids, descriptions, amounts). */
export const MAX_STRING_LENGTH = 500;

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return value.length > 40 ? `a string of ${value.length} characters` : `"${value}"`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  return typeof value;
};

/** True for what {@link readObject} accepts. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !Object.hasOwn(value, '__proto__') &&
    !Object.hasOwn(value, 'constructor') &&
    !Object.hasOwn(value, 'prototype')
  );
}

/** A plain object without prototype-polluting own keys. */
export function readObject(value: unknown, field: string): Result<Record<string, unknown>, BillingError> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(invalidInput(field, `${field} must be an object, got ${describe(value)}`));
  }
  for (const key of FORBIDDEN_KEYS) {
    if (Object.hasOwn(value, key))
      return err(invalidInput(`${field}.${key}`, `${field} must not have a "${key}" key`));
  }
  return ok(value as Record<string, unknown>);
}

export function readArray(
  value: unknown,
  field: string,
  maxLength = 10_000,
): Result<readonly unknown[], BillingError> {
  if (!Array.isArray(value))
    return err(invalidInput(field, `${field} must be an array, got ${describe(value)}`));
  if (value.length > maxLength)
    return err(invalidInput(field, `${field} has more than ${maxLength} entries`));
  return ok(value);
}

/** True when the string holds a control character (U+0000–U+001F, U+007F). */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}

/** True for what {@link readString} accepts. */
export function isText(value: unknown, maxLength = MAX_STRING_LENGTH): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength && !hasControl(value);
}

/** A non-empty string without control characters, at most {@link MAX_STRING_LENGTH} characters. */
export function readString(
  value: unknown,
  field: string,
  maxLength = MAX_STRING_LENGTH,
): Result<string, BillingError> {
  if (typeof value !== 'string')
    return err(invalidInput(field, `${field} must be a string, got ${describe(value)}`));
  if (value.length === 0) return err(invalidInput(field, `${field} must not be empty`));
  if (value.length > maxLength)
    return err(invalidInput(field, `${field} is longer than ${maxLength} characters`));
  if (hasControl(value)) return err(invalidInput(field, `${field} contains control characters`));
  return ok(value);
}

export function readBoolean(value: unknown, field: string): Result<boolean, BillingError> {
  return typeof value === 'boolean'
    ? ok(value)
    : err(invalidInput(field, `${field} must be true or false, got ${describe(value)}`));
}

export function readEnum<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
): Result<T, BillingError> {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? ok(value as T)
    : err(invalidOption(field, `${field} must be one of ${allowed.join(', ')}, got ${describe(value)}`));
}

export function readCurrency(value: unknown, field: string): Result<CurrencyCode, BillingError> {
  return isCurrencyCode(value)
    ? ok(value)
    : err(
        unknownCurrency(
          field,
          `${field}: unknown currency ${describe(value)} (BRL, MXN, COP, ARS, PEN, CLP, PYG)`,
        ),
      );
}

/** True for a 'YYYY-MM-DD' string naming a real calendar date. */
export function isDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parseYmd(value) !== undefined;
}

const dateError = (value: unknown, field: string): BillingError =>
  invalidDate(field, `${field} must be a calendar date 'YYYY-MM-DD', got ${describe(value)}`);

/** 'YYYY-MM-DD', a real calendar date. */
export function readDate(value: unknown, field: string): Result<LocalDate, BillingError> {
  return isDate(value) ? ok(value) : err(dateError(value, field));
}

const YEAR_MONTH_DIGITS: readonly number[] = [0, 1, 2, 3, 5, 6];

/** 'YYYY-MM' with a year 1000–9999 and a month 01–12. */
function isYearMonth(value: string): boolean {
  if (value.length !== 7 || value.charCodeAt(4) !== 45) return false;
  for (const i of YEAR_MONTH_DIGITS) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  if (value.charCodeAt(0) === 48) return false;
  const month = (value.charCodeAt(5) - 48) * 10 + (value.charCodeAt(6) - 48);
  return month >= 1 && month <= 12;
}

/** 'YYYY-MM'. */
export function readYearMonth(value: unknown, field: string): Result<YearMonth, BillingError> {
  return typeof value === 'string' && isYearMonth(value)
    ? ok(value)
    : err(invalidDate(field, `${field} must be a month 'YYYY-MM', got ${describe(value)}`));
}

/** A half-open period whose end is after its start. */
export function readPeriod(value: unknown, field: string): Result<Period, BillingError> {
  const o = readObject(value, field);
  if (o.isErr()) return err(o.error);
  const start = o.value.start;
  const end = o.value.end;
  if (!isDate(start)) return err(dateError(start, `${field}.start`));
  if (!isDate(end)) return err(dateError(end, `${field}.end`));
  return end > start
    ? ok({ start, end })
    : err(invalidPeriod(`${field}.end`, `${field}.end (${end}) must be after ${field}.start (${start})`));
}

/** A day of the month, 1–31 (or 1–28 when `max` is 28). */
export function readDay(value: unknown, field: string, max = 31): Result<number, BillingError> {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max
    ? ok(value)
    : err(invalidDay(field, `${field} must be a whole day between 1 and ${max}, got ${describe(value)}`));
}

export function readInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
): Result<number, BillingError> {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? ok(value)
    : err(
        invalidInput(
          field,
          `${field} must be a whole number between ${min} and ${max}, got ${describe(value)}`,
        ),
      );
}

/**
 * Shape of an accepted amount, checked on char codes: an optional leading minus, `0` or up to 15 digits
 * without a leading zero, then optionally a point and 1–12 digits. Returns the number of decimals, or -1.
 */
function decimalShape(value: string): number {
  const n = value.length;
  let i = value.charCodeAt(0) === 45 ? 1 : 0;
  const first = value.charCodeAt(i);
  if (first === 48) i++;
  else {
    const start = i;
    while (i < n) {
      const c = value.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === start || i - start > 15) return -1;
  }
  if (i === n) return 0;
  if (value.charCodeAt(i) !== 46) return -1;
  const dot = ++i;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    i++;
  }
  const decimals = n - dot;
  return decimals >= 1 && decimals <= 12 ? decimals : -1;
}

/** Parsed amounts by their string: amounts repeat a lot (prices, rates), and a Dec is immutable. */
const PARSED = new Map<string, Dec>();
const PARSED_MAX = 4096;

/** The Dec of an amount already validated (shared instance; a Dec is immutable). */
export function cachedDec(value: string): Dec {
  const hit = PARSED.get(value);
  if (hit !== undefined) return hit;
  const parsed = new Dec(value);
  const d = parsed.isZero() ? ZERO : parsed;
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(value, d);
  return d;
}

/** The amount {@link readAmount} accepts, or `undefined` where it would return an error. */
export function amountOf(value: unknown, scale?: number): Dec | undefined {
  if (typeof value !== 'string' || value.length > 40 || value.length === 0 || decimalShape(value) < 0)
    return undefined;
  const d = cachedDec(value);
  if (d.isNegative() && !d.isZero()) return undefined;
  if (scale !== undefined && d.decimalPlaces() > scale) return undefined;
  return d;
}

/**
 * A decimal string ("60.00", "99.9"). Up to 15 integer digits and 12 decimals; no exponent, no sign
 * other than a leading minus (which yields NEGATIVE_AMOUNT), no numbers (money never travels as a float).
 * `scale` (the currency's minor units) limits significant decimals.
 */
export function readAmount(value: unknown, field: string, scale?: number): Result<Dec, BillingError> {
  if (typeof value !== 'string' || value.length > 40 || value.length === 0 || decimalShape(value) < 0) {
    return err(
      invalidAmount(field, `${field} must be a decimal string such as "60.00", got ${describe(value)}`),
    );
  }
  const d = cachedDec(value);
  if (d.isNegative() && !d.isZero())
    return err(negativeAmount(field, `${field} must not be negative, got "${value}"`));
  if (scale !== undefined && d.decimalPlaces() > scale) {
    return err(invalidAmount(field, `${field} has more than ${scale} decimal places: "${value}"`));
  }
  return ok(d);
}

/** A percentage as a decimal string ("2", "1.5", "0.033333"), 0–1000. */
export function readPercent(value: unknown, field: string): Result<Dec, BillingError> {
  return readAmount(value, field).andThen((d) =>
    d.greaterThan(1000) ? err(invalidAmount(field, `${field} must be at most 1000 %`)) : ok(d),
  );
}

/** Reads an optional property: `undefined` → the default. */
export function optional<T>(
  value: unknown,
  fallback: T,
  read: (v: unknown) => Result<T, BillingError>,
): Result<T, BillingError> {
  return value === undefined ? ok(fallback) : read(value);
}
