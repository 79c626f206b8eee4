import { err, ok, type Result } from 'neverthrow';
import type { Contract, InternetItem } from '../contract/types';
import { type ContractsError, unknownPlan } from '../errors';
import type { PlanCatalog } from '../plans/plan';
import type { AccessState, DesiredAccess } from '../ports/access-network';

/** The access state the contract's accounts must have on the router (X1). */
export function accessStateOf(contract: Contract): AccessState {
  switch (contract.status) {
    case 'active':
      return 'active';
    case 'throttled':
      return 'throttled';
    case 'suspended':
      return 'suspended';
    default: {
      const c = contract.cancellation;
      if (c === undefined || c.network === 'keep-ip-and-suspend') return 'suspended';
      return c.network === 'release-ip' ? 'absent' : c.accessBefore;
    }
  }
}

function accessOf(
  contract: Contract,
  item: InternetItem,
  state: AccessState,
  plans: PlanCatalog,
): Result<DesiredAccess, ContractsError> {
  const plan = plans.get(item.planId);
  if (plan === undefined)
    return err(unknownPlan(`contracts.${contract.id}.items.${item.id}.planId`, item.planId));
  const a = item.account;
  const needsIp = a.method === 'simple-queue' || a.method === 'pcq-address-list';
  const effective: AccessState = needsIp && a.ipv4 === undefined ? 'absent' : state;
  const rates = { planId: plan.id, rate: plan.rate, throttledRate: plan.throttledRate };
  if (effective === 'absent') {
    // Nothing is written for an absent subscriber: the adapter removes what carries its ownership marker.
    // No IP (a released one was never on the router) and no credentials (fewer copies of the secret).
    return ok({ subscriberId: a.id, routerId: a.routerId, method: a.method, state: effective, plan: rates });
  }
  const desired: { -readonly [K in keyof DesiredAccess]: DesiredAccess[K] } = {
    subscriberId: a.id,
    routerId: a.routerId,
    method: a.method,
    state: effective,
    plan: rates,
  };
  if (a.ipv4 !== undefined) desired.ipv4 = a.ipv4;
  if (a.username !== undefined && a.password !== undefined)
    desired.credentials = { username: a.username, password: a.password };
  if (a.macAddress !== undefined) desired.macAddress = a.macAddress;
  if (a.interface !== undefined) desired.interface = a.interface;
  return ok(desired);
}

/** The desired access of every internet account of one contract. */
export function desiredAccessOf(
  contract: Contract,
  plans: PlanCatalog,
): Result<readonly DesiredAccess[], ContractsError> {
  const state = accessStateOf(contract);
  const out: DesiredAccess[] = [];
  for (const item of contract.items) {
    if (item.kind !== 'internet') continue;
    const a = accessOf(contract, item, state, plans);
    if (a.isErr()) return err(a.error);
    out.push(a.value);
  }
  return ok(out);
}

export interface DesiredNetworkState {
  /** Desired access per router, subscribers sorted by id. */
  readonly byRouter: ReadonlyMap<string, readonly DesiredAccess[]>;
  /** Contracts whose access could not be derived (e.g. an unknown plan); the others are unaffected. */
  readonly failures: readonly { readonly contractId: string; readonly error: ContractsError }[];
}

/**
 * The desired network state (X1): a pure function from contracts to per-subscriber desired access, grouped by
 * router. Active → active, throttled → throttled (the plan's reduced rates), suspended → suspended; cancelled
 * follows the cancellation's network option (release-ip → absent, keep-ip-and-suspend → suspended, none →
 * as it was). Feed each router's list to `AccessNetwork.reconcile`.
 */
export function desiredNetworkState(contracts: Iterable<Contract>, plans: PlanCatalog): DesiredNetworkState {
  const byRouter = new Map<string, DesiredAccess[]>();
  const failures: { contractId: string; error: ContractsError }[] = [];
  for (const contract of contracts) {
    const r = desiredAccessOf(contract, plans);
    if (r.isErr()) {
      failures.push({ contractId: contract.id, error: r.error });
      continue;
    }
    for (const d of r.value) {
      const list = byRouter.get(d.routerId);
      if (list === undefined) byRouter.set(d.routerId, [d]);
      else list.push(d);
    }
  }
  for (const list of byRouter.values())
    list.sort((a, b) => (a.subscriberId < b.subscriberId ? -1 : a.subscriberId > b.subscriberId ? 1 : 0));
  return { byRouter, failures };
}
