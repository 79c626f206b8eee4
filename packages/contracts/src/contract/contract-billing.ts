import type { ContractBilling, ExtraLine, Period, RecurringLine } from '@isp/billing';
import type { Contract } from './types';

const cache = new WeakMap<Contract, ContractBilling>();

/** Periods of total suspension `[suspended on, restored on)` read from the history (credited by billing). */
export function suspensionPeriods(contract: Contract): readonly Period[] {
  const out: Period[] = [];
  let start: string | undefined;
  for (const h of contract.history) {
    if (h.event !== 'status-changed') continue;
    if (h.to === 'suspended' && start === undefined) start = h.date;
    else if (h.from === 'suspended' && h.to !== 'cancelled' && start !== undefined) {
      if (h.date > start) out.push({ start, end: h.date });
      start = undefined;
    }
  }
  return out;
}

/**
 * The contract as `@isp/billing` needs it to generate invoices: recurring lines from the internet, e-mail and
 * virtual-disk items (discount items as recurring discounts), installments, suspensions from the history, and
 * the fine / interest / early-payment terms. One-off items are added by `extrasFor(contract, month)`.
 * Cached per (immutable) contract.
 */
export function contractBillingOf(contract: Contract): ContractBilling {
  const hit = cache.get(contract);
  if (hit !== undefined) return hit;
  const s = contract.invoiceSettings;
  const recurring: RecurringLine[] = [];
  for (const item of contract.items) {
    if (item.kind === 'one-off') continue;
    recurring.push({
      id: item.id,
      description: item.description,
      amount: item.amount,
      kind: item.kind === 'discount' ? 'discount' : 'service',
    });
  }
  const billing: ContractBilling = {
    contractId: contract.id,
    currency: s.currency,
    issueMode: s.exempt ? 'exempt' : s.issue,
    cycle: { closingDay: s.closingDay, dueDay: s.dueDay, periodReference: s.periodReference },
    startDate: contract.startDate,
    firstInvoice: s.firstInvoice === 'none' ? 'skip' : s.firstInvoice,
    recurring,
    installmentPlans: contract.installments.map((i) => ({
      id: `${contract.id}:${i.id}`,
      description: i.description,
      total: i.total,
      count: i.count,
      startMonth: i.startMonth,
    })),
    suspensions: suspensionPeriods(contract),
    terms: {
      fine: { kind: 'percent', percent: s.finePercent },
      interest: { monthlyPercent: s.interestPercentPerMonth },
      ...(s.earlyPaymentDiscount === undefined
        ? {}
        : { earlyPaymentDiscount: { kind: 'fixed' as const, amount: s.earlyPaymentDiscount } }),
    },
  };
  cache.set(contract, billing);
  return billing;
}

/** One-off items billed on the invoice of `month` (`YYYY-MM`). */
export function extrasFor(contract: Contract, month: string): readonly ExtraLine[] {
  const out: ExtraLine[] = [];
  for (const item of contract.items) {
    if (item.kind === 'one-off' && item.billOn === month) {
      out.push({ id: item.id, description: item.description, amount: item.amount, kind: 'item' });
    }
  }
  return out;
}
