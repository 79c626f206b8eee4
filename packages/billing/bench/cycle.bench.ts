// Benchmark: a cycle's invoice plus late charges for 100,000 generated contracts (seeded).
// Run: pnpm --filter @isp/billing exec tsx bench/cycle.bench.ts [count]
import { performance } from 'node:perf_hooks';
import {
  type ContractBilling,
  type CurrencyCode,
  daysLate,
  generateInvoice,
  type Invoice,
  isClosingDate,
  lateCharges,
} from '../src/index';

const COUNT = Number(process.argv[2] ?? 100_000);
const MONTH = '2026-06';

/** mulberry32: small deterministic PRNG so every run bills the same contracts. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEEKEND_OR_HOLIDAY = new Set(['2026-06-04', '2026-09-07', '2026-10-12', '2026-11-02', '2026-11-20']);
const isNonBusinessDay = (date: string): boolean => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6 || WEEKEND_OR_HOLIDAY.has(date);
};

function makeContracts(n: number): ContractBilling[] {
  const rand = prng(20260601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const prices = ['59.90', '79.90', '99.90', '119.90', '149.90', '199.90'];
  const currencies: CurrencyCode[] = ['BRL', 'BRL', 'BRL', 'MXN', 'COP'];
  const out: ContractBilling[] = [];
  for (let i = 0; i < n; i++) {
    const started =
      rand() < 0.05 ? `2026-05-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : '2024-01-15';
    out.push({
      contractId: `c-${i}`,
      currency: pick(currencies),
      cycle: {
        closingDay: 1 + Math.floor(rand() * 28),
        dueDay: pick([5, 10, 15, 20, 25, 30, 31]),
        periodReference: pick(['due-date', 'issue-date'] as const),
      },
      startDate: started,
      recurring: [{ id: 'plan', description: 'Internet', amount: pick(prices) }],
      ...(rand() < 0.1
        ? {
            installmentPlans: [
              { id: 'router', description: 'Router', total: '60.00', count: 3, startMonth: '2026-05' },
            ],
          }
        : {}),
      ...(rand() < 0.05 ? { suspensions: [{ start: '2026-05-20', end: '2026-06-03' }] } : {}),
      terms: {
        fine: { kind: 'percent', percent: '2' },
        interest: { monthlyPercent: '1' },
        ...(rand() < 0.3 ? { earlyPaymentDiscount: { kind: 'fixed' as const, amount: '5.00' } } : {}),
      },
    });
  }
  return out;
}

let peakHeap = 0;
const sampleHeap = (): void => {
  const used = process.memoryUsage().heapUsed;
  if (used > peakHeap) peakHeap = used;
};

const contracts = makeContracts(COUNT);
sampleHeap();

// 1. Closing day: generate the cycle's invoice, then its late charges 17 days after the due date.
let invoices = 0;
let charged = 0;
const generated: Invoice[] = [];
const t0 = performance.now();
for (let i = 0; i < contracts.length; i++) {
  const g = generateInvoice(contracts[i]!, MONTH);
  if (g.isErr()) throw new Error(`${g.error.type}: ${g.error.message}`);
  if (g.value.kind !== 'invoice') continue;
  invoices++;
  const inv = g.value.invoice;
  const late = lateCharges(inv, shiftDays(inv.dueDate, 17), { isNonBusinessDay });
  if (late.isErr()) throw new Error(late.error.message);
  if (late.value.total !== '0.00') charged++;
  if (i % 2000 === 0) sampleHeap();
  if (i < 2000) generated.push(inv);
}
const t1 = performance.now();
sampleHeap();

// 2. An ordinary day: not the closing day and nothing late — the cheap path of a daily run:
// isClosingDate, then daysLate of the open invoice (no money maths unless it is late).
const day = '2026-06-02';
let cheap = 0;
const t2 = performance.now();
for (let i = 0; i < contracts.length; i++) {
  const c = contracts[i]!;
  const closing = isClosingDate(c.cycle, day);
  if (closing.isErr()) throw new Error(closing.error.message);
  if (closing.value) continue;
  const open = generated[i % generated.length]!;
  const late = daysLate({ dueDate: open.dueDate, date: day, isNonBusinessDay });
  if (late.isOk() && late.value === 0) cheap++;
}
const t3 = performance.now();
sampleHeap();

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const perSecond = (n: number, ms: number): string => Math.round((n * 1000) / ms).toLocaleString('en-US');
console.log(
  `@isp/billing cycle benchmark — Node ${process.version}, ${COUNT.toLocaleString('en-US')} contracts, month ${MONTH}`,
);
console.log(
  `closing day (invoice + late charges): ${(t1 - t0).toFixed(0)} ms, ${perSecond(COUNT, t1 - t0)} contracts/s ` +
    `(${invoices.toLocaleString('en-US')} invoices, ${charged.toLocaleString('en-US')} with late charges)`,
);
console.log(
  `ordinary day (closing-day check + nothing late): ${(t3 - t2).toFixed(0)} ms, ${perSecond(COUNT, t3 - t2)} contracts/s (${cheap.toLocaleString('en-US')} evaluated)`,
);
console.log(`peak heap used: ${(peakHeap / 1024 / 1024).toFixed(1)} MiB`);
