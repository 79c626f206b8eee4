/**
 * What the router must hold, computed independently of any strategy: the entries each subscriber owns
 * (rendered by the adapter's pure recipe, so every strategy writes the same rows), the writes a perfect
 * client needs, and the checks every run's final state must pass.
 */
import { createHash } from 'node:crypto';
import type { DesiredAccess } from '@isp/contracts';
import {
  type DesiredEntry,
  differingFields,
  isOwnedRow,
  menuOf,
  type PlanningConfig,
  renderSubscriber,
  resolvePlanningConfig,
} from '@isp/routeros';
import type { Mode } from './fixtures.js';

export type Row = Readonly<Record<string, string>>;
export type Tables = ReadonlyMap<string, readonly Row[]>;

export const PLANNING: PlanningConfig = resolvePlanningConfig({});
export const PREFIX = PLANNING.prefix;

/** Menus that hold per-subscriber rows, per mode. */
export function subscriberMenus(mode: Mode): readonly string[] {
  return mode === 'simple-queue'
    ? ['/queue/simple', '/ip/firewall/address-list']
    : ['/ip/firewall/address-list'];
}

/** Menus the final-state fingerprint covers. */
export const STATE_MENUS = [
  '/ip/firewall/address-list',
  '/queue/simple',
  '/queue/type',
  '/queue/tree',
  '/ip/firewall/mangle',
  '/ip/firewall/filter',
  '/ip/firewall/nat',
];

/** Markers a subscriber of this mode may own (whatever its state): the per-subscriber lookup set. */
export function possibleMarkers(mode: Mode, subscriberId: string): { path: string; marker: string }[] {
  const m = (role: string): string => `${PREFIX}:${subscriberId}:${role}`;
  const lists = [
    { path: '/ip/firewall/address-list', marker: m('suspend') },
    { path: '/ip/firewall/address-list', marker: m('throttle') },
  ];
  return mode === 'simple-queue'
    ? [{ path: '/queue/simple', marker: m('queue') }, ...lists]
    : [{ path: '/ip/firewall/address-list', marker: m('plan') }, ...lists];
}

/** Every subscriber's desired entries, keyed by subscriber. */
export function renderDesired(desired: readonly DesiredAccess[]): Map<string, DesiredEntry[]> {
  const out = new Map<string, DesiredEntry[]>();
  for (const d of desired) out.set(d.subscriberId, renderSubscriber(d, PLANNING));
  return out;
}

/** The subscriber an owned row belongs to (`null` for infrastructure or foreign rows). */
export function ownerOf(row: Row): string | null {
  const comment = row['comment'];
  if (comment === undefined || !comment.startsWith(`${PREFIX}:`)) return null;
  const body = comment.slice(PREFIX.length + 1);
  if (body.startsWith('infra:')) return null;
  const cut = body.lastIndexOf(':');
  return cut > 0 ? body.slice(0, cut) : null;
}

function isSubscriberRow(path: string, row: Row): boolean {
  return row['dynamic'] !== 'true' && isOwnedRow(path, row, PREFIX) && ownerOf(row) !== null;
}

export interface WriteCount {
  readonly add: number;
  readonly set: number;
  readonly remove: number;
  readonly total: number;
}

/** The writes a perfect client needs to go from `tables` to the desired entries (subscriber rows only). */
export function neededWrites(
  tables: Tables,
  desired: ReadonlyMap<string, readonly DesiredEntry[]>,
): WriteCount {
  let add = 0;
  let set = 0;
  let remove = 0;
  const byIdentity = new Map<string, Row[]>();
  for (const [path, rows] of tables) {
    for (const row of rows) {
      if (!isSubscriberRow(path, row)) continue;
      const key = `${path}|${row['comment'] ?? ''}`;
      const list = byIdentity.get(key);
      if (list === undefined) byIdentity.set(key, [row]);
      else list.push(row);
    }
  }
  const wanted = new Set<string>();
  for (const entries of desired.values()) {
    for (const entry of entries) {
      const key = `${entry.path}|${entry.identity}`;
      wanted.add(key);
      const rows = byIdentity.get(key);
      const first = rows?.[0];
      if (first === undefined) add++;
      else if (differingFields(menuOf(entry.path), entry.fields, first).length > 0) set++;
      if (rows !== undefined && rows.length > 1) remove += rows.length - 1;
    }
  }
  for (const [key, rows] of byIdentity) if (!wanted.has(key)) remove += rows.length;
  return { add, set, remove, total: add + set + remove };
}

export interface Verification {
  readonly ok: boolean;
  /** Desired entries missing or differing, owned rows that should not exist, duplicates. */
  readonly diffSize: number;
  readonly duplicates: number;
  /** Foreign rows (not ours) changed or removed by the run. */
  readonly foreignTouched: number;
  readonly problems: readonly string[];
}

/** Checks the final state: exactly the desired subscriber rows, no duplicates, foreign rows intact. */
export function verifyFinal(
  tables: Tables,
  desired: ReadonlyMap<string, readonly DesiredEntry[]>,
  foreignBefore: readonly { path: string; row: Row }[],
): Verification {
  const writes = neededWrites(tables, desired);
  const problems: string[] = [];
  let duplicates = 0;
  const seen = new Set<string>();
  for (const [path, rows] of tables) {
    for (const row of rows) {
      if (!isSubscriberRow(path, row)) continue;
      const key = `${path}|${row['comment'] ?? ''}`;
      if (seen.has(key)) duplicates++;
      seen.add(key);
    }
  }
  if (writes.total > 0) problems.push(`diff to desired: ${JSON.stringify(writes)}`);
  if (duplicates > 0) problems.push(`${duplicates} duplicate owned rows`);
  let foreignTouched = 0;
  const byId = new Map<string, Row>();
  for (const [path, rows] of tables) for (const row of rows) byId.set(`${path}|${row['.id'] ?? ''}`, row);
  for (const { path, row } of foreignBefore) {
    const after = byId.get(`${path}|${row['.id'] ?? ''}`);
    if (after === undefined || canonicalRow(after) !== canonicalRow(row)) foreignTouched++;
  }
  if (foreignTouched > 0) problems.push(`${foreignTouched} foreign rows touched`);
  return {
    ok: problems.length === 0,
    diffSize: writes.total,
    duplicates,
    foreignTouched,
    problems,
  };
}

/** Rows that are not ours at all (no marker, not an owned name) and not built in. */
export function foreignRows(tables: Tables): { path: string; row: Row }[] {
  const out: { path: string; row: Row }[] = [];
  for (const [path, rows] of tables) {
    for (const row of rows) {
      if (row['dynamic'] === 'true' || row['default'] === 'true' || row['builtin'] === 'true') continue;
      if (isOwnedRow(path, row, PREFIX)) continue;
      out.push({ path, row });
    }
  }
  return out;
}

const VOLATILE = new Set([
  '.id',
  'creation-time',
  'bytes',
  'packets',
  'rate',
  'dropped',
  'queued-bytes',
  'queued-packets',
]);

function canonicalRow(row: Row): string {
  const keys = Object.keys(row)
    .filter((k) => !VOLATILE.has(k) && !k.startsWith('total-'))
    .sort();
  return JSON.stringify(keys.map((k) => [k, row[k]]));
}

/** A fingerprint of the configuration (ids and counters left out): equal for strategies that converge alike. */
export function fingerprint(tables: Tables): string {
  const hash = createHash('sha256');
  for (const path of STATE_MENUS) {
    const rows = (tables.get(path) ?? []).map(canonicalRow).sort();
    hash.update(`${path}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}
