import type { AccessMethod, AccessPlanRates, AccessState, DesiredAccess } from '@isp/contracts';
import type { Emulator } from '@isp/routeros-emulator';
import type { RouterOsAccessNetwork } from '../../src/adapter/routeros-access-network.js';
import { desiredAccessFor } from '../../src/testing/index.js';

/** The desired state only: nothing RouterOS-specific. */
export interface SubscriberModel {
  readonly n: number;
  readonly method: AccessMethod;
  readonly state: Exclude<AccessState, 'absent'>;
  readonly plan: AccessPlanRates;
}

export interface ForeignRow {
  readonly menu: string;
  readonly id: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface Model {
  readonly subscribers: Map<number, SubscriberModel>;
  readonly foreign: ForeignRow[];
  nextForeign: number;
}

export interface Real {
  readonly emulator: Emulator;
  readonly network: RouterOsAccessNetwork;
  readonly routerId: string;
}

export const subscriberId = (n: number): string => `sub-${n}`;

export function desiredOf(s: SubscriberModel, state: AccessState = s.state): DesiredAccess {
  return desiredAccessFor(s.n, s.method, state, s.plan, { routerId: 'router-1' });
}

export function desiredAll(model: Model): DesiredAccess[] {
  return [...model.subscribers.values()].map((s) => desiredOf(s));
}
