import type { TargetStatement } from '../router/report.js';
import { fixed, markdownTable, seconds, thousands } from '../shared/table.js';
import type { DayCounts, DayTimings } from './daily-run.js';
import type { LowerBoundCounts } from './lower-bound.js';

export interface BillingRecord {
  readonly suite: 'billing';
  /** Absent in records written before shards were measured: those held everything in memory. */
  readonly variant?: 'daily-run' | 'sharded';
  readonly size: number;
  readonly shardSize?: number;
  readonly shards?: number;
  readonly generationMs: number;
  readonly fixture: {
    midCycle: number;
    late: number;
    veryLate: number;
    paysToday: number;
    openInvoicesAfter: number;
  };
  readonly counts: DayCounts;
  readonly timings: DayTimings;
  readonly contractsPerSecond: number;
  readonly cpuMs: number;
  readonly heapBeforeMiB: number;
  readonly peakHeapMiB: number;
  readonly peakRssMiB: number;
  readonly heapLimitMiB: number;
  /** Garbage collections seen by the heap probe. */
  readonly collections?: number;
  readonly rerun: DayCounts;
  readonly rerunMs: number;
  readonly lowerBound: { ms: number; contractsPerSecond: number; counts: LowerBoundCounts };
  readonly ok: boolean;
  readonly problems: readonly string[];
}

const INPUT_NOTE =
  '**Input.** "all in memory": every contract and its open invoices are generated into the process before the ' +
  'run (the day before is run first, untimed), and the peak heap covers the measured day only. "shards of N": the ' +
  'contracts are generated — read from the store, in a real system — N at a time; each shard runs the day before ' +
  '(untimed), the measured day (timed) and the rerun, then is dropped; the run time is the sum of the timed days ' +
  'and the peak heap covers the whole job, reading included. Ladder decisions and invoices depend only on each ' +
  "contract's own data, so both give the same counts. The peak heap is the larger of a 5 ms sampler and V8's GC " +
  'profiler, which reports the heap in use just before every collection (minor ones included), so synchronous ' +
  'stretches of the run, which a timer never interrupts, are covered.';

/** How the run got its contracts. */
function inputOf(r: BillingRecord): string {
  return r.variant === 'sharded'
    ? `shards of ${thousands(r.shardSize ?? 0)}${r.shards === undefined ? '' : ` (${thousands(r.shards)})`}`
    : 'all in memory';
}

