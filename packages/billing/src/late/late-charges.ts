import { err, ok, type Result } from 'neverthrow';
import type { LocalDate } from '../dates/local-date';
import { type BillingError, invalidInput } from '../errors';
import { readInvoice } from '../invoice/read-invoice';
import type { Invoice, NonBusinessDay } from '../invoice/types';
import { readDate } from '../validation/read';
import { type LateCharges, lateChargesCore } from './late-charges-core';

export interface CalendarOptions {
  /** `(date) => true` when the date is not a business day (weekend, holiday, bank closed). */
  readonly isNonBusinessDay?: NonBusinessDay;
}

/** Internal: validates the calendar option. */
export function readCalendar(
  options: CalendarOptions | undefined,
): Result<NonBusinessDay | undefined, BillingError> {
  const f = options?.isNonBusinessDay;
  if (f !== undefined && typeof f !== 'function') {
    return err(invalidInput('isNonBusinessDay', 'isNonBusinessDay must be a function (date) => boolean'));
  }
  return ok(f);
}

/**
 * Fine and interest of an invoice as of `asOf` (the invoice's own terms), as invoice lines with their
 * explanations. Zero when `asOf` is on or before the effective due date, and for cancelled or transferred
 * invoices. Lines already on the invoice are not subtracted: this is the level of charges as of the date.
 */
export function lateCharges(
  invoice: Invoice,
  asOf: LocalDate,
  options?: CalendarOptions,
): Result<LateCharges, BillingError> {
  const cal = readCalendar(options);
  if (cal.isErr()) return err(cal.error);
  const p = readInvoice(invoice);
  if (p.isErr()) return err(p.error);
  const d = readDate(asOf, 'asOf');
  if (d.isErr()) return err(d.error);
  return lateChargesCore(p.value, d.value, cal.value).map((c) => c.result);
}

export type { LateCharges };
