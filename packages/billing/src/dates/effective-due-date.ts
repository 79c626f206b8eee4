import { err, ok, type Result } from 'neverthrow';
import { type BillingError, calendarFailed, invalidInput, noBusinessDay } from '../errors';
import type { NonBusinessDay } from '../invoice/types';
import { readDate } from '../validation/read';
import { dateOfEpochDay, epochDayOf, type LocalDate } from './local-date';

/** Longest run of consecutive non-business days tolerated before giving up. */
export const MAX_NON_BUSINESS_RUN = 31;

/** Internal: effective due date of a valid date; `isNonBusinessDay` may be undefined (every day is a business day). */
export function effectiveDueDateCore(
  dueDate: LocalDate,
  isNonBusinessDay: NonBusinessDay | undefined,
): Result<LocalDate, BillingError> {
  if (isNonBusinessDay === undefined) return ok(dueDate);
  let day = epochDayOf(dueDate);
  let date = dueDate;
  for (let i = 0; i <= MAX_NON_BUSINESS_RUN; i++) {
    let closed: unknown;
    try {
      closed = isNonBusinessDay(date);
    } catch {
      return err(calendarFailed('isNonBusinessDay', `the non-business-day predicate failed for ${date}`));
    }
    if (closed !== true) return ok(date);
    day += 1;
    date = dateOfEpochDay(day);
  }
  return err(
    noBusinessDay('isNonBusinessDay', `no business day within ${MAX_NON_BUSINESS_RUN} days after ${dueDate}`),
  );
}

/**
 * The due date moved past weekends and holidays (Lei 7.089/1983): the first date on or after `dueDate` for
 * which `isNonBusinessDay` is false. The predicate is a plain function of a 'YYYY-MM-DD' string; without
 * one, the due date is returned unchanged.
 */
export function effectiveDueDate(
  dueDate: LocalDate,
  isNonBusinessDay?: NonBusinessDay,
): Result<LocalDate, BillingError> {
  const d = readDate(dueDate, 'dueDate');
  if (d.isErr()) return err(d.error);
  if (isNonBusinessDay !== undefined && typeof isNonBusinessDay !== 'function') {
    return err(invalidInput('isNonBusinessDay', 'isNonBusinessDay must be a function (date) => boolean'));
  }
  return effectiveDueDateCore(d.value, isNonBusinessDay);
}
