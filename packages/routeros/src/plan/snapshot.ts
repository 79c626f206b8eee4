/** One printed row: every property a string, `.id` included. */
export type Row = Readonly<Record<string, string>>;

/** What the router holds: the rows of every menu read, in print order. */
export interface Snapshot {
  readonly menus: ReadonlyMap<string, readonly Row[]>;
}

export function rowsOf(snapshot: Snapshot, path: string): readonly Row[] {
  return snapshot.menus.get(path) ?? [];
}

export function emptySnapshot(): Snapshot {
  return { menus: new Map() };
}
