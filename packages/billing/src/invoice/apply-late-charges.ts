import { err, ok, type Result } from 'neverthrow';
import type { LocalDate } from '../dates/local-date';
import type { BillingError } from '../errors';
import { type CalendarOptions, readCalendar } from '../late/late-charges';
import { lateChargesCore } from '../late/late-charges-core';
import { readDate } from '../validation/read';
import { fineLineId, interestLineId, ownLine } from './own-lines';
import { type ParsedInvoice, readInvoice } from './read-invoice';
import type { Invoice, InvoiceLine, NonBusinessDay } from './types';

/** Internal: puts the fine and interest as of `asOf` on the invoice (replacing its own earlier ones). */
export function applyLateChargesCore(
  p: ParsedInvoice,
  asOf: LocalDate,
  isNonBusinessDay: NonBusinessDay | undefined,
): Result<Invoice, BillingError> {
  const inv = p.invoice;
  if (inv.status === 'cancelled' || inv.status === 'transferred') return ok(inv);
  const c = lateChargesCore(p, asOf, isNonBusinessDay);
  if (c.isErr()) return err(c.error);
  const { fine, interest } = c.value.result;
  if (fine === undefined && interest === undefined) return ok(inv);
  const fineId = fineLineId(inv.id);
  const interestId = interestLineId(inv.id);
  const oldFine = ownLine(inv, fineId);
  const oldInterest = ownLine(inv, interestId);
  // Levels never go down: keep an existing line computed up to a later date.
  const keepFine = oldFine !== undefined && (fine === undefined || (oldFine.asOf ?? '') >= asOf);
  const keepInterest =
    oldInterest !== undefined && (interest === undefined || (oldInterest.asOf ?? '') >= asOf);
  if ((keepFine || fine === undefined) && (keepInterest || interest === undefined)) return ok(inv);
  const lines: InvoiceLine[] = [];
  for (const line of inv.lines) {
    if (line === oldFine && !keepFine && fine !== undefined) continue;
    if (line === oldInterest && !keepInterest && interest !== undefined) continue;
    lines.push(line);
  }
  if (!keepFine && fine !== undefined) lines.push(fine);
  if (!keepInterest && interest !== undefined) lines.push(interest);
  return ok({ ...inv, lines });
}

/**
 * Puts the late charges as of `asOf` on the invoice as penalty lines `<id>:fine` and `<id>:interest`.
 * Idempotent: running it again for the same date changes nothing; a later date replaces the lines with the
 * larger amounts.
 */
export function applyLateCharges(
  invoice: Invoice,
  asOf: LocalDate,
  options?: CalendarOptions,
): Result<Invoice, BillingError> {
  const cal = readCalendar(options);
  if (cal.isErr()) return err(cal.error);
  const p = readInvoice(invoice);
  if (p.isErr()) return err(p.error);
  const d = readDate(asOf, 'asOf');
  if (d.isErr()) return err(d.error);
  return applyLateChargesCore(p.value, d.value, cal.value);
}
