/**
 * The daily run through the library: payments of the day (registerPayment), late charges on overdue invoices
 * (applyLateCharges), the forecast (planRun: invoices on closing days, notices, ladder decisions, router plan)
 * and its application (applyRun, over an in-memory network and a recording notifier). The caller's "store"
 * is two in-memory maps, as a user's database would be.
 */
import { applyLateCharges, type Invoice, type Payment, registerPayment } from '@isp/billing';
import { applyRun, type Contract, type HolidayCalendar, planRun } from '@isp/contracts';
import {
  createFixedHolidayCalendar,
  createInMemoryAccessNetwork,
  createRecordingNotifier,
} from '@isp/contracts/testing';
import { PLANS } from './fixtures.js';

export interface Store {
  contracts: Contract[];
  readonly index: Map<string, number>;
  readonly invoices: Map<string, Invoice[]>;
}

export interface DayCounts {
  paymentsRegistered: number;
  lateChargesChanged: number;
  invoices: number;
  notices: number;
  throttles: number;
  suspensions: number;
  cancellations: number;
  restorations: number;
  failures: number;
}

export interface DayTimings {
  paymentsMs: number;
  lateChargesMs: number;
  planMs: number;
  applyMs: number;
  totalMs: number;
}

export const CALENDAR: HolidayCalendar = createFixedHolidayCalendar([
  '2026-01-01',
  '2026-02-16',
  '2026-02-17',
  '2026-04-03',
  '2026-04-21',
]);
const NONE: readonly Invoice[] = Object.freeze([]);
const ROUTERS = Array.from({ length: 40 }, (_, i) => ({
  routerId: `r${i}`,
  customerNetworks: ['10.64.0.0/10'],
}));

function isOpen(invoice: Invoice): boolean {
  return invoice.status === 'open' || invoice.status === 'partially-paid';
}

export async function runDay(
  store: Store,
  date: string,
  /** The day's payments: contract id → the invoice paid and the payment. */
  payments: ReadonlyMap<string, { readonly invoiceId: string; readonly payment: Payment }>,
): Promise<{ counts: DayCounts; timings: DayTimings }> {
  const counts: DayCounts = {
    paymentsRegistered: 0,
    lateChargesChanged: 0,
    invoices: 0,
    notices: 0,
    throttles: 0,
    suspensions: 0,
    cancellations: 0,
    restorations: 0,
    failures: 0,
  };
  // Due dates on weekends and holidays move to the next business day (the same rule the ladder uses).
  const options = {
    isNonBusinessDay: (d: string): boolean => {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      return weekday === 0 || weekday === 6 || CALENDAR.isHoliday(d);
    },
  };
  const t0 = performance.now();
  for (const [contractId, { invoiceId, payment }] of payments) {
    const list = store.invoices.get(contractId);
    const target = list?.find((i) => i.id === invoiceId);
    if (list === undefined || target === undefined) continue;
    const result = registerPayment(target, payment, options);
    if (result.isErr()) {
      counts.failures++;
      continue;
    }
    if (result.value.registered) {
      counts.paymentsRegistered++;
      list[list.indexOf(target)] = result.value.invoice;
    }
  }
  const t1 = performance.now();
  for (const list of store.invoices.values()) {
    for (let i = 0; i < list.length; i++) {
      const invoice = list[i] as Invoice;
      if (!isOpen(invoice) || invoice.dueDate >= date) continue;
      const charged = applyLateCharges(invoice, date, options);
      if (charged.isErr()) {
        counts.failures++;
        continue;
      }
      if (sameLines(invoice, charged.value)) continue;
      counts.lateChargesChanged++;
      list[i] = charged.value;
    }
  }
  const t2 = performance.now();
  const planned = planRun({
    date,
    contracts: store.contracts,
    invoicesOf: (id) => store.invoices.get(id) ?? NONE,
    plans: PLANS,
    calendar: CALENDAR,
  });
  if (planned.isErr()) throw new Error(`planRun failed: ${planned.error.message}`);
  const plan = planned.value;
  const t3 = performance.now();
  counts.invoices = plan.invoicesToIssue.length;
  counts.notices = plan.notices.length;
  counts.throttles = plan.throttles.length;
  counts.suspensions = plan.suspensions.length;
  counts.cancellations = plan.cancellations.length;
  counts.restorations = plan.restorations.length;
  counts.failures += plan.failures.length;
  const network = createInMemoryAccessNetwork({ routers: ROUTERS });
  const applied = await applyRun(plan, { network, notifier: createRecordingNotifier() });
  if (applied.isErr()) throw new Error('applyRun failed');
  for (const contract of applied.value.contracts) {
    const at = store.index.get(contract.id);
    if (at !== undefined) store.contracts[at] = contract;
  }
  for (const invoice of applied.value.invoices) {
    const list = store.invoices.get(invoice.contractId);
    if (list === undefined) store.invoices.set(invoice.contractId, [invoice]);
    else list.push(invoice);
  }
  counts.failures += applied.value.outcomes.filter((o) => !o.ok).length;
  const t4 = performance.now();
  return {
    counts,
    timings: {
      paymentsMs: t1 - t0,
      lateChargesMs: t2 - t1,
      planMs: t3 - t2,
      applyMs: t4 - t3,
      totalMs: t4 - t0,
    },
  };
}

function sameLines(a: Invoice, b: Invoice): boolean {
  if (a.lines.length !== b.lines.length) return false;
  for (let i = 0; i < a.lines.length; i++) {
    const x = a.lines[i];
    const y = b.lines[i];
    if (x?.id !== y?.id || x?.amount !== y?.amount) return false;
  }
  return true;
}
