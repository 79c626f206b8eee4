import {
  type Invoice,
  mergeInvoices,
  type NonBusinessDay,
  type Payment,
  registerPayment,
} from '@isp/billing';
import { type AddressListInput, createIpAllocator, type TakenIps } from '@isp/ip-policy';
import { err, ok, type Result } from 'neverthrow';
import type { IpChange } from '../cancellation/cancel-contract';
import type { Contract, ContractItem, HistoryEntry } from '../contract/types';
import { desiredAccessOf } from '../desired-state/desired-access';
import {
  billingFailed,
  type ContractsError,
  contractNotCancelled,
  fromIpPolicy,
  invalidInput,
  invoiceMismatch,
  pendingInvoicesRemain,
} from '../errors';
import { type LocalDate, readLocalDate } from '../internal/local-date';
import { deepFreeze, readString } from '../internal/read';
import type { PlanCatalog } from '../plans/plan';
import type { DesiredAccess } from '../ports/access-network';

/** How the pending invoices are settled (W9). */
export type Settlement =
  /** Register these payments; every pending invoice must end paid. */
  | {
      readonly kind: 'payment';
      readonly payments: readonly { readonly invoiceId: string; readonly payment: Payment }[];
    }
  /**
   * Merge every pending invoice into `nextInvoice` (the next month's invoice), which keeps its due date. Each
   * source's fine and interest as of the reactivation date are put on it first and move with its lines, as
   * penalty lines: the merged total is the sum of what was owed that day, and later late charges on the
   * target never count them.
   */
  | { readonly kind: 'merge'; readonly nextInvoice: Invoice };

export interface ReactivateOptions {
  readonly date: LocalDate;
  readonly reason?: string;
  /** Required when the contract has pending invoices. */
  readonly settle?: Settlement;
  /** Pools to take a free IP from when the previous one is taken (the LAN range). */
  readonly pools: AddressListInput;
  readonly exclusions?: AddressListInput;
  /** IPs assigned to other services (not this contract's own). */
  readonly taken: TakenIps;
  readonly plans: PlanCatalog;
  /** Non-business days, for the late charges billing adds to a payment or to the merged invoices. */
  readonly isNonBusinessDay?: NonBusinessDay;
}

export interface ReactivationResult {
  readonly contract: Contract;
  /** The contract's invoices after settling (paid, or merged: sources `transferred`, the next one holding all). */
  readonly invoices: readonly Invoice[];
  readonly ipChanges: readonly IpChange[];
  /** The accounts provisioned again with their method and plan. */
  readonly desired: readonly DesiredAccess[];
}

const isPending = (i: Invoice): boolean => i.status === 'open' || i.status === 'partially-paid';

/**
 * Reactivates a cancelled contract (W9): settles the pending invoices by payment or by merging them into the
 * next invoice, gives each account its previous IP when still free (else a free one from the pools), sets the
 * contract active and returns the desired access that provisions it again.
 */
