import type { Invoice } from '@isp/billing';
import type { ReleaseRuleTable } from '@isp/ip-policy';
import { err, ok, type Result } from 'neverthrow';
import { type CancelCoreOptions, cancelCore } from '../cancellation/cancel-core';
import type { CancellationNetwork, Contract, ContractStatus, HistoryEntry } from '../contract/types';
import { type ContractsError, invalidInput } from '../errors';
import { nextContract } from '../internal/next-contract';
import { canTransition } from '../lifecycle/transition-contract';
import type { AppliedLadder, LadderStep } from './apply-ladder';
import type { LadderEvaluation } from './evaluate-ladder';

// Internal: the ladder's transitions on checked options (planRun's path; applyLadder checks its options and
// calls it). Not part of the public API.

const NETWORKS: readonly CancellationNetwork[] = ['none', 'release-ip', 'keep-ip-and-suspend'];
const NONE: readonly never[] = Object.freeze([]);

/** The checked cancellation policy of a ladder run (internal: planRun checks it once per run). */
export interface CheckedLadderCancellation {
  readonly network: CancellationNetwork;
  readonly cancelPendingInvoices: boolean;
  readonly releaseRules?: ReleaseRuleTable;
}

export const DEFAULT_LADDER_CANCELLATION: CheckedLadderCancellation = Object.freeze({
  network: 'keep-ip-and-suspend',
  cancelPendingInvoices: false,
});

/** Internal: validates a `LadderCancellation` (untyped input gives a typed error). */
export function readLadderCancellation(
  value: unknown,
  field: string,
): Result<CheckedLadderCancellation, ContractsError> {
  if (value === undefined) return ok(DEFAULT_LADDER_CANCELLATION);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return err(invalidInput(field, `${field} must be an object`));
  const c = value as Record<string, unknown>;
  const network = c['network'] ?? 'keep-ip-and-suspend';
  if (typeof network !== 'string' || !(NETWORKS as readonly string[]).includes(network))
    return err(invalidInput(`${field}.network`, `${field}.network must be one of ${NETWORKS.join(', ')}`));
  const cancelPending = c['cancelPendingInvoices'] ?? false;
  if (typeof cancelPending !== 'boolean')
    return err(
      invalidInput(`${field}.cancelPendingInvoices`, `${field}.cancelPendingInvoices must be a boolean`),
    );
  return ok({
    network: network as CancellationNetwork,
    cancelPendingInvoices: cancelPending,
    ...(c['releaseRules'] === undefined ? {} : { releaseRules: c['releaseRules'] as ReleaseRuleTable }),
  });
}

/** Internal: a `TakenIps` as a predicate (`undefined` when it is neither a Set-like nor a function). */
export function takenPredicate(taken: unknown): ((ip: string) => boolean) | undefined {
  if (typeof taken === 'function') return taken as (ip: string) => boolean;
  if (typeof (taken as { has?: unknown } | null | undefined)?.has === 'function') {
    const set = taken as ReadonlySet<string>;
    return (ip) => set.has(ip);
  }
  return undefined;
}

/** Internal: applyLadder on checked options (planRun's path). */
export function applyLadderCore(
  contract: Contract,
  evaluation: LadderEvaluation,
  cancellation: CheckedLadderCancellation,
  taken: ((ip: string) => boolean) | undefined,
  invoices: readonly Invoice[] | undefined,
): Result<AppliedLadder, ContractsError> {
  const from = contract.status;
  const to = evaluation.target;
  if (from === to) return ok({ contract, steps: NONE, ipChanges: NONE, cancelledInvoiceIds: NONE });
  const path: readonly ContractStatus[] =
    to === 'cancelled' && from !== 'suspended' ? ['suspended', 'cancelled'] : [to];
  const refs =
    evaluation.oldestOverdueInvoiceId === undefined
      ? undefined
      : Object.freeze([evaluation.oldestOverdueInvoiceId]);
  const steps: LadderStep[] = [];
  const entries: HistoryEntry[] = [];
  let status = from;
  for (const next of path) {
    if (!canTransition(status, next))
      return err(invalidInput('evaluation.target', `cannot go from ${status} to ${next}`));
    steps.push(Object.freeze({ from: status, to: next }));
    if (next !== 'cancelled') {
      const entry: { -readonly [K in keyof HistoryEntry]: HistoryEntry[K] } = {
        date: evaluation.date,
        event: 'status-changed',
        from: status,
        to: next,
        reason: next === 'active' ? `restored: ${evaluation.reason}` : evaluation.reason,
      };
      if (refs !== undefined) entry.refs = refs;
      entries.push(Object.freeze(entry));
    }
    status = next;
  }
  if (to === 'cancelled') {
    // The same path as cancelContract, from the suspension the ladder just applied (or found).
    const core: { -readonly [K in keyof CancelCoreOptions]: CancelCoreOptions[K] } = {
      date: evaluation.date,
      reason: evaluation.reason,
      network: cancellation.network,
      cancelPendingInvoices: cancellation.cancelPendingInvoices,
      from: 'suspended',
      accessBefore: 'suspended',
      before: entries,
    };
    if (taken !== undefined) core.taken = taken;
    if (cancellation.releaseRules !== undefined) core.releaseRules = cancellation.releaseRules;
    if (refs !== undefined) core.refs = refs;
    const cancelled = cancelCore(contract, invoices ?? NONE, core);
    if (cancelled.isErr()) return err(cancelled.error);
    const c = cancelled.value;
    const applied: { -readonly [K in keyof AppliedLadder]: AppliedLadder[K] } = {
      contract: c.contract,
      steps: Object.freeze(steps),
      ipChanges: c.ipChanges,
      cancelledInvoiceIds: c.cancelledInvoiceIds,
    };
    if (cancellation.cancelPendingInvoices) applied.invoices = c.invoices;
    return ok(applied);
  }
  return ok({
    contract: nextContract(contract, {
      status: to,
      history: Object.freeze(contract.history.concat(entries)),
    }),
    steps: Object.freeze(steps),
    ipChanges: NONE,
    cancelledInvoiceIds: NONE,
  });
}
