import { err, ok, type Result } from 'neverthrow';
import { effectiveDueDateCore } from '../dates/effective-due-date';
import { epochDayOf, type LocalDate } from '../dates/local-date';
import type { BillingError } from '../errors';
import type { LateFrom, NonBusinessDay } from '../invoice/types';
import { optional, readDate, readEnum } from '../validation/read';
import { readCalendar } from './late-charges';

export interface DaysLateInput {
  readonly dueDate: LocalDate;
  /** The payment date or the evaluation date. */
  readonly date: LocalDate;
  readonly isNonBusinessDay?: NonBusinessDay;
  /** Default `effective-due-date`. */
  readonly lateFrom?: LateFrom;
}

/**
 * Calendar days late on `date`: 0 on or before the effective due date; afterwards counted from the
 * effective due date (default) or from the original due date.
 */
export function daysLate(input: DaysLateInput): Result<number, BillingError> {
  const cal = readCalendar(input);
  if (cal.isErr()) return err(cal.error);
  const due = readDate(input?.dueDate, 'dueDate');
  if (due.isErr()) return err(due.error);
  const date = readDate(input.date, 'date');
  if (date.isErr()) return err(date.error);
  const lateFrom = optional(input.lateFrom, 'effective-due-date' as LateFrom, (x) =>
    readEnum(x, 'lateFrom', ['effective-due-date', 'original-due-date'] as const),
  );
  if (lateFrom.isErr()) return err(lateFrom.error);
  if (date.value <= due.value) return ok(0);
  const eff = effectiveDueDateCore(due.value, cal.value);
  if (eff.isErr()) return err(eff.error);
  if (date.value <= eff.value) return ok(0);
  const from = lateFrom.value === 'original-due-date' ? due.value : eff.value;
  return ok(epochDayOf(date.value) - epochDayOf(from));
}
