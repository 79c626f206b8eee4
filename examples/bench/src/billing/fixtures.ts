/**
 * Seeded contracts for the daily run: due days 1–31 (closing 10 days before), eight plans, 10 % activated
 * mid-cycle this month (prorated first invoice), 15 % late by 1–30 days, 5 % very late (31–90 days).
 */
import { generateInvoice, type Invoice } from '@isp/billing';
import {
  type Contract,
  contractBillingOf,
  type OverdueLadder,
  type Plan,
  type PlanCatalog,
} from '@isp/contracts';
import { randomInt, seededRandom } from '../shared/random.js';

export const RUN_DATE = '2026-03-20';
const MBIT = 1_000_000;

export const PLANS: PlanCatalog = new Map(
  [
    [10, '79.90'],
    [20, '89.90'],
    [50, '99.90'],
    [100, '119.90'],
    [200, '149.90'],
    [300, '179.90'],
    [500, '229.90'],
    [1000, '299.90'],
  ].map(([down, price]) => {
    const d = Number(down);
    const plan: Plan = {
      id: `p${d}`,
      name: `${d} Mbit`,
      rate: { uploadBps: (d / 2) * MBIT, downloadBps: d * MBIT },
      throttledRate: { uploadBps: (d / 8) * MBIT, downloadBps: (d / 4) * MBIT },
      price: String(price),
    };
    return [plan.id, plan] as const;
  }),
);

/** Notice after 1 day, throttle after 5, suspend after 15 (not on Sundays), cancel after 60. */
export const LADDER: OverdueLadder = Object.freeze({
  noticeAfterDays: 1,
  throttleAfterDays: 5,
  suspendAfterDays: 15,
  suspendExceptWeekdays: Object.freeze(['sunday'] as const) as OverdueLadder['suspendExceptWeekdays'],
  suspendExceptHolidays: false,
  cancelAfterDays: 60,
  cancelAnchor: 'due-date',
});

const ADDRESS = Object.freeze({
  street: 'Rua das Flores',
  number: '100',
  district: 'Centro',
  city: 'Campinas',
  state: 'SP',
  postalCode: '13010-000',
  country: 'BR',
});

export type Lateness = 'on-time' | 'late' | 'very-late';

export interface GeneratedContract {
  readonly contract: Contract;
  readonly invoices: readonly Invoice[];
  readonly lateness: Lateness;
  /** Pays its open invoice on the run date. */
  readonly paysToday: boolean;
  readonly midCycle: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Shifts a `YYYY-MM` by whole months. */
function monthOffset(yearMonth: string, offset: number): string {
  const y = Number(yearMonth.slice(0, 4));
  const m = Number(yearMonth.slice(5, 7)) - 1 + offset;
  const year = y + Math.floor(m / 12);
  return `${year}-${pad((((m % 12) + 12) % 12) + 1)}`;
}

function epochDay(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

const SETTINGS_CACHE = new Map<string, Contract['invoiceSettings']>();

function settings(dueDay: number): Contract['invoiceSettings'] {
  const key = String(dueDay);
  const hit = SETTINGS_CACHE.get(key);
  if (hit !== undefined) return hit;
  const closingDay = ((dueDay + 20) % 31) + 1;
  const value: Contract['invoiceSettings'] = Object.freeze({
    exempt: false,
    issue: 'automatic',
    closingDay,
    dueDay,
    periodReference: 'due-date',
    currency: 'BRL',
    finePercent: '2',
    interestPercentPerMonth: '1',
    firstInvoice: 'prorated',
    ladder: LADDER,
  });
  SETTINGS_CACHE.set(key, value);
  return value;
}

/** The i-th contract (deterministic from the seed and the index). */
export function generateContract(index: number, seed: number): GeneratedContract {
  const random = seededRandom(seed * 1_000_003 + index);
  const planIds = [...PLANS.keys()];
  const planId = planIds[index % planIds.length] as string;
  const plan = PLANS.get(planId) as Plan;
  const dueDay = randomInt(random, 1, 31);
  const roll = random();
  const lateness: Lateness = roll < 0.05 ? 'very-late' : roll < 0.2 ? 'late' : 'on-time';
  const midCycle = lateness === 'on-time' && random() < 0.1 / 0.8;
  const startDate = midCycle ? `2026-03-${pad(randomInt(random, 1, 19))}` : '2025-06-01';
  const id = `c${String(index).padStart(7, '0')}`;
  const contract: Contract = {
    id,
    customerId: `k${String(index).padStart(7, '0')}`,
    layoutId: 'standard',
    installationAddress: ADDRESS,
    startDate,
    status: 'active',
    items: [
      {
        kind: 'internet',
        id: `${id}-i1`,
        description: plan.name,
        amount: plan.price,
        planId,
        account: {
          id: `${id}-a1`,
          routerId: `r${index % 40}`,
          method: 'pcq-address-list',
          ipv4: `10.${64 + ((index >> 16) & 63)}.${(index >> 8) & 255}.${index & 255 || 1}`,
        },
      },
    ],
    installments: [],
    invoiceSettings: settings(dueDay),
    equipment: [],
    paymentPromises: [],
    notices: [],
    history: [],
  };
  const invoices: Invoice[] = [];
  let paysToday = false;
  if (lateness !== 'on-time') {
    // An unpaid invoice whose due date is the wanted number of days ago.
    const wanted = lateness === 'late' ? randomInt(random, 1, 30) : randomInt(random, 31, 90);
    const billing = contractBillingOf(contract);
    for (let back = 0; back <= 4; back++) {
      const generated = generateInvoice(billing, monthOffset(RUN_DATE.slice(0, 7), -back));
      if (generated.isErr() || generated.value.kind !== 'invoice') continue;
      const late = daysBetween(generated.value.invoice.dueDate, RUN_DATE);
      if (late >= 1 && (late >= wanted || back === 4)) {
        invoices.push(generated.value.invoice);
        break;
      }
    }
    paysToday = invoices.length > 0 && random() < 0.2;
  }
  return { contract, invoices, lateness: invoices.length > 0 ? lateness : 'on-time', paysToday, midCycle };
}
