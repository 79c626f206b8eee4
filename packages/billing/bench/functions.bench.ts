// Micro-benchmark: µs per call of the functions the daily run calls most (registerPayment, applyLateCharges,
// lateCharges, generateInvoice, invoiceSummary), on invoices shaped like the daily run's.
// Run: pnpm --filter @isp/billing exec tsx bench/functions.bench.ts [rounds]
import { performance } from 'node:perf_hooks';
import {
  applyLateCharges,
  type ContractBilling,
  generateInvoice,
  type Invoice,
  invoiceSummary,
  lateCharges,
  registerPayment,
} from '../src/index';

const ROUNDS = Number(process.argv[2] ?? 5);
const N = 20_000;
const HOLIDAYS = new Set(['2026-01-01', '2026-02-16', '2026-02-17', '2026-04-03', '2026-04-21']);
const options = {
  isNonBusinessDay: (d: string): boolean => {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 || HOLIDAYS.has(d);
  },
};

const PRICES = ['79.90', '89.90', '99.90', '119.90', '149.90', '179.90', '229.90', '299.90'];

function contract(i: number): ContractBilling {
  const dueDay = (i % 28) + 1;
  return {
    contractId: `c${String(i).padStart(7, '0')}`,
    currency: 'BRL',
    cycle: { closingDay: ((dueDay + 20) % 28) + 1, dueDay },
    startDate: i % 10 === 0 ? `2026-02-${String((i % 19) + 1).padStart(2, '0')}` : '2025-06-01',
    firstInvoice: 'prorated',
    recurring: [{ id: `c${i}-i1`, description: 'Internet', amount: PRICES[i % PRICES.length] as string }],
    terms: {
      fine: { kind: 'percent', percent: '2' },
      interest: { monthlyPercent: '1' },
      lateFrom: 'effective-due-date',
    },
  };
}

const contracts = Array.from({ length: N }, (_, i) => contract(i));
const invoices: Invoice[] = [];
for (const c of contracts) {
  const g = generateInvoice(c, '2026-02');
  if (g.isOk() && g.value.kind === 'invoice') invoices.push(g.value.invoice);
}
// Yesterday's late charges already on the overdue invoices (as in a system that runs daily).
const charged: Invoice[] = invoices.map((inv) => {
  const r = applyLateCharges(inv, '2026-03-19', options);
  return r.isOk() ? r.value : inv;
});

function time(name: string, count: number, body: () => number): void {
  const results: number[] = [];
  let check = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    check += body();
    results.push(((performance.now() - t0) * 1000) / count);
  }
  results.sort((a, b) => a - b);
  const median = results[Math.floor(results.length / 2)] as number;
  process.stdout.write(
    `${name.padEnd(34)} ${median.toFixed(2).padStart(8)} µs/call (min ${(results[0] as number).toFixed(2)}, ${count} calls/round, check ${check})\n`,
  );
}

time('registerPayment (late, full)', charged.length, () => {
  let ok = 0;
  for (const inv of charged) {
    const r = registerPayment(inv, { id: `pay-${inv.id}`, date: '2026-03-20', amount: '400.00' }, options);
    if (r.isOk() && r.value.registered) ok++;
  }
  return ok;
});
time('registerPayment (late, partial)', charged.length, () => {
  let ok = 0;
  for (const inv of charged) {
    const r = registerPayment(inv, { id: `pay-${inv.id}`, date: '2026-03-20', amount: '10.00' }, options);
    if (r.isOk() && r.value.registered) ok++;
  }
  return ok;
});
time('applyLateCharges (next day)', charged.length, () => {
  let changed = 0;
  for (const inv of charged) {
    const r = applyLateCharges(inv, '2026-03-20', options);
    if (r.isOk() && r.value !== inv) changed++;
  }
  return changed;
});
time('applyLateCharges (same day)', charged.length, () => {
  let same = 0;
  for (const inv of charged) {
    const r = applyLateCharges(inv, '2026-03-19', options);
    if (r.isOk() && r.value === inv) same++;
  }
  return same;
});
time('lateCharges', charged.length, () => {
  let n = 0;
  for (const inv of charged) {
    const r = lateCharges(inv, '2026-03-20', options);
    if (r.isOk() && r.value.daysLate > 0) n++;
  }
  return n;
});
time('generateInvoice', contracts.length, () => {
  let n = 0;
  for (const c of contracts) {
    const r = generateInvoice(c, '2026-03');
    if (r.isOk() && r.value.kind === 'invoice') n++;
  }
  return n;
});
time('invoiceSummary', charged.length, () => {
  let n = 0;
  for (const inv of charged) {
    const r = invoiceSummary(inv);
    if (r.isOk() && r.value.status === 'open') n++;
  }
  return n;
});
