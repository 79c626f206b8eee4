import type { Change } from './change.js';
import type { Row, Snapshot } from './snapshot.js';

/**
 * Applies changes to a snapshot in memory, the way a router would: create appends a row with a fresh `.id`
 * (or inserts it before `placeBefore`), update merges fields, remove and kick delete the row. Pure; used by
 * the planner's properties and the model-based tests.
 */
export function simulateChanges(snapshot: Snapshot, changes: readonly Change[]): Snapshot {
  const menus = new Map<string, Row[]>();
  for (const [path, rows] of snapshot.menus) menus.set(path, [...rows]);
  let next = 0;
  for (const rows of menus.values()) {
    for (const row of rows) {
      const n = Number.parseInt((row['.id'] ?? '').replace('*', ''), 16);
      if (Number.isFinite(n) && n >= next) next = n + 1;
    }
  }
  for (const change of changes) {
    const rows = menus.get(change.path) ?? [];
    menus.set(change.path, rows);
    if (change.operation === 'create') {
      const row: Row = { ...change.fields, '.id': `*${(next++).toString(16).toUpperCase()}` };
      const at =
        change.placeBefore === undefined ? -1 : rows.findIndex((r) => r['.id'] === change.placeBefore);
      if (at >= 0) rows.splice(at, 0, row);
      else rows.push(row);
    } else if (change.operation === 'update') {
      const at = rows.findIndex((r) => r['.id'] === change.id);
      const current = rows[at];
      if (current !== undefined) rows[at] = { ...current, ...change.fields };
    } else {
      const at = rows.findIndex((r) => r['.id'] === change.id);
      if (at >= 0) rows.splice(at, 1);
    }
  }
  return { menus };
}
