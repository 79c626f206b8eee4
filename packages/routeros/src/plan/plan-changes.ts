import type { AccessNetworkError } from '@isp/contracts';
import { unsafeWrite } from '../errors.js';
import { formatBits } from '../normalize/bits.js';
import { ALL_MENUS, menuOf } from '../resources/menus.js';
import type { ResourceDescriptor } from '../resources/resource-descriptor.js';
import type { Change, Phase } from './change.js';
import type { DesiredEntry } from './desired-entry.js';
import { createOwnership, type OwnedMarker, type Ownership } from './ownership.js';
import { type Row, rowsOf, type Snapshot } from './snapshot.js';

/** Live sessions to drop when an account changes or goes: session menu and the property holding the user. */
export const SESSION_LINKS: Readonly<Record<string, readonly { path: string; field: string }[]>> = {
  '/ppp/secret': [{ path: '/ppp/active', field: 'name' }],
  '/ip/hotspot/user': [
    { path: '/ip/hotspot/active', field: 'user' },
    { path: '/ip/hotspot/cookie', field: 'user' },
  ],
};

export interface PlanScope {
  /** Subscribers whose owned entries may change: `all` (reconcile) or the synced ones. */
  readonly subscribers: ReadonlySet<string> | 'all';
  /** Remove owned infrastructure that is not desired (reconcile). */
  readonly removeInfrastructure: boolean;
  /** Subscribers never touched (their desired access was invalid). */
  readonly untouchable: ReadonlySet<string>;
}

export interface PlanResult {
  readonly changes: readonly Change[];
  /** Subscribers with owned entries in the snapshot (before the plan). */
  readonly subscribersWithEntries: ReadonlySet<string>;
  /** Subscribers whose changes were refused while planning (e.g. a foreign entry holds their name). */
  readonly failures: ReadonlyMap<string, AccessNetworkError>;
  readonly infrastructureFailures: readonly AccessNetworkError[];
}

export interface PlanOptions {
  readonly routerId: string;
  readonly prefix: string;
}

const ITEM_ID = /^\*[0-9A-Fa-f]{1,16}$/;

/** Whether a row carries a usable `.id` (rows without one can be neither changed nor removed). */
export function hasItemId(row: Row): boolean {
  return typeof row['.id'] === 'string' && ITEM_ID.test(row['.id']);
}

interface OwnedRow {
  readonly row: Row;
  readonly identity: string;
  readonly subscriberId: string | null;
}

function ownedIdentity(
  menu: ResourceDescriptor,
  row: Row,
  ownership: Ownership,
): { identity: string; marker: OwnedMarker | null } | null {
  if (row['dynamic'] === 'true' || row['dynamic'] === 'yes') return null;
  if (!hasItemId(row)) return null;
  if (menu.ownership === 'comment') {
    const comment = row['comment'];
    const marker = ownership.parseComment(comment);
    return marker === null || comment === undefined ? null : { identity: comment, marker };
  }
  const name = row['name'];
  return ownership.ownsName(name) && name !== undefined ? { identity: name, marker: null } : null;
}

/** The normalised values of a menu's unique fields, as one comparable key. */
function uniqueKey(
  menu: ResourceDescriptor,
  fields: readonly string[],
  values: Readonly<Record<string, string>>,
): string {
  return fields
    .map((f) => {
      const spec = menu.fields[f];
      const raw = values[f] ?? spec?.default ?? '';
      return spec === undefined ? raw : spec.normalise(raw);
    })
    .join('\u0000');
}

/** Whether a row carries our ownership marker (comment marker or owned name). */
export function isOwnedRow(path: string, row: Row, prefix: string): boolean {
  return ownedIdentity(menuOf(path), row, createOwnership(prefix)) !== null;
}

/** Compares desired fields with a row; the differing field names. */
export function differingFields(
  menu: ResourceDescriptor,
  desired: Readonly<Record<string, string>>,
  row: Row,
): string[] {
  const out: string[] = [];
  for (const [field, value] of Object.entries(desired)) {
    const spec = menu.fields[field];
    if (spec === undefined) continue;
    const actual = row[field];
    if (actual === undefined && spec.secret === true) continue;
    const have = spec.normalise(actual ?? spec.default ?? '');
    if (spec.normalise(value) !== have) out.push(field);
  }
  return out;
}

function showValue(field: string, value: string, menu: ResourceDescriptor): string {
  const spec = menu.fields[field];
  if (spec?.secret === true) return '***';
  const normal = spec === undefined ? value : spec.normalise(value);
  if (/^\d+\/\d+$/.test(normal)) {
    const [up, down] = normal.split('/').map(Number);
    return `${formatBits(up ?? 0)}/${formatBits(down ?? 0)}`;
  }
  return normal === '' ? '""' : normal;
}

function describeDiff(
  menu: ResourceDescriptor,
  fields: readonly string[],
  desired: Record<string, string>,
  row: Row,
): string {
  return fields
    .map((field) => {
      const spec = menu.fields[field];
      if (spec?.secret === true) return `${field} differs`;
      const before = row[field] ?? spec?.default ?? '';
      return `${field} differs (${showValue(field, before, menu)} → ${showValue(field, desired[field] ?? '', menu)})`;
    })
    .join('; ');
}

