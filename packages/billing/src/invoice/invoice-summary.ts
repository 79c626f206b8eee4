import { err, ok, type Result } from 'neverthrow';
import type { LocalDate } from '../dates/local-date';
import type { BillingError } from '../errors';
import { type Dec, ZERO } from '../money/decimal';
import { formatDec } from '../money/money';
import { optional, readDate } from '../validation/read';
import { type ParsedInvoice, paidUpTo, readInvoice } from './read-invoice';
import type { Invoice, InvoiceStatus } from './types';

export interface InvoiceSummary {
  readonly invoiceId: string;
  /** Charges minus credits of all lines. */
  readonly total: string;
  /** Non-penalty charges minus non-penalty credits: the base of fines and interest. */
  readonly principal: string;
  /** Payments dated on or before the date. */
  readonly paid: string;
  /** What is still owed (0 for cancelled and transferred invoices). */
  readonly balance: string;
  /** Overpayment kept as the customer's credit (never lost). */
  readonly credit: string;
  readonly status: InvoiceStatus;
}

/** Internal: paid, balance and credit of a parsed invoice as decimals, with the status they give. */
export function balanceCore(
  p: ParsedInvoice,
  asOf: LocalDate | undefined,
): { readonly paid: Dec; readonly balance: Dec; readonly credit: Dec; readonly status: InvoiceStatus } {
  const inv = p.invoice;
  const paid = paidUpTo(p.payments, asOf);
  const inactive = inv.status === 'cancelled' || inv.status === 'transferred';
  const diff = paid.isZero() ? p.total : p.total.minus(paid);
  const balance = inactive || diff.isNegative() ? ZERO : diff;
  const credit = inactive || !diff.isNegative() ? ZERO : diff.negated();
  let status: InvoiceStatus = inv.status;
  if (!inactive) status = balance.isZero() ? 'paid' : paid.isZero() ? 'open' : 'partially-paid';
  return { paid, balance, credit, status };
}

/** Internal: the summary of a parsed invoice. */
export function summaryCore(p: ParsedInvoice, asOf: LocalDate | undefined): InvoiceSummary {
  const { paid, balance, credit, status } = balanceCore(p, asOf);
  return {
    invoiceId: p.invoice.id,
    total: formatDec(p.total, p.currency),
    principal: formatDec(p.principal, p.currency),
    paid: formatDec(paid, p.currency),
    balance: formatDec(balance, p.currency),
    credit: formatDec(credit, p.currency),
    status,
  };
}

/**
 * Total, paid, balance, credit and status of an invoice, counting the payments made on or before `asOf`
 * (all payments when omitted). Late charges not yet on the invoice are not included: see `amountDueOn`.
 */
export function invoiceSummary(invoice: Invoice, asOf?: LocalDate): Result<InvoiceSummary, BillingError> {
  const p = readInvoice(invoice);
  if (p.isErr()) return err(p.error);
  const d = optional<LocalDate | undefined>(asOf, undefined, (x) => readDate(x, 'asOf'));
  if (d.isErr()) return err(d.error);
  return ok(summaryCore(p.value, d.value));
}
