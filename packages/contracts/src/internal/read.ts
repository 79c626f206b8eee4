import { err, ok, type Result } from 'neverthrow';
import { type ContractsError, invalidInput } from '../errors';

/** Keys that must never be accepted from untyped input. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** A plain object without dangerous own keys. */
export function readRecord(
  value: unknown,
  field: string,
): Result<Readonly<Record<string, unknown>>, ContractsError> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(invalidInput(field, `${field} must be an object, got ${describe(value)}`));
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      return err(invalidInput(`${field}.${key}`, `${field} must not have a key named ${key}`));
  }
  if (Object.hasOwn(value, '__proto__')) {
    return err(invalidInput(`${field}.__proto__`, `${field} must not have a key named __proto__`));
  }
  return ok(value as Readonly<Record<string, unknown>>);
}

export interface StringRules {
  readonly max?: number;
  readonly min?: number;
  /** Allow line breaks and tabs (free text such as notes). */
  readonly multiline?: boolean;
}

export function readString(
  value: unknown,
  field: string,
  rules: StringRules = {},
): Result<string, ContractsError> {
  const max = rules.max ?? 200;
  const min = rules.min ?? 1;
  if (typeof value !== 'string')
    return err(invalidInput(field, `${field} must be a string, got ${describe(value)}`));
  if (value.length > max) return err(invalidInput(field, `${field} must be at most ${max} characters`));
  if (value.trim().length < min) {
    return err(invalidInput(field, min === 1 ? `${field} must not be empty` : `${field} is too short`));
  }
  const checked = rules.multiline === true ? value.replace(/[\n\t]/g, ' ') : value;
  if (CONTROL.test(checked)) return err(invalidInput(field, `${field} must not contain control characters`));
  return ok(value);
}

export function readOptionalString(
  value: unknown,
  field: string,
  rules: StringRules = {},
): Result<string | undefined, ContractsError> {
  return value === undefined ? ok(undefined) : readString(value, field, rules);
}

/** An identifier: 1–100 characters of letters, digits and `._:-`. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function readId(value: unknown, field: string): Result<string, ContractsError> {
  if (typeof value !== 'string')
    return err(invalidInput(field, `${field} must be a string id, got ${describe(value)}`));
  if (!ID.test(value) || FORBIDDEN_KEYS.has(value)) {
    return err(invalidInput(field, `${field} must be 1–100 letters, digits, '.', '_', ':' or '-'`));
  }
  return ok(value);
}

export function readInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
): Result<number, ContractsError> {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return err(invalidInput(field, `${field} must be an integer, got ${describe(value)}`));
  }
  if (value < min || value > max)
    return err(invalidInput(field, `${field} must be between ${min} and ${max}`));
  return ok(value);
}

export function readBoolean(value: unknown, field: string): Result<boolean, ContractsError> {
  return typeof value === 'boolean'
    ? ok(value)
    : err(invalidInput(field, `${field} must be a boolean, got ${describe(value)}`));
}

export function readEnum<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
): Result<T, ContractsError> {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return ok(value as T);
  return err(invalidInput(field, `${field} must be one of ${allowed.join(', ')}`));
}

export function readArray(
  value: unknown,
  field: string,
  max = 10_000,
): Result<readonly unknown[], ContractsError> {
  if (!Array.isArray(value))
    return err(invalidInput(field, `${field} must be an array, got ${describe(value)}`));
  if (value.length > max) return err(invalidInput(field, `${field} must have at most ${max} entries`));
  return ok(value);
}

/** Maps every element with `read`, stopping at the first error. */
export function readEach<T>(
  value: unknown,
  field: string,
  read: (element: unknown, field: string, index: number) => Result<T, ContractsError>,
  max = 10_000,
): Result<readonly T[], ContractsError> {
  const array = readArray(value, field, max);
  if (array.isErr()) return err(array.error);
  const out: T[] = [];
  for (let i = 0; i < array.value.length; i++) {
    const r = read(array.value[i], `${field}[${i}]`, i);
    if (r.isErr()) return err(r.error);
    out.push(r.value);
  }
  return ok(out);
}

/** Reads an optional array (`undefined` → empty). */
export function readOptionalEach<T>(
  value: unknown,
  field: string,
  read: (element: unknown, field: string, index: number) => Result<T, ContractsError>,
  max = 10_000,
): Result<readonly T[], ContractsError> {
  return value === undefined ? ok([]) : readEach(value, field, read, max);
}

/** Fails with DuplicateId-like InvalidInput when two elements share an id. */
export function firstDuplicate(ids: readonly string[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (seen.has(id)) return i;
    seen.add(id);
  }
  return -1;
}

/** Object.freeze, deeply, for plain data built by this package. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
