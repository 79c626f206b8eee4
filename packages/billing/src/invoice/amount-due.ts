import { err, ok, type Result } from 'neverthrow';
import type { LocalDate } from '../dates/local-date';
import { discountCore } from '../discount/early-payment-discount';
import type { BillingError } from '../errors';
import { type CalendarOptions, readCalendar } from '../late/late-charges';
import { type LateChargesCore, lateChargesCore } from '../late/late-charges-core';
import { ZERO } from '../money/decimal';
import { formatDec } from '../money/money';
import { readDate } from '../validation/read';
import { balanceCore } from './invoice-summary';
import { discountLineId, fineLineId, interestLineId, ownAmount, ownLine } from './own-lines';
import { type ParsedInvoice, readInvoice } from './read-invoice';
import type { Invoice, InvoiceLine, NonBusinessDay } from './types';

export interface AmountDue {
  readonly invoiceId: string;
  readonly date: LocalDate;
  readonly effectiveDueDate: LocalDate;
  readonly daysLate: number;
  /** Balance of the invoice as it stands (lines minus payments up to the date). */
  readonly balance: string;
  /** Early-payment discount line when paid on or before the effective due date. */
  readonly discount?: InvoiceLine;
  /** The fine as of the date (the full charge; `newCharges` counts what is not yet on the invoice). */
  readonly fine?: InvoiceLine;
  readonly interest?: InvoiceLine;
  /** Late charges not yet on the invoice. */
  readonly newCharges: string;
  /** What settles the invoice if paid on the date. */
  readonly total: string;
  /** A sentence summing it up. */
  readonly text: string;
}

/** Internal: amount due of a parsed invoice. */
export function amountDueCore(
  p: ParsedInvoice,
  date: LocalDate,
  isNonBusinessDay: NonBusinessDay | undefined,
  /** The late charges of `p` as of `date`, when the caller has them already. */
  computed?: LateChargesCore,
): Result<AmountDue, BillingError> {
  const inv = p.invoice;
  const balance = balanceCore(p, date).balance;
  const balanceText = formatDec(balance, p.currency);
  const inactive = inv.status === 'cancelled' || inv.status === 'transferred';
  let c: LateChargesCore;
  if (computed !== undefined) c = computed;
  else {
    const charges = lateChargesCore(p, date, isNonBusinessDay);
    if (charges.isErr()) return err(charges.error);
    c = charges.value;
  }
  let total = balance;
  let discount: InvoiceLine | undefined;
  let newCharges = ZERO;
  const parts: string[] = [`balance ${balanceText}`];
  if (!inactive && !balance.isZero()) {
    if (c.result.daysLate === 0) {
      const t = p.terms.discount;
      if (
        t !== undefined &&
        ownLine(inv, discountLineId(inv.id)) === undefined &&
        date <= c.result.effectiveDueDate
      ) {
        const eff = c.result.effectiveDueDate;
        const d = discountCore(t.kind, t.value, p.principal, p.currency, p.mode, eff);
        const amount = d.amount.greaterThan(balance) ? balance : d.amount;
        discount = {
          id: discountLineId(inv.id),
          kind: 'discount',
          effect: 'credit',
          description: `Early-payment discount (paid by ${eff})`,
          amount: formatDec(amount, p.currency),
          penalty: false,
          explanation: d.explanation,
        };
        total = total.minus(amount);
        parts.push(`− discount ${discount.amount}`);
      }
    } else {
      const fineDelta = c.fine.minus(ownAmount(inv, fineLineId(inv.id)));
      const interestDelta = c.interest.minus(ownAmount(inv, interestLineId(inv.id)));
      if (fineDelta.isPositive() && !fineDelta.isZero()) newCharges = newCharges.plus(fineDelta);
      if (interestDelta.isPositive() && !interestDelta.isZero()) newCharges = newCharges.plus(interestDelta);
      total = total.plus(newCharges);
      if (c.result.fine !== undefined) parts.push(`fine ${c.result.fine.amount}`);
      if (c.result.interest !== undefined) parts.push(`interest ${c.result.interest.amount}`);
      parts.push(`${c.result.daysLate} days late`);
    }
  }
  const totalStr = formatDec(total, p.currency);
  return ok({
    invoiceId: inv.id,
    date,
    effectiveDueDate: c.result.effectiveDueDate,
    daysLate: c.result.daysLate,
    balance: balanceText,
    ...(discount !== undefined ? { discount } : {}),
    ...(c.result.fine !== undefined ? { fine: c.result.fine } : {}),
    ...(c.result.interest !== undefined ? { interest: c.result.interest } : {}),
    newCharges: formatDec(newCharges, p.currency),
    total: totalStr,
    text: `Amount due on ${date}: ${totalStr} ${p.currency} (${parts.join(', ')}).`,
  });
}

/**
 * What settles the invoice if paid on `date`: the balance, minus the early-payment discount when paid on or
 * before the effective due date, plus the fine and interest not yet on the invoice when paid later.
 */
export function amountDueOn(
  invoice: Invoice,
  date: LocalDate,
  options?: CalendarOptions,
): Result<AmountDue, BillingError> {
  const cal = readCalendar(options);
  if (cal.isErr()) return err(cal.error);
  const p = readInvoice(invoice);
  if (p.isErr()) return err(p.error);
  const d = readDate(date, 'date');
  if (d.isErr()) return err(d.error);
  return amountDueCore(p.value, d.value, cal.value);
}