export function reactivateContract(
  contract: Contract,
  invoices: readonly Invoice[],
  options: ReactivateOptions,
): Result<ReactivationResult, ContractsError> {
  if (typeof contract !== 'object' || contract === null || typeof contract.id !== 'string') {
    return err(invalidInput('contract', 'contract must be a contract'));
  }
  const date = readLocalDate(options?.date, 'date');
  if (date.isErr()) return err(date.error);
  const reason = readString(options.reason ?? 'reactivated', 'reason', { max: 500 });
  if (reason.isErr()) return err(reason.error);
  if (contract.status !== 'cancelled')
    return err(contractNotCancelled('status', `contract ${contract.id} is ${contract.status}`));
  if (!Array.isArray(invoices)) return err(invalidInput('invoices', 'invoices must be an array'));
  const foreign = invoices.findIndex((i) => i?.contractId !== contract.id);
  if (foreign >= 0)
    return err(invoiceMismatch(`invoices[${foreign}].contractId`, 'the invoice belongs to another contract'));

  const entries: HistoryEntry[] = [];
  let nextInvoices: Invoice[] = [...invoices];
  const pending = invoices.filter(isPending);
  const settle = options.settle;
  const calendar =
    options.isNonBusinessDay === undefined ? undefined : { isNonBusinessDay: options.isNonBusinessDay };
  if (settle?.kind === 'payment') {
    if (!Array.isArray(settle.payments))
      return err(invalidInput('settle.payments', 'payments must be an array'));
    for (let i = 0; i < settle.payments.length; i++) {
      const { invoiceId, payment } = settle.payments[i]!;
      const index = nextInvoices.findIndex((inv) => inv.id === invoiceId);
      if (index < 0)
        return err(
          invalidInput(`settle.payments[${i}].invoiceId`, `no invoice ${String(invoiceId)} on the contract`),
        );
      const r = registerPayment(nextInvoices[index]!, payment, calendar);
      if (r.isErr()) return err(billingFailed(`settle.payments[${i}]`, r.error));
      nextInvoices[index] = r.value.invoice;
    }
    const left = nextInvoices.filter(isPending).map((i) => i.id);
    if (left.length > 0) return err(pendingInvoicesRemain(left));
    entries.push({
      date: date.value,
      event: 'invoices-settled',
      reason: 'pending invoices paid',
      refs: pending.map((i) => i.id),
    });
  } else if (settle?.kind === 'merge') {
    const target = settle.nextInvoice;
    if (target?.contractId !== contract.id)
      return err(
        invoiceMismatch('settle.nextInvoice.contractId', 'the next invoice belongs to another contract'),
      );
    if (pending.length > 0) {
      const withTarget = nextInvoices.some((i) => i.id === target.id)
        ? nextInvoices
        : [...nextInvoices, target];
      // WispHub moves every item, late charges included (billing-rules §7): each source gets its fine and
      // interest as of the merge date first, and they move as penalty lines (never the base of a new fine).
      const r = mergeInvoices(withTarget, date.value, { ...calendar, applyLateCharges: true });
      if (r.isErr()) return err(billingFailed('settle', r.error));
      if (r.value.target.id !== target.id) {
        return err(invalidInput('settle.nextInvoice', 'the next invoice must be the latest pending invoice'));
      }
      nextInvoices = [...r.value.invoices];
      entries.push({
        date: date.value,
        event: 'invoices-settled',
        reason: `pending invoices merged into ${target.id}`,
        refs: pending.map((i) => i.id),
      });
    } else if (!nextInvoices.some((i) => i.id === target.id)) {
      nextInvoices.push(target);
    }
  } else if (settle !== undefined) {
    return err(invalidInput('settle.kind', 'settle.kind must be payment or merge'));
  } else if (pending.length > 0) {
    return err(pendingInvoicesRemain(pending.map((i) => i.id)));
  }

  const allocator = createIpAllocator({
    pools: options.pools,
    ...(options.exclusions === undefined ? {} : { exclusions: options.exclusions }),
  });
  if (allocator.isErr()) return err(fromIpPolicy('pools', '', allocator.error));
  const added = new Set<string>();
  const callerTaken = options.taken;
  if (typeof callerTaken !== 'function' && typeof callerTaken?.has !== 'function') {
    return err(invalidInput('taken', 'taken must be a Set of IPs or a predicate'));
  }
  const taken = (ip: string): boolean =>
    added.has(ip) || (typeof callerTaken === 'function' ? callerTaken(ip) : callerTaken.has(ip));
  const ipChanges: IpChange[] = [];
  const items: ContractItem[] = [];
  for (const item of contract.items) {
    if (item.kind !== 'internet') {
      items.push(item);
      continue;
    }
    const a = item.account;
    const prefer = a.previousIpv4 ?? a.ipv4;
    const needsIp = a.method === 'simple-queue' || a.method === 'pcq-address-list' || prefer !== undefined;
    if (!needsIp) {
      items.push(item);
      continue;
    }
    const r = allocator.value.allocate({ taken, prefer: prefer ?? null });
    if (r.isErr()) return err(fromIpPolicy(`items.${item.id}.account.ipv4`, prefer ?? '', r.error));
    added.add(r.value.ip);
    const { previousIpv4: _, ...rest } = a;
    if (a.ipv4 !== r.value.ip) {
      ipChanges.push({
        accountId: a.id,
        from: a.ipv4 ?? '',
        to: r.value.ip,
        rule: r.value.preference === 'used' ? 'previous-ip' : `pool ${r.value.pool}`,
      });
      entries.push({
        date: date.value,
        event: 'ip-changed',
        ...(a.ipv4 === undefined ? {} : { from: a.ipv4 }),
        to: r.value.ip,
        reason:
          r.value.preference === 'used'
            ? 'previous IP given back on reactivation'
            : 'free IP from the pools on reactivation',
        refs: [a.id],
      });
    }
    items.push({ ...item, account: { ...rest, ipv4: r.value.ip } });
  }
  entries.push({
    date: date.value,
    event: 'status-changed',
    from: 'cancelled',
    to: 'active',
    reason: reason.value,
  });
  const next: Contract = deepFreeze({
    ...contract,
    status: 'active',
    items,
    history: [...contract.history, ...entries],
  });
  const desired = desiredAccessOf(next, options.plans);
  if (desired.isErr()) return err(desired.error);
  return ok({ contract: next, invoices: nextInvoices, ipChanges, desired: desired.value });
}
