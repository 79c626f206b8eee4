import type { PlanningConfig } from './desired-entry.js';

/** Names of the objects the adapter creates, all derived from the prefix and the plan id. */
export interface ObjectNames {
  subscriberQueue(subscriberId: string): string;
  planList(planId: string, throttled: boolean): string;
  planProfile(planId: string, throttled: boolean): string;
  suspendedProfile(): string;
  pcqName(planId: string, throttled: boolean, direction: 'up' | 'down'): string;
}

export function objectNames(config: Pick<PlanningConfig, 'prefix'>): ObjectNames {
  const p = config.prefix;
  const t = (throttled: boolean): string => (throttled ? '-throttled' : '');
  return {
    subscriberQueue: (subscriberId) => `${p}-${subscriberId}`,
    planList: (planId, throttled) => `${p}-plan-${planId}${t(throttled)}`,
    planProfile: (planId, throttled) => `${p}-${planId}${t(throttled)}`,
    suspendedProfile: () => `${p}-suspended`,
    pcqName: (planId, throttled, direction) => `${p}-${planId}${t(throttled)}-${direction}`,
  };
}
