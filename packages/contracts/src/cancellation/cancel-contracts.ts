import type { Invoice } from '@isp/billing';
import type { TakenIps } from '@isp/ip-policy';
import type { Contract } from '../contract/types';
import { type ContractsError, invalidInput } from '../errors';
import { type CancellationResult, type CancelOptions, cancelContract } from './cancel-contract';

export interface CancellationTarget {
  readonly contract: Contract;
  readonly invoices: readonly Invoice[];
}

export type BulkCancellationOutcome =
  | { readonly contractId: string; readonly outcome: 'cancelled'; readonly result: CancellationResult }
  | { readonly contractId: string; readonly outcome: 'failed'; readonly error: ContractsError };

/**
 * Cancels a group of contracts with the same options (W2). Each contract gets exactly one outcome, in input
 * order; one failure neither stops nor undoes the others. Released IPs are added to the taken set as the run
 * goes, so two contracts never get the same release IP.
 */
export function cancelContracts(
  targets: readonly CancellationTarget[],
  options: CancelOptions,
): readonly BulkCancellationOutcome[] {
  if (!Array.isArray(targets)) return [];
  const added = new Set<string>();
  const callerTaken: TakenIps | undefined = options?.taken;
  const taken =
    callerTaken === undefined
      ? undefined
      : (ip: string): boolean =>
          added.has(ip) || (typeof callerTaken === 'function' ? callerTaken(ip) : callerTaken.has(ip));
  const out: BulkCancellationOutcome[] = [];
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    const contractId = typeof t?.contract?.id === 'string' ? t.contract.id : `#${i}`;
    if (typeof t !== 'object' || t === null || typeof t.contract !== 'object' || t.contract === null) {
      out.push({
        contractId,
        outcome: 'failed',
        error: invalidInput(`targets[${i}]`, 'each target needs a contract and its invoices'),
      });
      continue;
    }
    let r: ReturnType<typeof cancelContract>;
    try {
      r = cancelContract(t.contract, t.invoices, { ...options, ...(taken === undefined ? {} : { taken }) });
    } catch (e) {
      const message = e instanceof Error ? e.message : 'unexpected failure';
      out.push({
        contractId,
        outcome: 'failed',
        error: invalidInput(`targets[${i}]`, `cancellation failed: ${message}`),
      });
      continue;
    }
    if (r.isErr()) {
      out.push({ contractId, outcome: 'failed', error: r.error });
      continue;
    }
    for (const change of r.value.ipChanges) added.add(change.to);
    out.push({ contractId, outcome: 'cancelled', result: r.value });
  }
  return out;
}
