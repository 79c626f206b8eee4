import type { DiscoveredAccount } from '@isp/contracts';
import { normaliseAddress } from '../normalize/address.js';
import { normaliseBoolean } from '../normalize/boolean.js';
import { parseRatePair } from '../normalize/rate-pair.js';
import type { PlanningConfig } from '../plan/desired-entry.js';
import { objectNames } from '../plan/names.js';
import { hasItemId, isOwnedRow } from '../plan/plan-changes.js';
import { type Row, rowsOf, type Snapshot } from '../plan/snapshot.js';
import {
  ADDRESS_LIST,
  HOTSPOT_USER,
  HOTSPOT_USER_PROFILE,
  PPP_PROFILE,
  PPP_SECRET,
  QUEUE_SIMPLE,
} from '../resources/menus.js';

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function singleHost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const normal = normaliseAddress(value);
  return IPV4.test(normal) && normal !== '0.0.0.0' ? normal : undefined;
}

const usable = (path: string, row: Row, prefix: string): boolean =>
  hasItemId(row) && row['dynamic'] !== 'true' && row['dynamic'] !== 'yes' && !isOwnedRow(path, row, prefix);

/** Key of an address-list entry in `DiscoveredAccount.key`. */
export const addressListKey = (list: string, address: string): string => `${list} ${address}`;

/**
 * Accounts on the router without our ownership marker: candidate accounts to import (M4). Address-list
 * entries count as PCQ accounts unless they sit in the suspension, throttle or one of our plan lists.
 */
export function discoverAccounts(
  routerId: string,
  snapshot: Snapshot,
  config: PlanningConfig,
): DiscoveredAccount[] {
  const prefix = config.prefix;
  const out: DiscoveredAccount[] = [];
  const rateOfProfile = (path: string, profile: string | undefined) => {
    const row = rowsOf(snapshot, path).find((r) => r['name'] === profile);
    return row?.['rate-limit'] === undefined ? null : parseRatePair(row['rate-limit']);
  };
  const common = (row: Row) => ({
    routerId,
    disabled: normaliseBoolean(row['disabled'] ?? 'false') === 'true',
    ...(row['comment'] === undefined || row['comment'] === '' ? {} : { comment: row['comment'] }),
  });
  for (const row of rowsOf(snapshot, QUEUE_SIMPLE.path)) {
    if (!usable(QUEUE_SIMPLE.path, row, prefix) || row['name'] === undefined) continue;
    const ipv4 = singleHost(row['target']);
    const rate = row['max-limit'] === undefined ? null : parseRatePair(row['max-limit']);
    out.push({
      ...common(row),
      method: 'simple-queue',
      key: row['name'],
      ...(ipv4 === undefined ? {} : { ipv4 }),
      ...(rate === null ? {} : { rate }),
    });
  }
  const names = objectNames(config);
  const ours = (list: string): boolean =>
    list === config.suspensionList ||
    list === config.throttleList ||
    list.startsWith(names.planList('', false));
  for (const row of rowsOf(snapshot, ADDRESS_LIST.path)) {
    const list = row['list'];
    const address = row['address'];
    if (!usable(ADDRESS_LIST.path, row, prefix) || list === undefined || address === undefined || ours(list))
      continue;
    const ipv4 = singleHost(address);
    out.push({
      ...common(row),
      method: 'pcq-address-list',
      key: addressListKey(list, normaliseAddress(address)),
      ...(ipv4 === undefined ? {} : { ipv4 }),
      profile: list,
    });
  }
  for (const [menu, method, profiles] of [
    [PPP_SECRET.path, 'pppoe', PPP_PROFILE.path],
    [HOTSPOT_USER.path, 'hotspot', HOTSPOT_USER_PROFILE.path],
  ] as const) {
    for (const row of rowsOf(snapshot, menu)) {
      const name = row['name'];
      if (!usable(menu, row, prefix) || name === undefined) continue;
      if (method === 'hotspot' && name === 'default-trial') continue;
      const ipv4 = singleHost(method === 'pppoe' ? row['remote-address'] : row['address']);
      const rate = rateOfProfile(profiles, row['profile']);
      out.push({
        ...common(row),
        method,
        key: name,
        username: name,
        ...(ipv4 === undefined ? {} : { ipv4 }),
        ...(row['profile'] === undefined ? {} : { profile: row['profile'] }),
        ...(rate === null ? {} : { rate }),
      });
    }
  }
  return out;
}
