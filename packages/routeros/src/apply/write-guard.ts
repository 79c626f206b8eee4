import type { AccessNetworkError } from '@isp/contracts';
import { unsafeWrite } from '../errors.js';
import type { Change } from '../plan/change.js';
import { isOwnedRow } from '../plan/plan-changes.js';
import type { Row, Snapshot } from '../plan/snapshot.js';
import { menuOf } from '../resources/menus.js';

const ID_INDEX = new WeakMap<readonly Row[], Map<string, Row>>();

/** A printed row by `.id` (indexed once per menu read). */
export function rowById(snapshot: Snapshot, path: string, id: string | undefined): Row | undefined {
  const rows = snapshot.menus.get(path);
  if (rows === undefined || id === undefined) return undefined;
  let index = ID_INDEX.get(rows);
  if (index === undefined) {
    index = new Map(rows.map((row) => [row['.id'] ?? '', row]));
    ID_INDEX.set(rows, index);
  }
  return index.get(id);
}

/** Answers whether an address lies inside the router's customer networks. */
export type CustomerNetworkCheck = (ipv4: string) => boolean;

/** Properties holding a subscriber address, per menu. */
const ADDRESS_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '/queue/simple': ['target'],
  '/ip/firewall/address-list': ['address'],
  '/ppp/secret': ['remote-address'],
  '/ip/hotspot/user': ['address'],
};

function hostOf(part: string): { host: string; prefix: number | null } {
  const [host = '', prefix] = part.trim().split('/');
  return { host, prefix: prefix === undefined ? null : Number(prefix) };
}

/**
 * The write guards (X2), checked on every write right before it is sent: no simple queue with an empty or
 * default-route target, no subscriber address outside the customer networks, and no change or removal of an
 * entry that does not carry our ownership marker.
 */
export function checkWrite(
  change: Change,
  snapshot: Snapshot,
  context: {
    readonly routerId: string;
    readonly prefix: string;
    readonly inCustomerNetworks: CustomerNetworkCheck;
  },
): AccessNetworkError | null {
  const { routerId } = context;
  const menu = menuOf(change.path);
  if (change.operation === 'update' || change.operation === 'remove') {
    const row = rowById(snapshot, change.path, change.id);
    if (row === undefined || !isOwnedRow(change.path, row, context.prefix)) {
      return unsafeWrite(
        routerId,
        'not-owned',
        `${change.path} ${change.key}`,
        `refused to ${change.operation} ${change.path} ${change.id ?? ''}: not an entry we own`,
      );
    }
  }
  if (change.operation === 'kick') {
    if (menu.kind !== 'session') {
      return unsafeWrite(
        routerId,
        'not-owned',
        `${change.path} ${change.key}`,
        `refused to kick in ${change.path}: not a session menu`,
      );
    }
    return null;
  }
  if (change.operation === 'remove') return null;
  if (change.path === '/queue/simple') {
    const target = change.fields['target'];
    if (change.operation === 'create' && (target === undefined || target.trim() === '')) {
      return unsafeWrite(
        routerId,
        'empty-target',
        change.key,
        'refused to write a simple queue without a target',
      );
    }
    if (target !== undefined) {
      if (target.trim() === '')
        return unsafeWrite(
          routerId,
          'empty-target',
          change.key,
          'refused to clear the target of a simple queue',
        );
      for (const part of target.split(',')) {
        const { host, prefix } = hostOf(part);
        if (prefix === 0 || host === '0.0.0.0') {
          return unsafeWrite(
            routerId,
            'default-route-target',
            change.key,
            `refused a simple queue targeting ${part.trim()}`,
          );
        }
      }
    }
  }
  for (const field of ADDRESS_FIELDS[change.path] ?? []) {
    const value = change.fields[field];
    if (value === undefined) continue;
    if (change.subscriberId === null) continue;
    for (const part of value.split(',')) {
      const { host, prefix } = hostOf(part);
      if ((prefix !== null && prefix !== 32) || !context.inCustomerNetworks(host)) {
        return unsafeWrite(
          routerId,
          'outside-customer-networks',
          change.key,
          `${part.trim()} is outside the customer networks of router ${routerId}`,
        );
      }
    }
  }
  return null;
}