export function billingReport(records: readonly BillingRecord[]): {
  markdown: string;
  targets: TargetStatement[];
  gateFailures: string[];
  summaryRows: string[][];
} {
  const table = markdownTable(
    [
      'contracts',
      'input',
      'run (s)',
      'contracts/s',
      'payments / late charges / plan / apply (s)',
      'peak heap (MiB)',
      'heap before run (MiB)',
      'peak RSS (MiB)',
      'lower bound (s)',
      'lower bound contracts/s',
      'rerun: new invoices + actions',
      'ok',
    ],
    records.map((r) => [
      thousands(r.size),
      inputOf(r),
      seconds(r.timings.totalMs),
      thousands(r.contractsPerSecond),
      [r.timings.paymentsMs, r.timings.lateChargesMs, r.timings.planMs, r.timings.applyMs]
        .map((ms) => seconds(ms))
        .join(' / '),
      fixed(r.peakHeapMiB, 0),
      fixed(r.heapBeforeMiB, 0),
      fixed(r.peakRssMiB, 0),
      seconds(r.lowerBound.ms),
      thousands(r.lowerBound.contractsPerSecond),
      String(
        r.rerun.invoices +
          r.rerun.notices +
          r.rerun.throttles +
          r.rerun.suspensions +
          r.rerun.cancellations +
          r.rerun.restorations +
          r.rerun.paymentsRegistered +
          r.rerun.lateChargesChanged,
      ),
      r.ok ? 'yes' : `**NO**: ${r.problems.join('; ')}`,
    ]),
  );
  const counts = markdownTable(
    [
      'contracts',
      'input',
      'invoices',
      'payments',
      'late charges',
      'notices',
      'throttles',
      'suspensions',
      'cancellations',
      'restorations',
      'lower bound: invoices / payments / notices / throttles / suspensions / cancellations',
    ],
    records.map((r) => [
      thousands(r.size),
      inputOf(r),
      thousands(r.counts.invoices),
      thousands(r.counts.paymentsRegistered),
      thousands(r.counts.lateChargesChanged),
      thousands(r.counts.notices),
      thousands(r.counts.throttles),
      thousands(r.counts.suspensions),
      thousands(r.counts.cancellations),
      thousands(r.counts.restorations),
      [
        r.lowerBound.counts.invoices,
        r.lowerBound.counts.payments,
        r.lowerBound.counts.notices,
        r.lowerBound.counts.throttles,
        r.lowerBound.counts.suspensions,
        r.lowerBound.counts.cancellations,
      ]
        .map(thousands)
        .join(' / '),
    ]),
  );
  const fixtures = records
    .map(
      (r) =>
        `- ${thousands(r.size)} contracts, ${inputOf(r)} (generated in ${seconds(r.generationMs)} s): ${thousands(r.fixture.midCycle)} activated mid-cycle, ` +
        `${thousands(r.fixture.late)} late 1–30 days, ${thousands(r.fixture.veryLate)} late 31–90 days, ${thousands(r.fixture.paysToday)} pay on the run date; ` +
        `CPU ${seconds(r.cpuMs)} s for a ${seconds(r.timings.totalMs)} s run; heap limit ${fixed(r.heapLimitMiB, 0)} MiB` +
        `${r.collections === undefined ? '' : `; ${thousands(r.collections)} garbage collections seen by the heap probe`}.`,
    )
    .join('\n');
  const targets: TargetStatement[] = [];
  const biggest = [...records].sort((a, b) => b.size - a.size)[0];
  if (biggest !== undefined) {
    const slowest = Math.min(...records.map((r) => r.contractsPerSecond));
    targets.push({
      target: '≥ 200,000 contracts/s on one core (daily run)',
      met: slowest >= 200_000,
      detail:
        records
          .map(
            (r) =>
              `${thousands(r.size)} (${inputOf(r)}): ${thousands(r.contractsPerSecond)} contracts/s — payments ${seconds(r.timings.paymentsMs)} s ` +
              `(${thousands(r.counts.paymentsRegistered)} payments), late charges ${seconds(r.timings.lateChargesMs)} s ` +
              `(${thousands(r.counts.lateChargesChanged)} invoices), planRun ${seconds(r.timings.planMs)} s ` +
              `(${thousands(r.size / (r.timings.planMs / 1000))} contracts/s on its own), applyRun ${seconds(r.timings.applyMs)} s`,
          )
          .join('; ') +
        `. The integer-cents lower bound does the same arithmetic at ${records.map((r) => thousands(r.lowerBound.contractsPerSecond)).join(' / ')} contracts/s: ` +
        'the gap is decimal.js arithmetic, input validation at every public call and per-contract objects (the library works on ' +
        'plain immutable objects and decimal strings by design).',
    });
    const million = records.filter((r) => r.size >= 1_000_000);
    const streamed = million.find((r) => r.variant === 'sharded');
    const held = million.find((r) => r.variant !== 'sharded');
    const judged = streamed ?? held;
    if (judged !== undefined) {
      const heldText =
        held === undefined
          ? ''
          : `With every contract and invoice held in memory before the run (not how a daily job over a large base runs), ` +
            `the peak is ${fixed(held.peakHeapMiB, 0)} MiB during the run, of which ${fixed(held.heapBeforeMiB, 0)} MiB is the input ` +
            `itself and ${fixed(held.peakHeapMiB - held.heapBeforeMiB, 0)} MiB the run's working set and garbage (peak RSS ${fixed(held.peakRssMiB, 0)} MiB).`;
      targets.push({
        target: '1,000,000 contracts within 1.5 GB of heap',
        met: judged.peakHeapMiB <= 1536,
        detail:
          streamed !== undefined
            ? `${inputOf(streamed)}: peak heap ${fixed(streamed.peakHeapMiB, 0)} MiB over the whole job (reading the shards included; ` +
              `${fixed(streamed.heapBeforeMiB, 0)} MiB before it), peak RSS ${fixed(streamed.peakRssMiB, 0)} MiB. ${heldText}`
            : `peak heap ${fixed(judged.peakHeapMiB, 0)} MiB during the run. ${heldText}`,
      });
    }
    targets.push({
      target: 'Re-running the same day yields zero new invoices and actions',
      met: records.every((r) => r.ok),
      detail: records.every((r) => r.ok)
        ? 'asserted for every size: 0 invoices, 0 notices, 0 transitions, 0 payments registered twice, 0 late-charge changes.'
        : 'FAILED — see the table.',
    });
  }
  return {
    markdown: `${table}\n\n${counts}\n\n${fixtures}\n\n${perOperation(records)}\n\n${INPUT_NOTE}`,
    targets,
    gateFailures: records.filter((r) => !r.ok).map((r) => `billing n=${r.size}: ${r.problems.join('; ')}`),
    summaryRows: records.map((r) => [
      'billing',
      `n=${r.size}${r.variant === 'sharded' ? ` shards of ${r.shardSize}` : ''}`,
      'daily run',
      'library',
      `${seconds(r.timings.totalMs)} s`,
      `${thousands(r.contractsPerSecond)}/s`,
      `heap ${fixed(r.peakHeapMiB, 0)} MiB`,
      r.ok ? 'ok' : 'FAIL',
    ]),
  };
}

/** Cost per library call, per size: shows where the time goes and whether it grows with the heap. */
function perOperation(records: readonly BillingRecord[]): string {
  const micro = (ms: number, count: number): string =>
    count === 0 ? '–' : `${fixed((ms * 1000) / count, 1)} µs`;
  return markdownTable(
    [
      'contracts',
      'input',
      'registerPayment (each)',
      'applyLateCharges (each)',
      'planRun (per contract)',
      'applyRun (per planned contract)',
    ],
    records.map((r) => {
      const planned =
        r.counts.invoices +
        r.counts.notices +
        r.counts.throttles +
        r.counts.suspensions +
        r.counts.cancellations +
        r.counts.restorations;
      return [
        thousands(r.size),
        inputOf(r),
        micro(r.timings.paymentsMs, r.counts.paymentsRegistered),
        micro(r.timings.lateChargesMs, r.counts.lateChargesChanged),
        micro(r.timings.planMs, r.size),
        micro(r.timings.applyMs, planned),
      ];
    }),
  );
}
