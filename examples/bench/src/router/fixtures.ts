/**
 * Desired state for the router benchmark: N subscribers on one router, a daily churn, and operator drift.
 * Everything is seeded, so every strategy works on exactly the same input.
 */
import type { AccessPlanRates, AccessState, DesiredAccess } from '@isp/contracts';
import { type Random, sampleIndexes, seededRandom } from '../shared/random.js';

export type Mode = 'pcq-address-list' | 'simple-queue';

export const ROUTER_ID = 'bench-router';
export const CUSTOMER_NETWORKS = ['10.64.0.0/10'];

const MBIT = 1_000_000;

/** Eight plans; the throttled rate is a quarter of the plan rate. */
export const PLANS: readonly AccessPlanRates[] = [5, 10, 20, 35, 50, 100, 200, 300].map((down) => ({
  planId: `p${down}`,
  rate: { uploadBps: (down / 2) * MBIT, downloadBps: down * MBIT },
  throttledRate: { uploadBps: (down / 8) * MBIT, downloadBps: (down / 4) * MBIT },
}));

/** The i-th customer address, inside 10.64.0.0/10, never .0 or .255. */
export function subscriberAddress(index: number): string {
  const host = (index % 254) + 1;
  const third = Math.floor(index / 254) % 256;
  const second = 64 + Math.floor(index / (254 * 256));
  return `10.${second}.${third}.${host}`;
}

export function subscriberId(index: number): string {
  return `s${String(index).padStart(6, '0')}`;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The installed base: 90 % active, 5 % throttled, 5 % suspended, plans spread evenly. */
export function baseDesired(size: number, mode: Mode, seed = 1): DesiredAccess[] {
  const random = seededRandom(seed);
  const out: DesiredAccess[] = [];
  for (let i = 0; i < size; i++) {
    const roll = random();
    const state: AccessState = roll < 0.05 ? 'suspended' : roll < 0.1 ? 'throttled' : 'active';
    out.push({
      subscriberId: subscriberId(i),
      routerId: ROUTER_ID,
      method: mode,
      state,
      ipv4: subscriberAddress(i),
      // Every plan in use from the first subscribers on, so the plan infrastructure is the same in every scenario.
      plan: PLANS[i % PLANS.length] as AccessPlanRates,
    });
  }
  return out;
}

export interface ChurnSummary {
  readonly events: number;
  readonly byKind: Readonly<Record<string, number>>;
}

/**
 * A day of churn on `fraction` of the base: suspensions and restorations, throttles, plan changes,
 * releases (state `absent`) and new subscribers.
 */
export function churnDesired(
  base: readonly DesiredAccess[],
  fraction: number,
  seed = 7,
): { desired: DesiredAccess[]; summary: ChurnSummary } {
  const random = seededRandom(seed);
  const desired = [...base];
  const events = Math.max(1, Math.round(base.length * fraction));
  const byKind: Record<string, number> = {};
  const count = (kind: string): void => {
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  };
  const newcomers = Math.max(1, Math.round(events * 0.1));
  const changed = sampleIndexes(random, base.length, events - newcomers);
  for (const index of changed) {
    const current = desired[index] as DesiredAccess;
    const roll = random();
    let next: DesiredAccess;
    if (current.state === 'suspended') {
      next = { ...current, state: 'active' };
      count('restore');
    } else if (current.state === 'throttled') {
      next = { ...current, state: roll < 0.5 ? 'active' : 'suspended' };
      count(roll < 0.5 ? 'restore' : 'suspend');
    } else if (roll < 0.35) {
      next = { ...current, state: 'suspended' };
      count('suspend');
    } else if (roll < 0.6) {
      next = { ...current, state: 'throttled' };
      count('throttle');
    } else if (roll < 0.9) {
      const others = PLANS.filter((p) => p.planId !== current.plan.planId);
      next = { ...current, plan: pick(random, others) };
      count('plan-change');
    } else {
      next = { ...current, state: 'absent' };
      count('release');
    }
    desired[index] = next;
  }
  for (let i = 0; i < newcomers; i++) {
    const index = base.length + i;
    desired.push({
      subscriberId: subscriberId(index),
      routerId: ROUTER_ID,
      method: base[0]?.method ?? 'pcq-address-list',
      state: 'active',
      ipv4: subscriberAddress(index),
      plan: pick(random, PLANS),
    });
    count('new');
  }
  return { desired, summary: { events, byKind } };
}
