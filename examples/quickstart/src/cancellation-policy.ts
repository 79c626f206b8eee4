import {
  type Contract,
  type ContractRunPlan,
  type ContractsError,
  cancelContract,
  type DesiredAccess,
  desiredAccessOf,
  type Notice,
  type PlanCatalog,
  type RunPlan,
  transitionContract,
} from '@isp/contracts';
import { err, ok, type Result } from 'neverthrow';
import { type App, printRouterChanges, settleDevices } from './app';
import { takenIps } from './store';

/** A cancellation the ladder asked for, to be carried out after tonight's run. */
export interface PendingCancellation {
  readonly contractId: string;
  readonly reason: string;
}

/**
 * Our shop's policy for the ladder's automatic cancellation: suspend first (so the router cuts the service
 * and kicks the session, as on any suspension), then cancel with "release IP" (W5): the IP is remapped by the
 * WispHub rule and everything of the customer leaves the router. The ladder itself cancels with "keep IP and
 * suspend", so tonight's plan keeps its suspension step and the cancellation is returned to run afterwards.
 */
export function deferCancellations(
  plan: RunPlan,
  plans: PlanCatalog,
): Result<
  { readonly plan: RunPlan; readonly cancellations: readonly PendingCancellation[] },
  ContractsError
> {
  const items: ContractRunPlan[] = [];
  const cancellations: PendingCancellation[] = [];
  for (const item of plan.items) {
    if (item.transition?.to !== 'cancelled') {
      items.push(item);
      continue;
    }
    const reason = item.evaluation.reason;
    cancellations.push({ contractId: item.contract.id, reason });
    const overdueNotices = item.notices.filter((n) => n.kind === 'overdue-notice');
    if (item.contract.status === 'suspended') {
      if (overdueNotices.length > 0 || item.invoice !== undefined) {
        const { transition: _, ...rest } = item;
        items.push({ ...rest, next: item.contract, notices: overdueNotices, desired: [] });
      }
      continue;
    }
    const e = item.evaluation;
    const suspended = transitionContract(item.contract, 'suspended', {
      date: plan.date,
      reason: `suspended: invoice ${e.oldestOverdueInvoiceId ?? '?'} overdue ${e.daysOverdue} day(s)`,
    });
    if (suspended.isErr()) return err(suspended.error);
    const desired = desiredAccessOf(suspended.value, plans);
    if (desired.isErr()) return err(desired.error);
    const notice: Notice = {
      kind: 'suspended',
      contractId: item.contract.id,
      customerId: item.contract.customerId,
      date: plan.date,
      invoiceIds: item.evaluation.overdueInvoiceIds,
      idempotencyKey: `${item.contract.id}:suspended:${plan.date}`,
    };
    items.push({
      ...item,
      transition: { from: item.contract.status, to: 'suspended', steps: item.transition.steps.slice(0, 1) },
      next: suspended.value,
      notices: [...overdueNotices, notice],
      desired: desired.value,
    });
  }
  const network = new Map<string, DesiredAccess[]>();
  for (const item of items) {
    if (item.transition === undefined) continue;
    for (const d of item.desired) network.set(d.routerId, [...(network.get(d.routerId) ?? []), d]);
  }
  const by = (to: string) =>
    items.filter((i) => i.transition?.steps.some((s) => s.to === to)).map((i) => i.contract.id);
  return ok({
    plan: {
      ...plan,
      items,
      notices: items.flatMap((i) => i.notices),
      throttles: by('throttled'),
      suspensions: by('suspended'),
      cancellations: [],
      restorations: by('active'),
      network,
    },
    cancellations,
  });
}

/**
 * Carries out a deferred cancellation: `cancelContract` with release-ip against the IPs other services hold,
 * then the router (state `absent`), then the notice. A contract whose suspension failed tonight is left for
 * tomorrow's run; a failed router write leaves the contract as it was, so the next run retries.
 */
export async function cancelWithRelease(
  app: App,
  date: string,
  pending: PendingCancellation,
): Promise<boolean> {
  const { store, timeline } = app;
  const contract = store.contract(pending.contractId);
  if (contract === undefined || contract.status !== 'suspended') {
    timeline.print(`  ${pending.contractId}: not suspended yet — cancellation retried on the next run`);
    return false;
  }
  const result = cancelContract(contract, store.invoicesOf(contract.id), {
    date,
    reason: `automatic: ${pending.reason}`,
    network: 'release-ip',
    taken: takenIps(store, contract.id),
    plans: app.plans,
  });
  if (result.isErr()) {
    timeline.print(`  ✗ ${contract.id}: cannot cancel — ${result.error.type}: ${result.error.message}`);
    return false;
  }
  const r = result.value;
  app.devices?.mark();
  const synced = await app.network.sync(app.routerId, forRouter(r.desired, r.contract));
  const failed = synced.isErr()
    ? [synced.error.message]
    : synced.value.outcomes.filter((o) => o.outcome === 'failed').map((o) => o.error?.message ?? 'failed');
  const okWrite = failed.length === 0;
  app.journal.push({
    date,
    contractId: contract.id,
    kind: 'status',
    from: contract.status,
    to: 'cancelled',
    ok: okWrite,
  });
  timeline.print(
    `  ${contract.id}: suspended → cancelled with release-ip${okWrite ? '' : ` — FAILED on the router: ${failed.join('; ')}`}`,
  );
  if (!okWrite) return false;
  store.putContract(r.contract);
  store.putInvoices(r.invoices);
  for (const change of r.ipChanges) {
    app.journal.push({ date, contractId: contract.id, kind: 'ip-changed', ...ipChangeFields(change) });
    timeline.print(
      `    IP released: ${change.from} → ${change.to} (rule ${change.rule}); the router keeps nothing of it`,
    );
  }
  for (const w of r.warnings) timeline.print(`    warning: ${w.message}`);
  const notice: Notice = {
    kind: 'cancelled',
    contractId: contract.id,
    customerId: contract.customerId,
    date,
    invoiceIds: store
      .invoicesOf(contract.id)
      .filter((i) => i.status === 'open' || i.status === 'partially-paid')
      .map((i) => i.id),
    idempotencyKey: `${contract.id}:cancelled:${date}`,
  };
  await app.notifier.notify(notice);
  printRouterChanges(app);
  settleDevices(app, date);
  return true;
}

/**
 * The desired access as the router adapter accepts it. A released account is `absent` but still carries its
 * released IP (e.g. 127.0.3.30), and the adapter's safety check refuses any entry whose IP is outside the
 * customer networks — even one it will only remove. Nothing is written for an `absent` subscriber (its owned
 * entries are found by their ownership marker), so the entry is sent with the IP it had on the router.
 */
export function forRouter(desired: readonly DesiredAccess[], contract: Contract): DesiredAccess[] {
  return desired.map((d) => {
    if (d.state !== 'absent') return d;
    const item = contract.items.find((i) => i.kind === 'internet' && i.account.id === d.subscriberId);
    const previous = item?.kind === 'internet' ? item.account.previousIpv4 : undefined;
    if (previous !== undefined) return { ...d, ipv4: previous };
    const { ipv4: _, ...rest } = d;
    return d.method === 'simple-queue' || d.method === 'pcq-address-list' ? d : rest;
  });
}

const ipChangeFields = (c: { from: string; to: string; rule: string }) => ({
  from: c.from,
  to: c.to,
  rule: c.rule,
});
