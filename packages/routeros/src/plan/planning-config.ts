import type { PlanningConfig, SessionSuspension } from './desired-entry.js';

/** Options that shape what the router must hold; every field optional. */
export interface PlanningOptions {
  readonly prefix?: string;
  readonly suspensionList?: string;
  readonly throttleList?: string;
  readonly pppoeSuspension?: SessionSuspension;
  readonly hotspotSuspension?: SessionSuspension;
  /** Rate of the suspension profiles, `upload/download` in bits (e.g. `64000/64000`). */
  readonly suspendedRate?: string;
  /** Notice (portal) server suspended subscribers may reach; HTTP (port 80) is redirected to it. */
  readonly notice?: { readonly address: string; readonly port?: number };
  readonly manageInfrastructure?: boolean;
}

/** Fills defaults: prefix `isp`, suspension list `morosos`, throttle list `isp-throttled`, profile suspension. */
export function resolvePlanningConfig(options: PlanningOptions = {}): PlanningConfig {
  const prefix = options.prefix ?? 'isp';
  return {
    prefix,
    suspensionList: options.suspensionList ?? 'morosos',
    throttleList: options.throttleList ?? `${prefix}-throttled`,
    pppoeSuspension: options.pppoeSuspension ?? 'profile',
    hotspotSuspension: options.hotspotSuspension ?? 'profile',
    suspendedRate: options.suspendedRate ?? '64000/64000',
    ...(options.notice === undefined
      ? {}
      : { notice: { address: options.notice.address, port: options.notice.port ?? 80 } }),
    manageInfrastructure: options.manageInfrastructure ?? true,
  };
}
