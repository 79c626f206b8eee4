/** One billing run in its own process (so heap figures are its own): generate, warm up, measure, rerun. */
import { appendFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { Invoice, Payment } from '@isp/billing';
import { MIB, PeakSampler } from '../shared/memory.js';
import { runDay, type Store } from './daily-run.js';
import { type GeneratedContract, generateContract, RUN_DATE } from './fixtures.js';
import { lowerBoundDay, lowerBoundInput } from './lower-bound.js';
import type { BillingLaneSpec } from './plan.js';
import type { BillingRecord } from './report.js';

const gc = (globalThis as { gc?: () => void }).gc;

function collect(): void {
  gc?.();
  gc?.();
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as BillingLaneSpec & { out: string };
  const n = spec.size;
  const genStart = performance.now();
  const store: Store = { contracts: new Array(n), index: new Map(), invoices: new Map() };
  const payments = new Map<string, { invoiceId: string; payment: Payment }>();
  const sample: GeneratedContract[] = [];
  let midCycle = 0;
  let late = 0;
  let veryLate = 0;
  const lowerBoundSource: GeneratedContract[] = [];
  for (let i = 0; i < n; i++) {
    const g = generateContract(i, 42);
    store.contracts[i] = g.contract;
    store.index.set(g.contract.id, i);
    if (g.invoices.length > 0) store.invoices.set(g.contract.id, [...g.invoices]);
    if (g.midCycle) midCycle++;
    if (g.lateness === 'late') late++;
    if (g.lateness === 'very-late') veryLate++;
    const open = g.invoices[0];
    if (g.paysToday && open !== undefined) {
      payments.set(g.contract.id, {
        invoiceId: open.id,
        payment: { id: `pay-${g.contract.id}-${RUN_DATE}`, date: RUN_DATE, amount: '400.00' },
      });
    }
    lowerBoundSource.push(g);
    if (i < 3) sample.push(g);
  }
  const generationMs = performance.now() - genStart;
  const lower = lowerBoundInput(lowerBoundSource);
  lowerBoundSource.length = 0;

  // Yesterday's run, untimed: the ladder state and notices are those of a system that ran every day.
  const warm = await runDay(store, '2026-03-19', new Map());
  lowerBoundDay(lower, 19, true);

  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const sampler = new PeakSampler();
  sampler.start(5);
  const cpuStart = process.cpuUsage();
  const day = await runDay(store, RUN_DATE, payments);
  const cpu = process.cpuUsage(cpuStart);
  const memory = sampler.stop();
  const heapStats = getHeapStatistics();

  // Same day again: nothing new may happen.
  const again = await runDay(store, RUN_DATE, payments);

  const lbStart = performance.now();
  const lb = lowerBoundDay(lower, 20, true);
  const lbMs = performance.now() - lbStart;
  const lbAgain = lowerBoundDay(lower, 20, true);

  const problems: string[] = [];
  const rerunActions =
    again.counts.invoices +
    again.counts.notices +
    again.counts.throttles +
    again.counts.suspensions +
    again.counts.cancellations +
    again.counts.restorations +
    again.counts.paymentsRegistered +
    again.counts.lateChargesChanged;
  if (rerunActions > 0) problems.push(`rerun of the same day did something: ${JSON.stringify(again.counts)}`);
  if (day.counts.failures > 0 || again.counts.failures > 0 || warm.counts.failures > 0)
    problems.push(`${day.counts.failures + again.counts.failures + warm.counts.failures} contracts failed`);
  if (day.counts.invoices === 0) problems.push('no invoice was issued on the run date');
  const lbRerun =
    lbAgain.invoices +
    lbAgain.notices +
    lbAgain.throttles +
    lbAgain.suspensions +
    lbAgain.cancellations +
    lbAgain.payments;
  if (lbRerun > 0) problems.push('lower bound rerun was not empty');

  let openInvoices = 0;
  for (const list of store.invoices.values())
    openInvoices += list.filter((i: Invoice) => i.status === 'open').length;

  const record: BillingRecord = {
    suite: 'billing',
    size: n,
    generationMs,
    fixture: { midCycle, late, veryLate, paysToday: payments.size, openInvoicesAfter: openInvoices },
    counts: day.counts,
    timings: day.timings,
    contractsPerSecond: n / (day.timings.totalMs / 1000),
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapBeforeMiB: heapBefore / MIB,
    peakHeapMiB: memory.peakHeapBytes / MIB,
    peakRssMiB: memory.peakRssBytes / MIB,
    heapLimitMiB: heapStats.heap_size_limit / MIB,
    rerun: again.counts,
    rerunMs: again.timings.totalMs,
    lowerBound: { ms: lbMs, contractsPerSecond: n / (lbMs / 1000), counts: lb },
    ok: problems.length === 0,
    problems,
  };
  appendFileSync(spec.out, `${JSON.stringify(record)}\n`);
  process.stderr.write(
    `  billing n=${n}: ${(day.timings.totalMs / 1000).toFixed(2)} s, ${Math.round(record.contractsPerSecond).toLocaleString('en-US')} contracts/s, ` +
      `peak heap ${record.peakHeapMiB.toFixed(0)} MiB${record.ok ? '' : ` FAILED: ${problems.join('; ')}`}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `billing lane failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
