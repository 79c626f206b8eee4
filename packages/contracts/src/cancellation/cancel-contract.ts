import type { Invoice } from '@isp/billing';
import type { ReleaseRuleTable, TakenIps } from '@isp/ip-policy';
import { err, ok, type Result } from 'neverthrow';
import type { CancellationNetwork, Contract, LoanedEquipment } from '../contract/types';
import { accessStateOf, desiredAccessOf } from '../desired-state/desired-access';
import { type ContractsError, contractAlreadyCancelled, invalidInput, invoiceMismatch } from '../errors';
import { type LocalDate, readLocalDate } from '../internal/local-date';
import { deepFreeze, readEnum, readString } from '../internal/read';
import type { PlanCatalog } from '../plans/plan';
import type { AccessState, DesiredAccess } from '../ports/access-network';
import { cancelCore, type IpChange } from './cancel-core';

export interface CancelOptions {
  readonly date: LocalDate;
  readonly reason: string;
  /** W4: also cancel every pending invoice. Default false (the debt stays collectable, W3). */
  readonly cancelPendingInvoices?: boolean;
  /**
   * W3/W5/W7: `none` (default) leaves the router as it was; `release-ip` remaps the IP (W6) and removes the
   * accounts from the router; `keep-ip-and-suspend` keeps the IP and suspends the service.
   */
  readonly network?: CancellationNetwork;
  /** IPs assigned to other services; required for `release-ip`. */
  readonly taken?: TakenIps;
  /** The release policy; ip-policy's WispHub table by default. */
  readonly releaseRules?: ReleaseRuleTable;
  readonly plans: PlanCatalog;
}

export type { IpChange } from './cancel-core';

export type CancellationWarning = {
  readonly type: 'EquipmentNotReturned';
  readonly equipmentIds: readonly string[];
  readonly message: string;
};

/** Everything a cancellation changes, as values. Persist them; nothing was written anywhere. */
export interface CancellationResult {
  readonly contract: Contract;
  /** The contract's invoices, pending ones cancelled when asked. */
  readonly invoices: readonly Invoice[];
  readonly cancelledInvoiceIds: readonly string[];
  readonly ipChanges: readonly IpChange[];
  /** What the router must hold now for the contract's accounts. */
  readonly desired: readonly DesiredAccess[];
  readonly warnings: readonly CancellationWarning[];
}

const NETWORKS: readonly CancellationNetwork[] = ['none', 'release-ip', 'keep-ip-and-suspend'];

/** Equipment still out (not returned). */
export const equipmentOut = (contract: Contract): readonly LoanedEquipment[] =>
  contract.equipment.filter((e) => e.returnedOn === undefined);

/**
 * Cancels one contract (W2–W8). Nothing is deleted (W1): the status becomes `cancelled`, the history grows,
 * and, on request, pending invoices are cancelled (W4) and the IP is released by the remap rule against the
 * caller's taken set (W5, W6 — a `ManualIpRequired` error instead of a duplicate) or kept with the service
 * suspended (W7). Warns, without blocking, when loaned equipment is still out (W8).
 */
export function cancelContract(
  contract: Contract,
  invoices: readonly Invoice[],
  options: CancelOptions,
): Result<CancellationResult, ContractsError> {
  if (typeof contract !== 'object' || contract === null || typeof contract.id !== 'string') {
    return err(invalidInput('contract', 'contract must be a contract'));
  }
  const date = readLocalDate(options?.date, 'date');
  if (date.isErr()) return err(date.error);
  const reason = readString(options.reason, 'reason', { max: 500 });
  if (reason.isErr()) return err(reason.error);
  const network =
    options.network === undefined ? ok('none' as const) : readEnum(options.network, 'network', NETWORKS);
  if (network.isErr()) return err(network.error);
  if (contract.status === 'cancelled')
    return err(contractAlreadyCancelled('status', `contract ${contract.id} is already cancelled`));
  if (!Array.isArray(invoices)) return err(invalidInput('invoices', 'invoices must be an array'));
  const foreign = invoices.findIndex((i) => i?.contractId !== contract.id);
  if (foreign >= 0)
    return err(invoiceMismatch(`invoices[${foreign}].contractId`, 'the invoice belongs to another contract'));

  let taken: ((ip: string) => boolean) | undefined;
  if (network.value === 'release-ip') {
    const callerTaken = options.taken;
    if (callerTaken === undefined) return err(invalidInput('taken', 'release-ip needs the set of taken IPs'));
    if (typeof callerTaken !== 'function' && typeof callerTaken?.has !== 'function')
      return err(invalidInput('taken', 'taken must be a Set of IPs or a predicate'));
    taken = typeof callerTaken === 'function' ? callerTaken : (ip) => callerTaken.has(ip);
  }
  const core = cancelCore(contract, invoices, {
    date: date.value,
    reason: reason.value,
    network: network.value,
    cancelPendingInvoices: options.cancelPendingInvoices === true,
    ...(taken === undefined ? {} : { taken }),
    ...(options.releaseRules === undefined ? {} : { releaseRules: options.releaseRules }),
    from: contract.status,
    accessBefore: accessStateOf(contract) as Exclude<AccessState, 'absent'>,
    before: [],
  });
  if (core.isErr()) return err(core.error);
  const { ipChanges, cancelledInvoiceIds } = core.value;
  const next = core.value.contract;
  for (const part of Object.values(next)) deepFreeze(part);
  const nextInvoices = core.value.invoices;
  const desired = desiredAccessOf(next, options.plans);
  if (desired.isErr()) return err(desired.error);
  const out = equipmentOut(contract);
  const warnings: CancellationWarning[] =
    out.length === 0
      ? []
      : [
          {
            type: 'EquipmentNotReturned',
            equipmentIds: out.map((e) => e.id),
            message: `loaned equipment still with the customer: ${out.map((e) => e.description).join(', ')}`,
          },
        ];
  return ok({
    contract: next,
    invoices: nextInvoices,
    cancelledInvoiceIds,
    ipChanges,
    desired: desired.value,
    warnings,
  });
}
