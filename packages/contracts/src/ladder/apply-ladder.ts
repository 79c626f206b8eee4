import type { Invoice } from '@isp/billing';
import type { ReleaseRuleTable, TakenIps } from '@isp/ip-policy';
import { err, type Result } from 'neverthrow';
import type { IpChange } from '../cancellation/cancel-core';
import type { CancellationNetwork, Contract, ContractStatus } from '../contract/types';
import { type ContractsError, invalidInput, invoiceMismatch } from '../errors';
import { applyLadderCore, readLadderCancellation, takenPredicate } from './apply-ladder-core';
import type { LadderEvaluation } from './evaluate-ladder';

export interface LadderStep {
  readonly from: ContractStatus;
  readonly to: ContractStatus;
}

/**
 * What the ladder's automatic cancellation does, with the same meaning as `cancelContract`'s options:
 * `network` — `keep-ip-and-suspend` (default: the IP stays, the service stays suspended on the router),
 * `release-ip` (the IP is remapped by the release rule and the accounts leave the router, W5/W6) or `none`
 * (the router keeps what it had: the suspension, since the ladder suspends before cancelling);
 * `cancelPendingInvoices` (default false) — also cancel every pending invoice (W4).
 */
export interface LadderCancellation {
  readonly network?: CancellationNetwork;
  readonly cancelPendingInvoices?: boolean;
  /** The release policy for `release-ip`; ip-policy's WispHub table by default. */
  readonly releaseRules?: ReleaseRuleTable;
}

export interface ApplyLadderOptions {
  /** What a cancellation by the ladder does (keep the IP and suspend, by default). */
  readonly cancellation?: LadderCancellation;
  /** IPs held by other services; required when the cancellation releases the IP. */
  readonly taken?: TakenIps;
  /** The contract's invoices; required when the cancellation cancels pending invoices. */
  readonly invoices?: readonly Invoice[];
}

export interface AppliedLadder {
  readonly contract: Contract;
  /** Status changes in order; a cancellation that was due with the suspension comes right after it. */
  readonly steps: readonly LadderStep[];
  /** IPs released by the cancellation (`release-ip`). */
  readonly ipChanges: readonly IpChange[];
  /** The contract's invoices after a cancellation that cancels pending invoices (absent otherwise). */
  readonly invoices?: readonly Invoice[];
  readonly cancelledInvoiceIds: readonly string[];
}

/**
 * Applies a ladder evaluation to its contract: moves it to the target status through legal transitions
 * (suspending first when cancellation is due) and appends each to the history. A cancellation by the ladder
 * takes the same path as `cancelContract`, with `options.cancellation`: by default it keeps the IP and leaves
 * the service suspended on the router; `release-ip` remaps the IP against `options.taken` and removes the
 * accounts from the router; `cancelPendingInvoices` cancels the pending invoices of `options.invoices`.
 * Nothing to do → the same contract. New objects are frozen; the parts shared with `contract` are not copied.
 */
export function applyLadder(
  contract: Contract,
  evaluation: LadderEvaluation,
  options: ApplyLadderOptions = {},
): Result<AppliedLadder, ContractsError> {
  if (evaluation?.contractId !== contract?.id || evaluation.current !== contract.status) {
    return err(invalidInput('evaluation', 'the evaluation belongs to another contract or an older status'));
  }
  const cancellation = readLadderCancellation(options?.cancellation, 'cancellation');
  if (cancellation.isErr()) return err(cancellation.error);
  const cancelling = evaluation.target === 'cancelled' && contract.status !== 'cancelled';
  let taken: ((ip: string) => boolean) | undefined;
  if (cancelling && cancellation.value.network === 'release-ip') {
    taken = takenPredicate(options.taken);
    if (taken === undefined)
      return err(invalidInput('taken', 'release-ip needs the set of taken IPs (a Set or a predicate)'));
  }
  const invoices = options.invoices;
  if (cancelling && cancellation.value.cancelPendingInvoices) {
    if (!Array.isArray(invoices))
      return err(invalidInput('invoices', 'cancelPendingInvoices needs the contract invoices'));
    const foreign = invoices.findIndex((i) => i?.contractId !== contract.id);
    if (foreign >= 0)
      return err(
        invoiceMismatch(`invoices[${foreign}].contractId`, 'the invoice belongs to another contract'),
      );
  }
  return applyLadderCore(contract, evaluation, cancellation.value, taken, invoices);
}
