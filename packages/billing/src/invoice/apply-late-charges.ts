import { err, ok, type Result } from 'neverthrow';
import { effectiveDueDateCore } from '../dates/effective-due-date';
import type { LocalDate } from '../dates/local-date';
import type { BillingError } from '../errors';
import { type CalendarOptions, readCalendar } from '../late/late-charges';
import { type LateChargesCore, lateChargesCore } from '../late/late-charges-core';
import { readDate } from '../validation/read';
import { fineLineId, interestLineId, ownLine } from './own-lines';
import { type ParsedInvoice, readInvoice } from './read-invoice';
import type { Invoice, InvoiceLine, NonBusinessDay } from './types';

/** What {@link applyLateChargesCore} changed: the new invoice, the lines it dropped and those it appended. */
export interface LateChargesApplied {
  readonly invoice: Invoice;
  readonly removed: readonly InvoiceLine[];
  readonly added: readonly InvoiceLine[];
}

const NO_LINES: readonly InvoiceLine[] = Object.freeze([]);

/**
 * Internal: puts the fine and interest as of `asOf` on the invoice (replacing its own earlier ones). The
 * unchanged lines are shared with the input invoice.
 */
export function applyLateChargesParts(
  p: ParsedInvoice,
  asOf: LocalDate,
  isNonBusinessDay: NonBusinessDay | undefined,
  /** The late charges of `p` as of `asOf`, when the caller has them already. */
  computed?: LateChargesCore,
): Result<LateChargesApplied, BillingError> {
  const inv = p.invoice;
  const same = { invoice: inv, removed: NO_LINES, added: NO_LINES };
  if (inv.status === 'cancelled' || inv.status === 'transferred') return ok(same);
  const fineId = fineLineId(inv.id);
  const interestId = interestLineId(inv.id);
  const oldFine = ownLine(inv, fineId);
  const oldInterest = ownLine(inv, interestId);
  let c: LateChargesCore;
  if (computed !== undefined) c = computed;
  else {
    // Already charged up to this date or later (a rerun of the same day): the lines stay, and nothing needs
    // computing beyond the effective due date (whose calendar errors still surface).
    const terms = p.terms;
    if (
      (terms.fine === undefined || (oldFine !== undefined && (oldFine.asOf ?? '') >= asOf)) &&
      (terms.interest === undefined || (oldInterest !== undefined && (oldInterest.asOf ?? '') >= asOf))
    ) {
      if (asOf <= inv.dueDate) return ok(same);
      const eff = effectiveDueDateCore(inv.dueDate, isNonBusinessDay);
      return eff.isErr() ? err(eff.error) : ok(same);
    }
    const charges = lateChargesCore(p, asOf, isNonBusinessDay);
    if (charges.isErr()) return err(charges.error);
    c = charges.value;
  }
  const { fine, interest } = c.result;
  if (fine === undefined && interest === undefined) return ok(same);
  // Levels never go down: keep an existing line computed up to a later date.
  const keepFine = oldFine !== undefined && (fine === undefined || (oldFine.asOf ?? '') >= asOf);
  const keepInterest =
    oldInterest !== undefined && (interest === undefined || (oldInterest.asOf ?? '') >= asOf);
  if ((keepFine || fine === undefined) && (keepInterest || interest === undefined)) return ok(same);
  const lines: InvoiceLine[] = [];
  const removed: InvoiceLine[] = [];
  const added: InvoiceLine[] = [];
  for (const line of inv.lines) {
    if (
      (line === oldFine && !keepFine && fine !== undefined) ||
      (line === oldInterest && !keepInterest && interest !== undefined)
    ) {
      removed.push(line);
      continue;
    }
    lines.push(line);
  }
  if (!keepFine && fine !== undefined) added.push(fine);
  if (!keepInterest && interest !== undefined) added.push(interest);
  for (const line of added) lines.push(line);
  return ok({ invoice: { ...inv, lines }, removed, added });
}

/** Internal: puts the fine and interest as of `asOf` on the invoice (replacing its own earlier ones). */
export function applyLateChargesCore(
  p: ParsedInvoice,
  asOf: LocalDate,
  isNonBusinessDay: NonBusinessDay | undefined,
): Result<Invoice, BillingError> {
  return applyLateChargesParts(p, asOf, isNonBusinessDay).map((applied) => applied.invoice);
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
