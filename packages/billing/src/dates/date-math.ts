import { err, ok, type Result } from 'neverthrow';
import { type BillingError, invalidDate, invalidInput } from '../errors';
import { readDate, readDay, readInteger } from '../validation/read';
import * as d from './local-date';

/** `date` plus `days` calendar days (negative allowed), time-zone independent. */
export function addDays(date: d.LocalDate, days: number): Result<d.LocalDate, BillingError> {
  const v = readDate(date, 'date');
  if (v.isErr()) return err(v.error);
  const n = readInteger(days, 'days', -1_000_000, 1_000_000);
  if (n.isErr()) return err(n.error);
  const out = d.epochDayOf(v.value) + n.value;
  const ymd = d.fromEpochDay(out);
  if (ymd.year < 1000 || ymd.year > 9999)
    return err(invalidInput('days', 'the result falls outside the years 1000–9999'));
  return ok(d.dateOfEpochDay(out));
}

/** Calendar days from `start` to `end` (negative when `end` is earlier). */
export function daysBetween(start: d.LocalDate, end: d.LocalDate): Result<number, BillingError> {
  const s = readDate(start, 'start');
  if (s.isErr()) return err(s.error);
  const e = readDate(end, 'end');
  if (e.isErr()) return err(e.error);
  return ok(d.epochDayOf(e.value) - d.epochDayOf(s.value));
}

/** The date of `day` (1–31) in a month, clamped to its last day: day 31 of 2025-02 is 2025-02-28. */
export function clampDay(month: d.YearMonth, day: number): Result<d.LocalDate, BillingError> {
  const m = /^([1-9]\d{3})-(0[1-9]|1[0-2])$/.exec(typeof month === 'string' ? month : '');
  if (m === null)
    return err(invalidDate('month', `month must be 'YYYY-MM', got ${String(month).slice(0, 20)}`));
  const dd = readDay(day, 'day');
  if (dd.isErr()) return err(dd.error);
  return ok(d.clampedDate(Number(m[1]), Number(m[2]), dd.value));
}

/** Days in a month 'YYYY-MM'. */
export function daysInMonthOf(month: d.YearMonth): Result<number, BillingError> {
  return clampDay(month, 31).map((date) => Number(date.slice(8, 10)));
}
