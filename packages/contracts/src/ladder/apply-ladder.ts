import { err, ok, type Result } from 'neverthrow';
import type { CancellationRecord, Contract, ContractStatus, HistoryEntry } from '../contract/types';
import { type ContractsError, invalidInput } from '../errors';
import { deepFreeze } from '../internal/read';
import { canTransition } from '../lifecycle/transition-contract';
import type { LadderEvaluation } from './evaluate-ladder';

export interface LadderStep {
  readonly from: ContractStatus;
  readonly to: ContractStatus;
}

export interface AppliedLadder {
  readonly contract: Contract;
  /** Status changes in order; a cancellation that was due with the suspension comes right after it. */
  readonly steps: readonly LadderStep[];
}

/**
 * Applies a ladder evaluation to its contract: moves it to the target status through legal transitions
 * (suspending first when cancellation is due) and appends each to the history. A cancellation by the
 * ladder keeps the IP and leaves the service suspended on the router. Nothing to do → the same contract.
 */
export function applyLadder(
  contract: Contract,
  evaluation: LadderEvaluation,
): Result<AppliedLadder, ContractsError> {
  if (evaluation.contractId !== contract.id || evaluation.current !== contract.status) {
    return err(invalidInput('evaluation', 'the evaluation belongs to another contract or an older status'));
  }
  const from = contract.status;
  const to = evaluation.target;
  if (from === to) return ok({ contract, steps: [] });
  const path: ContractStatus[] =
    to === 'cancelled' && from !== 'suspended' ? ['suspended', 'cancelled'] : [to];
  const steps: LadderStep[] = [];
  const entries: HistoryEntry[] = [];
  let status = from;
  for (const next of path) {
    if (!canTransition(status, next))
      return err(invalidInput('evaluation.target', `cannot go from ${status} to ${next}`));
    steps.push({ from: status, to: next });
    entries.push({
      date: evaluation.date,
      event: 'status-changed',
      from: status,
      to: next,
      reason: next === 'active' ? `restored: ${evaluation.reason}` : evaluation.reason,
      ...(evaluation.oldestOverdueInvoiceId === undefined
        ? {}
        : { refs: [evaluation.oldestOverdueInvoiceId] }),
    });
    status = next;
  }
  const cancellation: CancellationRecord | undefined =
    to === 'cancelled'
      ? {
          date: evaluation.date,
          reason: evaluation.reason,
          network: 'keep-ip-and-suspend',
          accessBefore: 'suspended',
        }
      : undefined;
  return ok({
    contract: deepFreeze({
      ...contract,
      status: to,
      ...(cancellation === undefined ? {} : { cancellation }),
      history: [...contract.history, ...entries],
    }),
    steps,
  });
}
