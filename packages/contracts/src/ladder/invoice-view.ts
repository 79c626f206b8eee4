/**
 * What the ladder reads from an invoice. `@isp/billing`'s `Invoice` satisfies it; so does any object with
 * these fields. `open` and `partially-paid` invoices are unpaid.
 */
export interface LadderInvoice {
  readonly id: string;
  readonly contractId: string;
  /** `YYYY-MM-DD`. */
  readonly dueDate: string;
  readonly status: 'open' | 'partially-paid' | 'paid' | 'cancelled' | 'transferred';
  readonly terms?: { readonly lateFrom?: 'effective-due-date' | 'original-due-date' };
}

export const isUnpaid = (invoice: LadderInvoice): boolean =>
  invoice.status === 'open' || invoice.status === 'partially-paid';
