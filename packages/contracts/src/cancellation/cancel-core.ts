import { cancelOpenInvoices, type Invoice } from '@isp/billing';
import { type ReleaseRuleTable, remapForRelease } from '@isp/ip-policy';
import { err, ok, type Result } from 'neverthrow';
import type {
  CancellationNetwork,
  Contract,
  ContractItem,
  ContractStatus,
  HistoryEntry,
} from '../contract/types';
import { billingFailed, type ContractsError, fromIpPolicy } from '../errors';
import type { LocalDate } from '../internal/local-date';
import { nextContract } from '../internal/next-contract';
import type { AccessState } from '../ports/access-network';

export interface IpChange {
  readonly accountId: string;
  readonly from: string;
  readonly to: string;
  /** Which rule produced the new IP. */
  readonly rule: string;
}

/** Internal: checked options of one cancellation. */
export interface CancelCoreOptions {
  readonly date: LocalDate;
  readonly reason: string;
  readonly network: CancellationNetwork;
  readonly cancelPendingInvoices: boolean;
  /** Whether an IP is held by another service; required for `release-ip`. */
  readonly taken?: (ip: string) => boolean;
  readonly releaseRules?: ReleaseRuleTable;
  /** The status the contract leaves (the ladder passes through `suspended` first). */
  readonly from: ContractStatus;
  readonly accessBefore: Exclude<AccessState, 'absent'>;
  /** History entries that come before the cancellation's own (the ladder's suspension). */
  readonly before: readonly HistoryEntry[];
  /** Ids the status change refers to (the ladder's oldest overdue invoice); kept as given (frozen). */
  readonly refs?: readonly string[];
}

export interface CancelCore {
  readonly contract: Contract;
  /** The invoices given, pending ones cancelled when asked (the same array otherwise). */
  readonly invoices: readonly Invoice[];
  readonly cancelledInvoiceIds: readonly string[];
  readonly ipChanges: readonly IpChange[];
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Internal: the one cancellation path, shared by `cancelContract` and the ladder. Moves the contract to
 * `cancelled`, releases the IPs by the remap rule (W5, W6) or keeps them (W7), cancels pending invoices on
 * request (W4) and appends every step to the history. Builds only the objects that change; the result is
 * frozen (the parts it shares with `contract` are the caller's, already frozen when built by this package).
 */
export function cancelCore(
  contract: Contract,
  invoices: readonly Invoice[],
  o: CancelCoreOptions,
): Result<CancelCore, ContractsError> {
  let nextInvoices: readonly Invoice[] = invoices;
  let cancelledInvoiceIds: readonly string[] = EMPTY;
  if (o.cancelPendingInvoices) {
    const r = cancelOpenInvoices(invoices, o.date);
    if (r.isErr()) return err(billingFailed('invoices', r.error));
    nextInvoices = r.value.invoices;
    cancelledInvoiceIds = Object.freeze([...r.value.cancelled]);
  }

  let ipChanges: IpChange[] | undefined;
  let items: readonly ContractItem[] = contract.items;
  if (o.network === 'release-ip') {
    const callerTaken = o.taken ?? (() => false);
    const added = new Set<string>();
    const taken = (ip: string): boolean => added.has(ip) || callerTaken(ip);
    const next: ContractItem[] = [];
    ipChanges = [];
    for (const item of contract.items) {
      if (item.kind !== 'internet' || item.account.ipv4 === undefined) {
        next.push(item);
        continue;
      }
      const from = item.account.ipv4;
      const remap = remapForRelease(from, {
        taken,
        ...(o.releaseRules === undefined ? {} : { table: o.releaseRules }),
      });
      if (remap.isErr()) return err(fromIpPolicy(`items.${item.id}.account.ipv4`, from, remap.error));
      const to = remap.value.target;
      added.add(to);
      ipChanges.push(
        Object.freeze({ accountId: item.account.id, from, to, rule: remap.value.appliedRule.id }),
      );
      next.push(
        Object.freeze({
          ...item,
          account: Object.freeze({ ...item.account, ipv4: to, previousIpv4: from }),
        }),
      );
    }
    items = Object.freeze(next);
  }

  const entries: HistoryEntry[] = o.before.slice();
  const status: { -readonly [K in keyof HistoryEntry]: HistoryEntry[K] } = {
    date: o.date,
    event: 'status-changed',
    from: o.from,
    to: 'cancelled',
    reason: o.reason,
  };
  if (o.refs !== undefined) status.refs = o.refs;
  entries.push(Object.freeze(status));
  if (ipChanges !== undefined) {
    for (const change of ipChanges) {
      entries.push(
        Object.freeze({
          date: o.date,
          event: 'ip-changed' as const,
          from: change.from,
          to: change.to,
          reason: `IP released on cancellation (${change.rule})`,
          refs: Object.freeze([change.accountId]),
        }),
      );
    }
  }
  if (cancelledInvoiceIds.length > 0) {
    entries.push(
      Object.freeze({
        date: o.date,
        event: 'invoices-cancelled' as const,
        reason: 'pending invoices cancelled with the contract',
        refs: cancelledInvoiceIds,
      }),
    );
  }
  const next = nextContract(contract, {
    status: 'cancelled',
    items,
    cancellation: Object.freeze({
      date: o.date,
      reason: o.reason,
      network: o.network,
      accessBefore: o.accessBefore,
    }),
    history: Object.freeze(contract.history.concat(entries)),
  });
  return ok({
    contract: next,
    invoices: nextInvoices,
    cancelledInvoiceIds,
    ipChanges: ipChanges === undefined ? EMPTY : Object.freeze(ipChanges),
  });
}
