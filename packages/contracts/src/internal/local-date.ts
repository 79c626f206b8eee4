import { calendar } from '@isp/billing';
import { err, ok, type Result } from 'neverthrow';
import { type ContractsError, invalidDate } from '../errors';

/** A calendar date, `YYYY-MM-DD`. Never an instant: no result depends on the process time zone. */
export type LocalDate = string;

// The calendar primitives are @isp/billing's (`calendar`), bound once here so hot loops call plain functions.
export const { toEpochDay, fromEpochDay, weekdayOfEpochDay, epochDayOfYmd, daysInMonth, addDays } = calendar;

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
