import { err, ok, type Result } from 'neverthrow';
import type { LocalDate } from '../dates/local-date';
import type { BillingError } from '../errors';
import { readArray, readDate } from '../validation/read';
import { readInvoice } from './read-invoice';
import type { Invoice } from './types';

export interface CancelResult {
  /** All invoices in the order given, the pending ones now cancelled. */
  readonly invoices: readonly Invoice[];
  /** Ids of the invoices cancelled by this call. */
  readonly cancelled: readonly string[];
}

/**
 * Cancels every pending (open or partially paid) invoice of a contract (W4); paid, cancelled and
 * transferred invoices are returned unchanged. Cancelled invoices owe nothing; their payments stay recorded.
 */
export function cancelOpenInvoices(
  invoices: readonly Invoice[],
  date: LocalDate,
): Result<CancelResult, BillingError> {
  const list = readArray(invoices, 'invoices');
  if (list.isErr()) return err(list.error);
  const d = readDate(date, 'date');
  if (d.isErr()) return err(d.error);
  const out: Invoice[] = [];
  const cancelled: string[] = [];
  for (let i = 0; i < list.value.length; i++) {
    const p = readInvoice(list.value[i], `invoices[${i}]`);
    if (p.isErr()) return err(p.error);
    const inv = p.value.invoice;
    if (inv.status === 'open' || inv.status === 'partially-paid') {
      out.push({ ...inv, status: 'cancelled', cancelledOn: d.value });
      cancelled.push(inv.id);
    } else {
      out.push(inv);
    }
  }
  return ok({ invoices: out, cancelled });
}
