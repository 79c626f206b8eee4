import type { AccessNetworkError, SyncReport } from '@isp/contracts';
import type { RunCounters, RunTimings } from '../apply/counters.js';

/** The port's report plus the figures of the run (for benchmarks and logs). */
export interface RouterSyncReport extends SyncReport {
  readonly mode: 'sync' | 'reconcile' | 'infrastructure';
  readonly counters: RunCounters;
  readonly timings: RunTimings;
}

/** One router's result in `reconcileMany`. */
export type RouterRunResult =
  | { readonly routerId: string; readonly ok: true; readonly report: RouterSyncReport }
  | { readonly routerId: string; readonly ok: false; readonly error: AccessNetworkError };
