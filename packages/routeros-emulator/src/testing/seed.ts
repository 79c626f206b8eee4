import { executeCommand } from '../engine/execute-command';
import { RouterState } from '../engine/router-state';
import { type StateSnapshot, takeSnapshot } from '../engine/snapshot';
import type { Trap } from '../engine/trap';
import type { Emulator } from '../server/emulator';
import { parseRosVersion } from '../server/ros-version';

export type SeedRows = Readonly<Record<string, readonly Readonly<Record<string, string>>[]>>;

export type BuildSnapshotResult =
  | { readonly ok: true; readonly snapshot: StateSnapshot }
  | {
      readonly ok: false;
      readonly error: {
        readonly type: 'SeedRejected';
        readonly menu: string;
        readonly index: number;
        readonly traps: readonly Trap[];
        readonly message: string;
      };
    };

/**
 * Builds a snapshot from rows written as a client would add them (`{ name, 'max-limit': '10M/20M' }`),
 * normalised and validated by the same engine; built-in rows are kept. Menus are filled in the order given.
 */
export function buildSnapshot(
  menus: SeedRows,
  options: { readonly rosVersion?: string; readonly clock?: () => number } = {},
): BuildSnapshotResult {
  const version = parseRosVersion(options.rosVersion ?? '7.18');
  if (!version.ok) {
    return {
      ok: false,
      error: { type: 'SeedRejected', menu: '', index: -1, traps: [], message: version.message },
    };
  }
  const state = new RouterState({
    version: version.version,
    clock: options.clock ?? Date.now,
    interfaces: ['ether1', 'ether2', 'ether3', 'ether4', 'ether5', 'bridge', 'wlan1'],
  });
  for (const [menu, rows] of Object.entries(menus)) {
    for (const [index, row] of (rows ?? []).entries()) {
      const attributes = new Map<string, string>();
      for (const [key, value] of Object.entries(row ?? {})) {
        if (typeof value === 'string') attributes.set(key, value);
      }
      const result = executeCommand(state, {
        menu,
        command: state.table(menu)?.spec.singleton ? 'set' : 'add',
        attributes,
        queries: [],
        operator: true,
      });
      if (result.traps.length > 0) {
        const message = `${menu} row ${index}: ${result.traps.map((trap) => trap.message).join('; ')}`;
        return { ok: false, error: { type: 'SeedRejected', menu, index, traps: result.traps, message } };
      }
    }
  }
  return { ok: true, snapshot: takeSnapshot(state) };
}

/** Adds rows to a running emulator as a technician would; returns the new ids or the first rejection. */
export function seedRows(
  emulator: Emulator,
  menu: string,
  rows: readonly Readonly<Record<string, string>>[],
):
  | { readonly ok: true; readonly ids: readonly string[] }
  | { readonly ok: false; readonly index: number; readonly traps: readonly Trap[] } {
  const ids: string[] = [];
  for (const [index, row] of rows.entries()) {
    const result = emulator.operator.add(menu, row);
    if (!result.ok) return { ok: false, index, traps: result.traps };
    if (result.id !== undefined) ids.push(result.id);
  }
  return { ok: true, ids };
}

/** Rows of one menu in a snapshot (stored values, hidden fields included). */
export function snapshotRows(
  snapshot: StateSnapshot,
  menu: string,
): readonly Readonly<Record<string, string>>[] {
  return snapshot.menus[menu]?.rows ?? [];
}