function secretFieldsOf(menu: ResourceDescriptor, fields: Readonly<Record<string, string>>): string[] {
  return Object.keys(fields).filter((field) => menu.fields[field]?.secret === true);
}

function chainAnchor(
  rows: readonly Row[],
  chain: string | undefined,
  placement: DesiredEntry['placement'],
  prefix: string,
  path: string,
): string | undefined {
  for (const row of rows) {
    if (row['chain'] !== chain) continue;
    if (row['dynamic'] === 'true' || row['dynamic'] === 'yes' || !hasItemId(row)) continue;
    if (placement === 'before-fasttrack') {
      if (row['action'] === 'fasttrack-connection') return row['.id'];
      continue;
    }
    if (!isOwnedRow(path, row, prefix)) return row['.id'];
  }
  return undefined;
}

/**
 * The pure planner (X1): desired entries + a router snapshot → the changes that make the router's owned
 * entries equal the desired ones. It never plans a change to an entry without our ownership marker; kicks
 * only target live sessions of accounts we own.
 */
export function planChanges(
  entries: readonly DesiredEntry[],
  snapshot: Snapshot,
  scope: PlanScope,
  options: PlanOptions,
): PlanResult {
  const ownership = createOwnership(options.prefix);
  const inScope = (subscriberId: string | null): boolean =>
    subscriberId === null
      ? true
      : !scope.untouchable.has(subscriberId) &&
        (scope.subscribers === 'all' || scope.subscribers.has(subscriberId));

  // Index owned rows by path + identity, and foreign unique values.
  const owned = new Map<string, Map<string, OwnedRow[]>>();
  const subscribersWithEntries = new Set<string>();
  const paths = new Set<string>([...snapshot.menus.keys(), ...entries.map((e) => e.path)]);
  for (const path of paths) {
    // A snapshot may hold a menu we do not manage (a hand-built or corrupted one): nothing of it is ours.
    const menu = ALL_MENUS.find((m) => m.path === path);
    if (menu === undefined || menu.kind !== 'config') continue;
    const byIdentity = new Map<string, OwnedRow[]>();
    for (const row of rowsOf(snapshot, path)) {
      const found = ownedIdentity(menu, row, ownership);
      if (found === null) continue;
      const subscriberId = found.marker?.kind === 'subscriber' ? found.marker.subscriberId : null;
      if (subscriberId !== null) subscribersWithEntries.add(subscriberId);
      const list = byIdentity.get(found.identity) ?? [];
      list.push({ row, identity: found.identity, subscriberId });
      byIdentity.set(found.identity, list);
    }
    owned.set(path, byIdentity);
  }

  const changes: Change[] = [];
  const failures = new Map<string, AccessNetworkError>();
  const infrastructureFailures: AccessNetworkError[] = [];
  const matched = new Set<Row>();
  const kickUsers = new Map<string, { subscriberId: string | null; users: Set<string>; reason: string }>();
  const addKick = (
    path: string,
    subscriberId: string | null,
    user: string | undefined,
    reason: string,
  ): void => {
    if (user === undefined || user === '') return;
    const key = `${path}\u0000${subscriberId ?? ''}`;
    const entry = kickUsers.get(key) ?? { subscriberId, users: new Set<string>(), reason };
    entry.users.add(user);
    kickUsers.set(key, entry);
  };
  const fail = (subscriberId: string | null, error: AccessNetworkError): void => {
    if (subscriberId === null) infrastructureFailures.push(error);
    else if (!failures.has(subscriberId)) failures.set(subscriberId, error);
  };

  // Unique values held by entries we do not own, per menu and key fields (built on first use).
  const foreignIndex = new Map<string, Set<string>>();
  const foreignKeys = (path: string, fields: readonly string[]): Set<string> => {
    const cacheKey = `${path}\u0000${fields.join(',')}`;
    const cached = foreignIndex.get(cacheKey);
    if (cached !== undefined) return cached;
    const menu = menuOf(path);
    const keys = new Set<string>();
    for (const row of rowsOf(snapshot, path)) {
      if (row['dynamic'] === 'true' || row['dynamic'] === 'yes') continue;
      if (ownedIdentity(menu, row, ownership) !== null) continue;
      keys.add(uniqueKey(menu, fields, row));
    }
    foreignIndex.set(cacheKey, keys);
    return keys;
  };

  // Desired entries: create or converge.
  const desiredIdentities = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!inScope(entry.subscriberId)) continue;
    const menu = menuOf(entry.path);
    const identities = desiredIdentities.get(entry.path) ?? new Set<string>();
    if (identities.has(entry.identity)) continue;
    identities.add(entry.identity);
    desiredIdentities.set(entry.path, identities);
    const phase: Phase = entry.subscriberId === null ? 0 : 1;
    const existing = owned.get(entry.path)?.get(entry.identity)?.[0];
    if (existing === undefined) {
      const conflict = (menu.unique ?? []).find((fields) =>
        foreignKeys(entry.path, fields).has(uniqueKey(menu, fields, entry.fields)),
      );
      if (conflict !== undefined) {
        const value = conflict.map((f) => entry.fields[f] ?? '').join(' ');
        fail(
          entry.subscriberId,
          unsafeWrite(
            options.routerId,
            'not-owned',
            `${entry.path} ${value}`,
            `${entry.path} already holds ${conflict.join('+')} "${value}" in an entry we do not own; adopt it or rename it`,
          ),
        );
        continue;
      }
      const placeBefore =
        entry.placement === undefined
          ? undefined
          : chainAnchor(
              rowsOf(snapshot, entry.path),
              entry.fields['chain'],
              entry.placement,
              options.prefix,
              entry.path,
            );
      changes.push({
        subscriberId: entry.subscriberId,
        operation: 'create',
        path: entry.path,
        key: entry.identity,
        fields: entry.fields,
        secretFields: secretFieldsOf(menu, entry.fields),
        ...(placeBefore === undefined ? {} : { placeBefore }),
        ...(entry.sequence === undefined ? {} : { sequence: entry.sequence }),
        reason: 'missing',
        phase,
      });
      if (entry.fields['disabled'] === 'yes') {
        for (const link of SESSION_LINKS[entry.path] ?? []) {
          addKick(link.path, entry.subscriberId, entry.fields['name'], 'account disabled');
        }
      }
      continue;
    }
    matched.add(existing.row);
    const differing = differingFields(menu, entry.fields, existing.row);
    if (differing.length > 0) {
      const fields: Record<string, string> = {};
      for (const field of differing) fields[field] = entry.fields[field] ?? '';
      changes.push({
        subscriberId: entry.subscriberId,
        operation: 'update',
        path: entry.path,
        key: entry.identity,
        id: existing.row['.id'] ?? '',
        fields,
        secretFields: secretFieldsOf(menu, fields),
        reason: describeDiff(menu, differing, { ...entry.fields }, existing.row),
        phase,
      });
      if (differing.some((field) => field !== 'comment')) {
        for (const link of SESSION_LINKS[entry.path] ?? []) {
          addKick(link.path, entry.subscriberId, existing.row['name'], 'account changed');
          addKick(link.path, entry.subscriberId, entry.fields['name'], 'account changed');
        }
      }
    } else if (entry.fields['disabled'] === 'yes') {
      for (const link of SESSION_LINKS[entry.path] ?? []) {
        addKick(link.path, entry.subscriberId, existing.row['name'], 'account disabled');
      }
    }
  }

  // Owned rows that are not desired (or duplicates): remove.
  for (const [path, byIdentity] of owned) {
    const wanted = desiredIdentities.get(path) ?? new Set<string>();
    for (const [identity, rows] of byIdentity) {
      for (const item of rows) {
        if (matched.has(item.row)) continue;
        const subscriberId = item.subscriberId;
        if (
          subscriberId === null
            ? !scope.removeInfrastructure && !wanted.has(identity)
            : !inScope(subscriberId)
        )
          continue;
        const reason = wanted.has(identity) ? 'duplicate of an owned entry' : 'not desired';
        changes.push({
          subscriberId,
          operation: 'remove',
          path,
          key: identity,
          id: item.row['.id'] ?? '',
          fields: {},
          secretFields: [],
          reason,
          phase: subscriberId === null ? 3 : 1,
        });
        for (const link of SESSION_LINKS[path] ?? [])
          addKick(link.path, subscriberId, item.row['name'], 'account removed');
      }
    }
  }

  // Kicks: live sessions of the accounts that changed or went (sessions indexed by user once per menu).
  const sessionsByUser = new Map<string, Map<string, Row[]>>();
  const sessionsOf = (path: string, field: string, user: string): readonly Row[] => {
    let index = sessionsByUser.get(path);
    if (index === undefined) {
      index = new Map();
      for (const row of rowsOf(snapshot, path)) {
        const name = row[field];
        if (name === undefined || !hasItemId(row)) continue;
        const list = index.get(name) ?? [];
        list.push(row);
        index.set(name, list);
      }
      sessionsByUser.set(path, index);
    }
    return index.get(user) ?? [];
  };
  for (const [key, { subscriberId, users, reason }] of kickUsers) {
    const path = key.split('\u0000')[0] ?? '';
    const field = Object.values(SESSION_LINKS)
      .flat()
      .find((link) => link.path === path)?.field;
    if (field === undefined) continue;
    for (const user of users) {
      for (const row of sessionsOf(path, field, user)) {
        changes.push({
          subscriberId,
          operation: 'kick',
          path,
          key: user,
          id: row['.id'] ?? '',
          fields: {},
          secretFields: [],
          reason,
          phase: 2,
        });
      }
    }
  }

  // A subscriber refused while planning keeps its entries as they are.
  const kept = changes.filter((change) => change.subscriberId === null || !failures.has(change.subscriberId));
  const ordered = kept
    .map((change, index) => ({ change, index }))
    .sort((a, b) => a.change.phase - b.change.phase || a.index - b.index)
    .map(({ change }) => change);
  return { changes: ordered, subscribersWithEntries, failures, infrastructureFailures };
}
