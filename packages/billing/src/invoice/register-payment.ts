import { err, ok, type Result } from 'neverthrow';
import { type BillingError, invoiceNotPayable } from '../errors';
import { type CalendarOptions, readCalendar } from '../late/late-charges';
import { lateChargesCore } from '../late/late-charges-core';
import { minorUnitsOf } from '../money/currency';
import { ZERO } from '../money/decimal';
import { formatDec } from '../money/money';
import { readAmount, readDate, readObject, readString } from '../validation/read';
import { amountDueCore } from './amount-due';
import { applyLateChargesParts } from './apply-late-charges';
import { balanceCore } from './invoice-summary';
import { extendParsed, type ParsedInvoice, readInvoice } from './read-invoice';
import type { Invoice, Payment } from './types';

export interface PaymentResult {
  readonly invoice: Invoice;
  /** Part of the payment that settled the invoice. */
  readonly applied: string;
  /** Overpayment, reported as the customer's credit (never lost). */
  readonly credit: string;
  /** Balance after the payment. */
  readonly balance: string;
  /** False when a payment with the same id was already registered (nothing changed). */
  readonly registered: boolean;
}

/**
 * Registers a (possibly partial) payment. Before the payment is recorded, the invoice's own terms are
 * applied as of the payment date: the late fine and interest are added as lines when paid after the
 * effective due date, or the early-payment discount when the payment settles the invoice by then.
 * Idempotent by payment id. Cancelled and transferred invoices do not take payments.
 */
export function registerPayment(
  invoice: Invoice,
  payment: Payment,
  options?: CalendarOptions,
): Result<PaymentResult, BillingError> {
  const cal = readCalendar(options);
  if (cal.isErr()) return err(cal.error);
  const p = readInvoice(invoice);
  if (p.isErr()) return err(p.error);
  const po = readObject(payment, 'payment');
  if (po.isErr()) return err(po.error);
  const id = readString(po.value.id, 'payment.id');
  if (id.isErr()) return err(id.error);
  const date = readDate(po.value.date, 'payment.date');
  if (date.isErr()) return err(date.error);
  const amount = readAmount(po.value.amount, 'payment.amount', minorUnitsOf(p.value.currency));
  if (amount.isErr()) return err(amount.error);
  const inv = p.value.invoice;
  const currency = p.value.currency;
  if (inv.status === 'cancelled' || inv.status === 'transferred') {
    return err(
      invoiceNotPayable('invoice.status', `invoice ${inv.id} is ${inv.status} and takes no payments`),
    );
  }
  if (inv.payments.some((x) => x.id === id.value)) {
    const s = balanceCore(p.value, undefined);
    return ok({
      invoice: inv,
      applied: formatDec(ZERO, currency),
      credit: formatDec(s.credit, currency),
      balance: formatDec(s.balance, currency),
      registered: false,
    });
  }

  // Apply the invoice's terms as of the payment date (the late charges are computed once, for both).
  const charges = lateChargesCore(p.value, date.value, cal.value);
  if (charges.isErr()) return err(charges.error);
  const due = amountDueCore(p.value, date.value, cal.value, charges.value);
  if (due.isErr()) return err(due.error);
  let before: ParsedInvoice = p.value;
  if (due.value.daysLate > 0) {
    const applied = applyLateChargesParts(p.value, date.value, cal.value, charges.value);
    if (applied.isErr()) return err(applied.error);
    const { invoice: next, removed, added } = applied.value;
    if (next !== inv) {
      const extended = extendParsed(p.value, next, removed, added);
      if (extended.isErr()) return err(extended.error);
      before = extended.value;
    }
  } else if (due.value.discount !== undefined && amount.value.greaterThanOrEqualTo(due.value.total)) {
    const discount = due.value.discount;
    const extended = extendParsed(p.value, { ...inv, lines: [...inv.lines, discount] }, [], [discount]);
    if (extended.isErr()) return err(extended.error);
    before = extended.value;
  }

  const next = before.invoice;
  const balanceBefore = balanceCore(before, undefined).balance;
  const applied = amount.value.greaterThan(balanceBefore) ? balanceBefore : amount.value;
  const withPayment: Invoice = {
    ...next,
    payments: [
      ...next.payments,
      { id: id.value, date: date.value, amount: formatDec(amount.value, currency) },
    ],
  };
  const after = extendParsed(before, withPayment, [], [], true);
  if (after.isErr()) return err(after.error);
  const s = balanceCore(after.value, undefined);
  return ok({
    invoice: { ...withPayment, status: s.status },
    applied: formatDec(applied, currency),
    credit: formatDec(amount.value.minus(applied), currency),
    balance: formatDec(s.balance, currency),
    registered: true,
  });
}
