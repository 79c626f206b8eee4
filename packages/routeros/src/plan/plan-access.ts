import {
  type AccessMethod,
  type AccessNetworkError,
  type AccessPlan,
  type AccessPlanRates,
  type DesiredAccess,
  type PlannedChange,
  type SubscriberOutcomeKind,
  validateDesiredAccess,
} from '@isp/contracts';
import { invalidDesiredAccess } from '../errors.js';
import type { Change } from './change.js';
import type { DesiredEntry, PlanningConfig } from './desired-entry.js';
import { type PlanResult, planChanges } from './plan-changes.js';
import {
  type PlanUsage,
  renderBaseInfrastructure,
  renderPlanInfrastructure,
} from './render-infrastructure.js';
import { renderSubscriber } from './render-subscriber.js';
import type { Snapshot } from './snapshot.js';

export type PlanMode = 'sync' | 'reconcile';

export interface AccessPlanningInput {
  readonly routerId: string;
  readonly mode: PlanMode;
  /** Untrusted input: validated here, one subscriber at a time. */
  readonly desired: readonly unknown[];
  readonly snapshot: Snapshot;
  readonly config: PlanningConfig;
  readonly customerNetworks: readonly string[];
}

export interface AccessPlanning {
  readonly routerId: string;
  readonly result: PlanResult;
  /** Valid desired access, one per subscriber, in input order. */
  readonly valid: readonly DesiredAccess[];
  /** Subscribers whose desired access was refused, with the reason. */
  readonly invalid: ReadonlyMap<string, AccessNetworkError>;
  /** Every subscriber of the run, in order: the input ones, then those whose owned entries are removed. */
  readonly subscriberIds: readonly string[];
  /** Number of entries each valid subscriber must own after the run. */
  readonly desiredEntryCount: ReadonlyMap<string, number>;
  /** The dry-run plan, secrets masked. */
  readonly plan: AccessPlan;
}

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A change as shown to people: secrets masked, no `.id`s. */
export function toPlannedChange(change: Change): PlannedChange {
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(change.fields)) {
    fields[field] = change.secretFields.includes(field) ? '***' : value;
  }
  return {
    subscriberId: change.subscriberId,
    operation: change.operation,
    target: change.path,
    key: change.key,
    fields,
    reason: change.reason,
  };
}

/** Validates desired access, renders what the router must hold and plans the changes against a snapshot. */
export function planAccess(input: AccessPlanningInput): AccessPlanning {
  const { routerId, config } = input;
  const invalid = new Map<string, AccessNetworkError>();
  const valid: DesiredAccess[] = [];
  const byId = new Map<string, DesiredAccess>();
  const order: string[] = [];
  const ordered = new Set<string>();
  const remember = (sid: string): void => {
    if (!ordered.has(sid)) {
      ordered.add(sid);
      order.push(sid);
    }
  };
  const plans = new Map<string, AccessPlanRates>();
  for (const raw of input.desired) {
    const checked = validateDesiredAccess(raw, { routerId, customerNetworks: input.customerNetworks });
    if (checked.isErr()) {
      const id =
        checked.error.type === 'InvalidDesiredAccess'
          ? checked.error.subscriberId
          : (raw as { subscriberId?: unknown })?.subscriberId;
      const sid = typeof id === 'string' ? id : '';
      remember(sid);
      if (!invalid.has(sid)) invalid.set(sid, checked.error);
      continue;
    }
    const d = checked.value;
    remember(d.subscriberId);
    const seen = byId.get(d.subscriberId);
    if (seen !== undefined) {
      if (!deepEqual(seen, d)) {
        invalid.set(
          d.subscriberId,
          invalidDesiredAccess(
            d.subscriberId,
            'subscriberId',
            'the subscriber appears more than once with different values',
          ),
        );
      }
      continue;
    }
    if (invalid.has(d.subscriberId)) continue;
    const known = plans.get(d.plan.planId);
    if (known !== undefined && !deepEqual(known, d.plan)) {
      invalid.set(
        d.subscriberId,
        invalidDesiredAccess(
          d.subscriberId,
          'plan',
          `plan ${d.plan.planId} is given with different rates elsewhere`,
        ),
      );
      continue;
    }
    plans.set(d.plan.planId, d.plan);
    byId.set(d.subscriberId, d);
  }
  for (const d of byId.values()) if (!invalid.has(d.subscriberId)) valid.push(d);

  const entries: DesiredEntry[] = [];
  const desiredEntryCount = new Map<string, number>();
  const usage = new Map<string, { plan: AccessPlanRates; methods: Set<AccessMethod> }>();
  for (const d of valid) {
    const own = renderSubscriber(d, config);
    desiredEntryCount.set(d.subscriberId, own.length);
    entries.push(...own);
    if (d.state !== 'absent') {
      const u = usage.get(d.plan.planId) ?? { plan: d.plan, methods: new Set<AccessMethod>() };
      u.methods.add(d.method);
      usage.set(d.plan.planId, u);
    }
  }
  const infrastructure: DesiredEntry[] = config.manageInfrastructure
    ? [
        ...renderBaseInfrastructure(config),
        ...renderPlanInfrastructure([...usage.values()] as PlanUsage[], config),
      ]
    : [];
  const untouchable = new Set(invalid.keys());
  const result = planChanges(
    [...infrastructure, ...entries],
    input.snapshot,
    {
      subscribers: input.mode === 'reconcile' ? 'all' : new Set(valid.map((d) => d.subscriberId)),
      removeInfrastructure: input.mode === 'reconcile' && config.manageInfrastructure,
      untouchable,
    },
    { routerId, prefix: config.prefix },
  );

  const subscriberIds = [...order];
  for (const change of result.changes) {
    if (change.subscriberId === null || ordered.has(change.subscriberId)) continue;
    ordered.add(change.subscriberId);
    subscriberIds.push(change.subscriberId);
  }
  const changed = new Set(result.changes.map((c) => c.subscriberId));
  const unchanged = valid
    .map((d) => d.subscriberId)
    .filter((id) => !changed.has(id) && !result.failures.has(id));
  return {
    routerId,
    result,
    valid,
    invalid,
    subscriberIds,
    desiredEntryCount,
    plan: { routerId, changes: result.changes.map(toPlannedChange), unchanged },
  };
}

/** What a subscriber's changes amount to, from the plan. */
export function outcomeOf(
  planning: AccessPlanning,
  subscriberId: string,
  changes: readonly Change[],
): SubscriberOutcomeKind {
  if (changes.length === 0) return 'unchanged';
  if ((planning.desiredEntryCount.get(subscriberId) ?? 0) === 0) return 'removed';
  const allCreates = changes.every((c) => c.operation === 'create');
  if (allCreates && !planning.result.subscribersWithEntries.has(subscriberId)) return 'created';
  return 'updated';
}
