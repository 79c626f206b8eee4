import type { DesiredAccess, RatePair } from '@isp/contracts';
import { formatRatePair } from '../normalize/rate-pair.js';
import { ADDRESS_LIST, HOTSPOT_USER, PPP_SECRET, QUEUE_SIMPLE } from '../resources/menus.js';
import type { DesiredEntry, PlanningConfig } from './desired-entry.js';
import { objectNames } from './names.js';
import { createOwnership, type SubscriberRole } from './ownership.js';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/**
 * The entries one subscriber must own on the router for its method and state (recipes B1–B4). `absent`
 * renders nothing: every owned entry of the subscriber is then removed by the planner.
 */
export function renderSubscriber(desired: DesiredAccess, config: PlanningConfig): DesiredEntry[] {
  if (desired.state === 'absent') return [];
  const ownership = createOwnership(config.prefix);
  const names = objectNames(config);
  const sid = desired.subscriberId;
  const marker = (role: SubscriberRole): string => ownership.subscriberMarker(sid, role);
  const throttled = desired.state === 'throttled';
  const suspended = desired.state === 'suspended';
  const rate: RatePair = throttled ? desired.plan.throttledRate : desired.plan.rate;
  const entries: DesiredEntry[] = [];
  const listEntry = (role: SubscriberRole, list: string, address: string): DesiredEntry => ({
    path: ADDRESS_LIST.path,
    identity: marker(role),
    subscriberId: sid,
    fields: { list, address, disabled: 'no', comment: marker(role) },
  });
  const ip = desired.ipv4;

  switch (desired.method) {
    case 'simple-queue': {
      if (ip === undefined) return [];
      entries.push({
        path: QUEUE_SIMPLE.path,
        identity: marker('queue'),
        subscriberId: sid,
        fields: {
          name: names.subscriberQueue(sid),
          target: `${ip}/32`,
          'max-limit': formatRatePair(rate),
          disabled: 'no',
          comment: marker('queue'),
        },
      });
      break;
    }
    case 'pcq-address-list': {
      if (ip === undefined) return [];
      entries.push(listEntry('plan', names.planList(desired.plan.planId, throttled), ip));
      break;
    }
    case 'pppoe': {
      const credentials = desired.credentials;
      if (credentials === undefined) return [];
      const disable = suspended && config.pppoeSuspension === 'disable';
      const profile =
        suspended && !disable ? names.suspendedProfile() : names.planProfile(desired.plan.planId, throttled);
      entries.push({
        path: PPP_SECRET.path,
        identity: marker('secret'),
        subscriberId: sid,
        fields: {
          name: credentials.username,
          password: credentials.password,
          service: 'pppoe',
          profile,
          ...(ip === undefined ? {} : { 'remote-address': ip }),
          ...(desired.macAddress === undefined ? {} : { 'caller-id': desired.macAddress.toUpperCase() }),
          disabled: yesNo(disable),
          comment: marker('secret'),
        },
      });
      break;
    }
    case 'hotspot': {
      const credentials = desired.credentials;
      if (credentials === undefined) return [];
      const disable = suspended && config.hotspotSuspension === 'disable';
      const profile =
        suspended && !disable ? names.suspendedProfile() : names.planProfile(desired.plan.planId, throttled);
      entries.push({
        path: HOTSPOT_USER.path,
        identity: marker('user'),
        subscriberId: sid,
        fields: {
          name: credentials.username,
          password: credentials.password,
          profile,
          ...(ip === undefined ? {} : { address: ip }),
          ...(desired.macAddress === undefined ? {} : { 'mac-address': desired.macAddress.toUpperCase() }),
          disabled: yesNo(disable),
          comment: marker('user'),
        },
      });
      break;
    }
  }
  // Address-based methods put the address on the suspension / throttle lists; PPPoE and Hotspot sessions get
  // there through the address-list of their suspension / throttle profile.
  const addressBased = desired.method === 'simple-queue' || desired.method === 'pcq-address-list';
  if (ip !== undefined && addressBased) {
    if (suspended) entries.push(listEntry('suspend', config.suspensionList, ip));
    if (throttled) entries.push(listEntry('throttle', config.throttleList, ip));
  }
  return entries;
}
