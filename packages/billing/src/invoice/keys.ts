import type { LocalDate } from '../dates/local-date';

/** Idempotency key of a contract's invoice for the period starting on `periodStart`. */
export function invoiceKey(contractId: string, periodStart: LocalDate): string {
  return `invoice:${contractId}:${periodStart}`;
}

/** Idempotency key of installment part `index` of a plan. */
export function installmentKey(planId: string, index: number): string {
  return `installment:${planId}:${index}`;
}

/** Idempotency key of a payment registered on an invoice by an external reference (bank id, Pix txid). */
export function paymentKey(invoiceId: string, reference: string): string {
  return `payment:${invoiceId}:${reference}`;
}
