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

const CONTROL = /[\u0000-\u001f\u007f]/;

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
  if (CONTROL.test(value)) return err(invalidInput(field, `${field} contains control characters`));
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

/** 'YYYY-MM-DD', a real calendar date. */
export function readDate(value: unknown, field: string): Result<LocalDate, BillingError> {
  if (typeof value !== 'string' || parseYmd(value) === undefined) {
    return err(invalidDate(field, `${field} must be a calendar date 'YYYY-MM-DD', got ${describe(value)}`));
  }
  return ok(value);
}

const YEAR_MONTH = /^[1-9]\d{3}-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM'. */
export function readYearMonth(value: unknown, field: string): Result<YearMonth, BillingError> {
  return typeof value === 'string' && YEAR_MONTH.test(value)
    ? ok(value)
    : err(invalidDate(field, `${field} must be a month 'YYYY-MM', got ${describe(value)}`));
}

/** A half-open period whose end is after its start. */
export function readPeriod(value: unknown, field: string): Result<Period, BillingError> {
  return readObject(value, field).andThen((o) =>
    readDate(o.start, `${field}.start`).andThen((start) =>
      readDate(o.end, `${field}.end`).andThen((end) =>
        end > start
          ? ok({ start, end })
          : err(
              invalidPeriod(`${field}.end`, `${field}.end (${end}) must be after ${field}.start (${start})`),
            ),
      ),
    ),
  );
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

const DECIMAL = /^-?(0|[1-9]\d{0,14})(\.\d{1,12})?$/;

/**
 * A decimal string ("60.00", "99.9"). Up to 15 integer digits and 12 decimals; no exponent, no sign
 * other than a leading minus (which yields NEGATIVE_AMOUNT), no numbers (money never travels as a float).
 * `scale` (the currency's minor units) limits significant decimals.
 */
export function readAmount(value: unknown, field: string, scale?: number): Result<Dec, BillingError> {
  if (typeof value !== 'string' || value.length > 40 || !DECIMAL.test(value)) {
    return err(
      invalidAmount(field, `${field} must be a decimal string such as "60.00", got ${describe(value)}`),
    );
  }
  const d = new Dec(value);
  if (d.isNegative() && !d.isZero())
    return err(negativeAmount(field, `${field} must not be negative, got "${value}"`));
  if (scale !== undefined && d.decimalPlaces() > scale) {
    return err(invalidAmount(field, `${field} has more than ${scale} decimal places: "${value}"`));
  }
  return ok(d.isZero() ? ZERO : d);
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
