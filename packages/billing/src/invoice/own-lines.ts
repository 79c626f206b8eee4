import { type Dec, ZERO } from '../money/decimal';
import { cachedDec } from '../validation/read';
import type { Invoice, InvoiceLine } from './types';

export const fineLineId = (invoiceId: string): string => `${invoiceId}:fine`;
export const interestLineId = (invoiceId: string): string => `${invoiceId}:interest`;
export const discountLineId = (invoiceId: string): string => `${invoiceId}:early-payment-discount`;

/** Internal: a line this invoice computed itself (not moved in by a merge). */
export function ownLine(invoice: Invoice, id: string): InvoiceLine | undefined {
  for (const line of invoice.lines) if (line.id === id && line.movedFrom === undefined) return line;
  return undefined;
}

export function ownAmount(invoice: Invoice, id: string): Dec {
  const line = ownLine(invoice, id);
  return line === undefined ? ZERO : cachedDec(line.amount);
}
