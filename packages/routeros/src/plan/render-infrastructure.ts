import type { AccessMethod, AccessPlanRates } from '@isp/contracts';
import { formatRatePair } from '../normalize/rate-pair.js';
import {
  FILTER,
  HOTSPOT_USER_PROFILE,
  MANGLE,
  NAT,
  PPP_PROFILE,
  QUEUE_TREE,
  QUEUE_TYPE,
} from '../resources/menus.js';
import type { DesiredEntry, PlanningConfig } from './desired-entry.js';
import { objectNames } from './names.js';
import { createOwnership } from './ownership.js';

/** A plan and the methods that use it on one router. */
export interface PlanUsage {
  readonly plan: AccessPlanRates;
  readonly methods: ReadonlySet<AccessMethod>;
}

/**
 * The suspension firewall (allow DNS and the notice server, drop the rest), the HTTP redirect to the notice
 * server and the FastTrack exclusion of throttled addresses (recipe B5).
 */
export function renderBaseInfrastructure(config: PlanningConfig): DesiredEntry[] {
  const ownership = createOwnership(config.prefix);
  const rule = (
    path: string,
    key: string,
    placement: NonNullable<DesiredEntry['placement']>,
    fields: Record<string, string>,
  ): DesiredEntry => {
    const comment = ownership.infrastructureMarker(key);
    return {
      path,
      identity: comment,
      subscriberId: null,
      placement,
      // Order matters within a chain (DNS and notice accepts above the drop): one at a time, in this order.
      sequence: `${path} ${fields['chain'] ?? ''}`,
      fields: { ...fields, disabled: 'no', comment },
    };
  };
  const list = config.suspensionList;
  const entries: DesiredEntry[] = [
    rule(FILTER.path, 'suspend-dns-udp', 'chain-top', {
      chain: 'forward',
      action: 'accept',
      'src-address-list': list,
      protocol: 'udp',
      'dst-port': '53',
    }),
    rule(FILTER.path, 'suspend-dns-tcp', 'chain-top', {
      chain: 'forward',
      action: 'accept',
      'src-address-list': list,
      protocol: 'tcp',
      'dst-port': '53',
    }),
  ];
  if (config.notice !== undefined) {
    entries.push(
      rule(FILTER.path, 'suspend-notice', 'chain-top', {
        chain: 'forward',
        action: 'accept',
        'src-address-list': list,
        'dst-address': config.notice.address,
      }),
    );
  }
  entries.push(
    rule(FILTER.path, 'suspend-drop', 'chain-top', {
      chain: 'forward',
      action: 'drop',
      'src-address-list': list,
    }),
    rule(FILTER.path, 'fasttrack-exclude-throttled-up', 'before-fasttrack', {
      chain: 'forward',
      action: 'accept',
      'src-address-list': config.throttleList,
    }),
    rule(FILTER.path, 'fasttrack-exclude-throttled-down', 'before-fasttrack', {
      chain: 'forward',
      action: 'accept',
      'dst-address-list': config.throttleList,
    }),
  );
  if (config.notice !== undefined) {
    entries.push(
      rule(NAT.path, 'suspend-redirect', 'chain-top', {
        chain: 'dstnat',
        action: 'dst-nat',
        'src-address-list': list,
        protocol: 'tcp',
        'dst-port': '80',
        'to-addresses': config.notice.address,
        'to-ports': String(config.notice.port),
      }),
    );
  }
  return entries;
}

function named(path: string, fields: Record<string, string>): DesiredEntry {
  return { path, identity: fields['name'] ?? '', subscriberId: null, fields };
}

/** Per-plan objects: PCQ types, mangle marks and queue tree; PPP and Hotspot profiles (B2–B4). */
export function renderPlanInfrastructure(
  usages: readonly PlanUsage[],
  config: PlanningConfig,
): DesiredEntry[] {
  const ownership = createOwnership(config.prefix);
  const names = objectNames(config);
  const entries: DesiredEntry[] = [];
  let ppp = false;
  let hotspot = false;
  for (const { plan, methods } of usages) {
    if (methods.has('pcq-address-list')) {
      for (const throttled of [false, true]) {
        const rate = throttled ? plan.throttledRate : plan.rate;
        const list = names.planList(plan.planId, throttled);
        for (const direction of ['up', 'down'] as const) {
          const name = names.pcqName(plan.planId, throttled, direction);
          entries.push(
            named(QUEUE_TYPE.path, {
              name,
              kind: 'pcq',
              'pcq-rate': String(direction === 'up' ? rate.uploadBps : rate.downloadBps),
              'pcq-classifier': direction === 'up' ? 'src-address' : 'dst-address',
            }),
          );
          const comment = ownership.infrastructureMarker(`mark-${name}`);
          // No sequence: each mark rule matches its own plan list, so their relative order carries no
          // meaning and they are written pipelined (their place above foreign rules is set by the anchor).
          entries.push({
            path: MANGLE.path,
            identity: comment,
            subscriberId: null,
            placement: 'chain-top',
            fields: {
              chain: 'forward',
              action: 'mark-packet',
              [direction === 'up' ? 'src-address-list' : 'dst-address-list']: list,
              'new-packet-mark': name,
              passthrough: 'no',
              disabled: 'no',
              comment,
            },
          });
          entries.push(
            named(QUEUE_TREE.path, {
              name,
              parent: 'global',
              'packet-mark': name,
              queue: name,
              disabled: 'no',
            }),
          );
        }
      }
    }
    for (const [method, path] of [
      ['pppoe', PPP_PROFILE.path],
      ['hotspot', HOTSPOT_USER_PROFILE.path],
    ] as const) {
      if (!methods.has(method)) continue;
      if (method === 'pppoe') ppp = true;
      else hotspot = true;
      entries.push(
        named(path, {
          name: names.planProfile(plan.planId, false),
          'rate-limit': formatRatePair(plan.rate),
          'address-list': '',
        }),
        named(path, {
          name: names.planProfile(plan.planId, true),
          'rate-limit': formatRatePair(plan.throttledRate),
          'address-list': config.throttleList,
        }),
      );
    }
  }
  const suspended = (path: string): DesiredEntry =>
    named(path, {
      name: names.suspendedProfile(),
      'rate-limit': config.suspendedRate,
      'address-list': config.suspensionList,
    });
  if (ppp) entries.push(suspended(PPP_PROFILE.path));
  if (hotspot) entries.push(suspended(HOTSPOT_USER_PROFILE.path));
  return entries;
}
