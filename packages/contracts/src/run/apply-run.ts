import type { Invoice } from '@isp/billing';
import { ResultAsync } from 'neverthrow';
import type { Contract } from '../contract/types';
import { recordNotice } from '../ladder/record-notice';
import type {
  AccessNetwork,
  AccessNetworkError,
  DesiredAccess,
  SubscriberOutcome,
} from '../ports/access-network';
import type { Notice, Notifier, NotifierError } from '../ports/notifier';
import type { RunPlan } from './plan-run';

export interface RunPorts {
  readonly network: AccessNetwork;
  readonly notifier: Notifier;
}

/** The outcome of one planned item. A failed router write is an outcome, never only a log line. */
export type RunItemOutcome =
  | { readonly contractId: string; readonly kind: 'invoice'; readonly invoiceId: string; readonly ok: true }
  | {
      readonly contractId: string;
      readonly kind: 'transition';
      readonly from: string;
      readonly to: string;
      readonly ok: boolean;
      /** Per subscriber failures; when any, the contract keeps its status and the next run retries. */
      readonly errors: readonly AccessNetworkError[];
    }
  | {
      readonly contractId: string;
      readonly kind: 'notice';
      readonly notice: Notice['kind'];
      readonly idempotencyKey: string;
      readonly ok: boolean;
      readonly error?: NotifierError;
    };

export interface RunReport {
  readonly date: string;
  /** Contracts that changed (transition applied and/or notices recorded). Persist them. */
  readonly contracts: readonly Contract[];
  /** Invoices issued tonight, and pending invoices a ladder cancellation cancelled. Persist them. */
  readonly invoices: readonly Invoice[];
  readonly outcomes: readonly RunItemOutcome[];
}

const portFailure = (routerId: string, e: unknown): AccessNetworkError => ({
  type: 'ProtocolError',
  routerId,
  message: `the network adapter failed: ${e instanceof Error ? e.message : 'unknown error'}`,
});

async function syncRouter(
  network: AccessNetwork,
  routerId: string,
  desired: readonly DesiredAccess[],
): Promise<Map<string, SubscriberOutcome>> {
  const out = new Map<string, SubscriberOutcome>();
  const failAll = (error: AccessNetworkError) => {
    for (const d of desired)
      out.set(d.subscriberId, { subscriberId: d.subscriberId, outcome: 'failed', changes: [], error });
  };
  try {
    const r = await network.sync(routerId, desired);
    if (r.isErr()) failAll(r.error);
    else for (const o of r.value.outcomes) out.set(o.subscriberId, o);
  } catch (e) {
    failAll(portFailure(routerId, e));
  }
  return out;
}

async function send(notifier: Notifier, notice: Notice): Promise<NotifierError | undefined> {
  try {
    const r = await notifier.notify(notice);
    return r.isErr() ? r.error : undefined;
  } catch (e) {
    return { type: 'NotifyFailed', message: e instanceof Error ? e.message : 'notifier failed' };
  }
}

async function run(plan: RunPlan, ports: RunPorts): Promise<RunReport> {
  const outcomes: RunItemOutcome[] = [];
  const routerIds = [...plan.network.keys()];
  const results = await Promise.all(
    routerIds.map((id) => syncRouter(ports.network, id, plan.network.get(id) ?? [])),
  );
  const bySubscriber = new Map<string, SubscriberOutcome>();
  for (const map of results) for (const [k, v] of map) bySubscriber.set(k, v);

  const perItem = await Promise.all(
    plan.items.map(async (item) => {
      const outcomes: RunItemOutcome[] = [];
      const id = item.contract.id;
      let contract = item.contract;
      let changed = false;
      let transitionOk = true;
      if (item.invoice !== undefined) {
        outcomes.push({ contractId: id, kind: 'invoice', invoiceId: item.invoice.id, ok: true });
      }
      if (item.transition !== undefined) {
        const errors: AccessNetworkError[] = [];
        for (const d of item.desired) {
          const o = bySubscriber.get(d.subscriberId);
          if (o === undefined) {
            errors.push({
              type: 'ProtocolError',
              routerId: d.routerId,
              message: `no outcome for ${d.subscriberId}`,
            });
          } else if (o.outcome === 'failed') {
            errors.push(
              o.error ?? {
                type: 'ProtocolError',
                routerId: d.routerId,
                message: `write failed for ${d.subscriberId}`,
              },
            );
          }
        }
        transitionOk = errors.length === 0;
        if (transitionOk) {
          contract = item.next;
          changed = true;
        }
        outcomes.push({
          contractId: id,
          kind: 'transition',
          from: item.transition.from,
          to: item.transition.to,
          ok: transitionOk,
          errors,
        });
      }
      for (const notice of item.notices) {
        if (notice.kind !== 'overdue-notice' && !transitionOk) continue;
        const error = await send(ports.notifier, notice);
        outcomes.push({
          contractId: id,
          kind: 'notice',
          notice: notice.kind,
          idempotencyKey: notice.idempotencyKey,
          ok: error === undefined,
          ...(error === undefined ? {} : { error }),
        });
        if (error === undefined && notice.kind === 'overdue-notice') {
          const recorded = recordNotice(contract, notice.invoiceIds, plan.date);
          if (recorded.isOk() && recorded.value !== contract) {
            contract = recorded.value;
            changed = true;
          }
        }
      }
      // Invoices a cancellation cancelled are persisted only with the cancellation itself.
      const cancelled =
        item.transition !== undefined && transitionOk && item.cancelledInvoiceIds.length > 0
          ? (item.invoices ?? []).filter((i) => item.cancelledInvoiceIds.includes(i.id))
          : [];
      return { outcomes, contract: changed ? contract : undefined, invoice: item.invoice, cancelled };
    }),
  );
  const contracts: Contract[] = [];
  const invoices: Invoice[] = [];
  for (const r of perItem) {
    outcomes.push(...r.outcomes);
    if (r.contract !== undefined) contracts.push(r.contract);
    if (r.invoice !== undefined) invoices.push(r.invoice);
    invoices.push(...r.cancelled);
  }
  return { date: plan.date, contracts, invoices, outcomes };
}

/**
 * Applies a run plan through the given ports only: syncs the desired access of the changing subscribers
 * (one `sync` per router), sends notices, and returns the new contracts and invoices (issued, or cancelled
 * with a cancellation whose router write succeeded) as values —
 * persistence belongs to the caller. A transition whose router write failed is reported as a failed outcome
 * and is not applied to the contract, so the next run plans and retries it. Overdue notices are recorded on
 * the contract only once sent. Never fails as a whole.
 */
export function applyRun(plan: RunPlan, ports: RunPorts): ResultAsync<RunReport, never> {
  return ResultAsync.fromSafePromise(run(plan, ports));
}
