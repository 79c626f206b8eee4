import { MENUS } from '../menus/descriptors/index';
import type { Row } from '../menus/types';
import type { RouterState } from './router-state';

/** A JSON-serialisable copy of the router's tables (stored values, hidden fields included). */
export interface StateSnapshot {
  readonly format: 'routeros-emulator/1';
  readonly menus: Readonly<
    Record<string, { readonly nextId: number; readonly rows: readonly Readonly<Record<string, string>>[] }>
  >;
}

export interface SnapshotOptions {
  /** Leave out dynamic rows and live sessions (what survives a reboot). Default false. */
  readonly configurationOnly?: boolean;
  /** Replace passwords with `***`. Default false (a snapshot must restore logins). */
  readonly redactSecrets?: boolean;
}

export type SeedResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: { readonly type: 'InvalidSnapshot'; readonly message: string } };

const RUNTIME_MENUS = new Set(['/ppp/active', '/ip/hotspot/active', '/system/resource']);
const SECRET_KEYS = new Set(['password']);

export function takeSnapshot(state: RouterState, options: SnapshotOptions = {}): StateSnapshot {
  const menus: Record<string, { nextId: number; rows: Record<string, string>[] }> = {};
  for (const [path, table] of state.tables) {
    if (path === '/system/resource') continue;
    const rows = table.rows
      .filter(
        (row) => !options.configurationOnly || (!RUNTIME_MENUS.has(path) && row.get('dynamic') !== 'true'),
      )
      .map((row) =>
        Object.fromEntries(
          [...row].map(([key, value]) => [
            key,
            options.redactSecrets && SECRET_KEYS.has(key) ? '***' : value,
          ]),
        ),
      );
    if (options.configurationOnly && RUNTIME_MENUS.has(path)) continue;
    menus[path] = { nextId: table.nextId, rows };
  }
  return { format: 'routeros-emulator/1', menus };
}

const invalid = (message: string): SeedResult => ({ ok: false, error: { type: 'InvalidSnapshot', message } });
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Replaces the given menus' rows with the snapshot's (menus it does not name keep their rows).
 * Rows are taken as stored values; ids are kept. Validation covers shape, not RouterOS rules.
 */
export function applySnapshot(state: RouterState, snapshot: unknown): SeedResult {
  if (!isRecord(snapshot) || snapshot.format !== 'routeros-emulator/1' || !isRecord(snapshot.menus)) {
    return invalid('expected { format: "routeros-emulator/1", menus: { … } }');
  }
  const staged = new Map<string, { nextId: number; rows: Row[] }>();
  for (const [path, value] of Object.entries(snapshot.menus)) {
    const table = state.table(path);
    if (!table || path === '/system/resource') return invalid(`unknown or read-only menu ${path}`);
    if (!isRecord(value) || !Array.isArray(value.rows))
      return invalid(`menu ${path}: expected { nextId, rows: [] }`);
    const rows: Row[] = [];
    let maxId = 0;
    const seen = new Set<string>();
    for (const [index, raw] of value.rows.entries()) {
      if (!isRecord(raw)) return invalid(`menu ${path} row ${index}: expected an object of strings`);
      const row: Row = new Map();
      for (const [key, cell] of Object.entries(raw)) {
        if (typeof cell !== 'string' || cell.length > 1_000_000 || key.length > 256) {
          return invalid(`menu ${path} row ${index}: ${key.slice(0, 64)} must be a string`);
        }
        row.set(key, cell);
      }
      const id = row.get('.id');
      if (!table.spec.singleton) {
        if (id === undefined || !/^\*[0-9A-F]{1,8}$/.test(id) || seen.has(id)) {
          return invalid(`menu ${path} row ${index}: missing, malformed or duplicate .id`);
        }
        seen.add(id);
        maxId = Math.max(maxId, Number.parseInt(id.slice(1), 16));
      }
      rows.push(row);
    }
    if (table.spec.singleton && rows.length !== 1) return invalid(`menu ${path}: expected exactly one row`);
    const nextId = typeof value.nextId === 'number' && Number.isInteger(value.nextId) ? value.nextId : 1;
    staged.set(path, { nextId: Math.max(nextId, maxId + 1), rows });
  }
  for (const [path, { nextId, rows }] of staged) state.setRows(path, rows, nextId);
  return { ok: true };
}

/** Paths of every emulated menu. */
export const MENU_PATHS: readonly string[] = MENUS.map((spec) => spec.path);
