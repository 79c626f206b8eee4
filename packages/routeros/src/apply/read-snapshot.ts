import { err, ok, type Result, ResultAsync } from 'neverthrow';
import type { RouterError } from '../errors.js';
import type { Row, Snapshot } from '../plan/snapshot.js';
import { type ResourceDescriptor, readProperties } from '../resources/resource-descriptor.js';
import type { RouterConnection } from '../transport/router-connection.js';

/** Progress of a run, for logs and progress bars. No secrets. */
export type ProgressEvent =
  | { readonly type: 'read'; readonly routerId: string; readonly path: string; readonly rows: number }
  | { readonly type: 'planned'; readonly routerId: string; readonly changes: number }
  | {
      readonly type: 'applied';
      readonly routerId: string;
      readonly subscriberId: string | null;
      readonly operation: string;
      readonly path: string;
      readonly key: string;
      readonly ok: boolean;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'finished'; readonly routerId: string; readonly failed: number };

/** The print command of a menu: `.proplist` only, optionally narrowed by query words. */
export function printWords(menu: ResourceDescriptor, queries: readonly string[] = []): string[] {
  return [`${menu.path}/print`, `=.proplist=${readProperties(menu).join(',')}`, ...queries];
}

/**
 * Reads one menu; an optional menu the router lacks (`no such command`) reads as empty. A print caught by a lost
 * connection is sent once more (on the reconnected connection): reading is idempotent, and a router that closed
 * the connection right after its last reply would otherwise fail the next run's first reads.
 */
export function readMenu(
  connection: RouterConnection,
  menu: ResourceDescriptor,
  queries: readonly string[] = [],
): ResultAsync<readonly Row[], RouterError> {
  const words = printWords(menu, queries);
  return connection
    .command(words)
    .orElse((error) => (error.type === 'ConnectionLost' ? connection.command(words) : err(error)))
    .map((rows) => rows as readonly Row[])
    .orElse((error) =>
      error.type === 'RouterTrap' && error.category === 'no-such-command' && menu.optional === true
        ? ok([] as readonly Row[])
        : err(error),
    );
}

/** Reads every menu once (pipelined on the connection) into a snapshot. */
export function readSnapshot(
  connection: RouterConnection,
  menus: readonly ResourceDescriptor[],
  onProgress: (event: ProgressEvent) => void = () => undefined,
): ResultAsync<Snapshot, RouterError> {
  const reads = menus.map((menu) =>
    readMenu(connection, menu).map((rows) => {
      onProgress({ type: 'read', routerId: connection.routerId, path: menu.path, rows: rows.length });
      return [menu.path, rows] as const;
    }),
  );
  return ResultAsync.fromSafePromise(Promise.all(reads)).andThen((results) => {
    const menusRead = new Map<string, readonly Row[]>();
    for (const result of results as Result<readonly [string, readonly Row[]], RouterError>[]) {
      if (result.isErr()) return err(result.error);
      menusRead.set(result.value[0], result.value[1]);
    }
    return ok({ menus: menusRead } as Snapshot);
  });
}
