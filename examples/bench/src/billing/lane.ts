/**
 * One billing run in its own process (so heap figures are its own): generate, warm up, measure, rerun.
 * `daily-run` holds every contract and invoice in memory before the run; `sharded` generates and runs the
 * contracts shard by shard (the shape of a daily job reading its store in pages) and drops each shard.
 */
import { appendFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { Invoice, Payment } from '@isp/billing';
import { MIB } from '../shared/memory.js';
import { type DayCounts, type DayTimings, runDay, type Store } from './daily-run.js';
import { generateContract, RUN_DATE } from './fixtures.js';
import { HeapPeak } from './heap-peak.js';
import {
  createLowerBoundInput,
  type LowerBoundInput,
  lowerBoundDay,
  setLowerBoundContract,
} from './lower-bound.js';
import type { BillingLaneSpec } from './plan.js';
import type { BillingRecord } from './report.js';

const gc = (globalThis as { gc?: () => void }).gc;
const WARM_DATE = '2026-03-19';

function collect(): void {
  gc?.();
  gc?.();
}

interface Fixture {
  midCycle: number;
  late: number;
  veryLate: number;
  paysToday: number;
}

type Payments = Map<string, { invoiceId: string; payment: Payment }>;

/** Contracts [from, to) as the caller's store, with the day's payments; fills the lower bound's arrays. */
function generateShard(
  from: number,
  to: number,
  fixture: Fixture,
  lower: LowerBoundInput,
): { store: Store; payments: Payments } {
  const store: Store = { contracts: new Array(to - from), index: new Map(), invoices: new Map() };
  const payments: Payments = new Map();
  for (let i = from; i < to; i++) {
    const g = generateContract(i, 42);
    store.contracts[i - from] = g.contract;
    store.index.set(g.contract.id, i - from);
    if (g.invoices.length > 0) store.invoices.set(g.contract.id, [...g.invoices]);
    if (g.midCycle) fixture.midCycle++;
    if (g.lateness === 'late') fixture.late++;
    if (g.lateness === 'very-late') fixture.veryLate++;
    const open = g.invoices[0];
    if (g.paysToday && open !== undefined) {
      fixture.paysToday++;
      payments.set(g.contract.id, {
        invoiceId: open.id,
        payment: { id: `pay-${g.contract.id}-${RUN_DATE}`, date: RUN_DATE, amount: '400.00' },
      });
    }
    setLowerBoundContract(lower, i, g);
  }
  return { store, payments };
}

const emptyCounts = (): DayCounts => ({
  paymentsRegistered: 0,
  lateChargesChanged: 0,
  invoices: 0,
  notices: 0,
  throttles: 0,
  suspensions: 0,
  cancellations: 0,
  restorations: 0,
  failures: 0,
});

function addCounts(into: DayCounts, c: DayCounts): void {
  for (const key of Object.keys(into) as (keyof DayCounts)[]) into[key] += c[key];
}

function addTimings(into: DayTimings, t: DayTimings): void {
  for (const key of Object.keys(into) as (keyof DayTimings)[]) into[key] += t[key];
}

function openInvoicesOf(store: Store): number {
  let open = 0;
  for (const list of store.invoices.values()) open += list.filter((i: Invoice) => i.status === 'open').length;
  return open;
}

interface Measured {
  generationMs: number;
  warm: DayCounts;
  day: { counts: DayCounts; timings: DayTimings };
  again: { counts: DayCounts; timings: DayTimings };
  cpuMs: number;
  heapBeforeBytes: number;
  memory: { peakHeapBytes: number; peakRssBytes: number; collections: number };
  openInvoicesAfter: number;
  shards: number;
}

/** Everything in memory first (as the earlier figures were measured); the peak covers the run only. */
async function allInMemory(n: number, fixture: Fixture, lower: LowerBoundInput): Promise<Measured> {
  const genStart = performance.now();
  const { store, payments } = generateShard(0, n, fixture, lower);
  const generationMs = performance.now() - genStart;
  // Yesterday's run, untimed: the ladder state and notices are those of a system that ran every day.
  const warm = await runDay(store, WARM_DATE, new Map());
  collect();
  const heapBeforeBytes = process.memoryUsage().heapUsed;
  const peak = new HeapPeak();
  peak.start(5);
  const cpuStart = process.cpuUsage();
  const day = await runDay(store, RUN_DATE, payments);
  const cpu = process.cpuUsage(cpuStart);
  const memory = peak.stop();
  // Same day again: nothing new may happen.
  const again = await runDay(store, RUN_DATE, payments);
  return {
    generationMs,
    warm: warm.counts,
    day,
    again,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapBeforeBytes,
    memory,
    openInvoicesAfter: openInvoicesOf(store),
    shards: 1,
  };
}

/**
 * Shard by shard: read (generate) the shard, run yesterday (untimed), run the day (timed), rerun it, drop
 * the shard. The peak covers the whole job, reading included; the run time is the sum of the timed days.
 */
async function sharded(
  n: number,
  shardSize: number,
  fixture: Fixture,
  lower: LowerBoundInput,
): Promise<Measured> {
  const warm = emptyCounts();
  const day = {
    counts: emptyCounts(),
    timings: { paymentsMs: 0, lateChargesMs: 0, planMs: 0, applyMs: 0, totalMs: 0 },
  };
  const again = {
    counts: emptyCounts(),
    timings: { paymentsMs: 0, lateChargesMs: 0, planMs: 0, applyMs: 0, totalMs: 0 },
  };
  let generationMs = 0;
  let cpuMs = 0;
  let openInvoicesAfter = 0;
  let shards = 0;
  collect();
  const heapBeforeBytes = process.memoryUsage().heapUsed;
  const peak = new HeapPeak();
  peak.start(5);
  for (let from = 0; from < n; from += shardSize) {
    const to = Math.min(n, from + shardSize);
    const genStart = performance.now();
    const { store, payments } = generateShard(from, to, fixture, lower);
    generationMs += performance.now() - genStart;
    peak.sample();
    addCounts(warm, (await runDay(store, WARM_DATE, new Map())).counts);
    peak.sample();
    const cpuStart = process.cpuUsage();
    const measured = await runDay(store, RUN_DATE, payments);
    const cpu = process.cpuUsage(cpuStart);
    cpuMs += (cpu.user + cpu.system) / 1000;
    addCounts(day.counts, measured.counts);
    addTimings(day.timings, measured.timings);
    peak.sample();
    const rerun = await runDay(store, RUN_DATE, payments);
    addCounts(again.counts, rerun.counts);
    addTimings(again.timings, rerun.timings);
    openInvoicesAfter += openInvoicesOf(store);
    shards++;
    peak.sample();
  }
  const memory = peak.stop();
  return { generationMs, warm, day, again, cpuMs, heapBeforeBytes, memory, openInvoicesAfter, shards };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as BillingLaneSpec & { out: string };
  const n = spec.size;
  const fixture: Fixture = { midCycle: 0, late: 0, veryLate: 0, paysToday: 0 };
  const lower = createLowerBoundInput(n);
  const m =
    spec.variant === 'sharded'
      ? await sharded(n, spec.shardSize ?? 50_000, fixture, lower)
      : await allInMemory(n, fixture, lower);
  const heapStats = getHeapStatistics();

  lowerBoundDay(lower, 19, true);
  const lbStart = performance.now();
  const lb = lowerBoundDay(lower, 20, true);
  const lbMs = performance.now() - lbStart;
  const lbAgain = lowerBoundDay(lower, 20, true);

  const problems: string[] = [];
  const rerunActions =
    m.again.counts.invoices +
    m.again.counts.notices +
    m.again.counts.throttles +
    m.again.counts.suspensions +
    m.again.counts.cancellations +
    m.again.counts.restorations +
    m.again.counts.paymentsRegistered +
    m.again.counts.lateChargesChanged;
  if (rerunActions > 0)
    problems.push(`rerun of the same day did something: ${JSON.stringify(m.again.counts)}`);
  const failures = m.day.counts.failures + m.again.counts.failures + m.warm.failures;
  if (failures > 0) problems.push(`${failures} contracts failed`);
  if (m.day.counts.invoices === 0) problems.push('no invoice was issued on the run date');
  const lbRerun =
    lbAgain.invoices +
    lbAgain.notices +
    lbAgain.throttles +
    lbAgain.suspensions +
    lbAgain.cancellations +
    lbAgain.payments;
  if (lbRerun > 0) problems.push('lower bound rerun was not empty');

  const record: BillingRecord = {
    suite: 'billing',
    variant: spec.variant,
    size: n,
    ...(spec.variant === 'sharded' ? { shardSize: spec.shardSize ?? 50_000, shards: m.shards } : {}),
    generationMs: m.generationMs,
    fixture: { ...fixture, openInvoicesAfter: m.openInvoicesAfter },
    counts: m.day.counts,
    timings: m.day.timings,
    contractsPerSecond: n / (m.day.timings.totalMs / 1000),
    cpuMs: m.cpuMs,
    heapBeforeMiB: m.heapBeforeBytes / MIB,
    peakHeapMiB: m.memory.peakHeapBytes / MIB,
    peakRssMiB: m.memory.peakRssBytes / MIB,
    heapLimitMiB: heapStats.heap_size_limit / MIB,
    collections: m.memory.collections,
    rerun: m.again.counts,
    rerunMs: m.again.timings.totalMs,
    lowerBound: { ms: lbMs, contractsPerSecond: n / (lbMs / 1000), counts: lb },
    ok: problems.length === 0,
    problems,
  };
  appendFileSync(spec.out, `${JSON.stringify(record)}\n`);
  process.stderr.write(
    `  billing ${spec.variant} n=${n}: ${(m.day.timings.totalMs / 1000).toFixed(2)} s, ${Math.round(record.contractsPerSecond).toLocaleString('en-US')} contracts/s, ` +
      `peak heap ${record.peakHeapMiB.toFixed(0)} MiB${record.ok ? '' : ` FAILED: ${problems.join('; ')}`}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `billing lane failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
