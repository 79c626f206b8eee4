import { MENUS } from '../menus/descriptors/index';
import type { AttributeSpec, MenuSpec, Row, ValueContext } from '../menus/types';
import type { RosVersion } from '../server/ros-version';

/** One menu's rows, in order. */
export interface Table {
  readonly spec: MenuSpec;
  rows: Row[];
  nextId: number;
}

/** A change the `listen` command and observers see. */
export interface ChangeEvent {
  readonly menu: string;
  readonly id: string;
  readonly dead: boolean;
}

export interface StateOptions {
  readonly version: RosVersion;
  readonly clock: () => number;
  readonly interfaces: readonly string[];
}

/** Formats a numeric id as RouterOS does: `*` + uppercase hex. */
export const formatId = (n: number): string => `*${n.toString(16).toUpperCase()}`;

/** The router's configuration and runtime tables, run by the generic menu engine. */
export class RouterState {
  readonly tables = new Map<string, Table>();
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private readonly attributeIndex = new Map<string, Map<string, AttributeSpec>>();
  readonly options: StateOptions;
  readonly bootAt: number;

  constructor(options: StateOptions) {
    this.options = options;
    this.bootAt = options.clock();
    for (const spec of MENUS) {
      this.attributeIndex.set(
        spec.path,
        new Map(spec.attributes.map((attribute) => [attribute.name, attribute])),
      );
    }
    this.reset();
  }

  /** Restores the factory state: built-in rows only. */
  reset(): void {
    this.tables.clear();
    for (const spec of MENUS) {
      const table: Table = { spec, rows: [], nextId: 1 };
      for (const builtin of spec.builtins ?? []) {
        const row: Row = new Map();
        if (!spec.singleton) row.set('.id', formatId(table.nextId++));
        for (const attribute of spec.attributes) {
          if (attribute.default !== undefined && (!attribute.v7Only || this.options.version.major >= 7)) {
            row.set(attribute.name, attribute.default);
          }
        }
        for (const [key, value] of Object.entries(builtin)) row.set(key, value);
        if (spec.path === '/system/resource') row.set('boot-at-ms', String(this.bootAt));
        table.rows.push(row);
      }
      this.tables.set(spec.path, table);
    }
  }

  table(menu: string): Table | undefined {
    return this.tables.get(menu);
  }

  attribute(menu: string, name: string): AttributeSpec | undefined {
    return this.attributeIndex.get(menu)?.get(name);
  }

  /** The context normalisers and renderers see, at the current clock. */
  context(): ValueContext {
    return {
      version: this.options.version,
      now: this.options.clock(),
      interfaces: this.options.interfaces,
      names: (menu) => this.names(menu),
    };
  }

  names(menu: string): ReadonlySet<string> {
    const table = this.tables.get(menu);
    const key = table?.spec.nameKey ?? 'name';
    const out = new Set<string>();
    for (const row of table?.rows ?? []) {
      const value = row.get(key);
      if (value !== undefined) out.add(value);
    }
    return out;
  }

  /** Drops expired rows (address-list timeouts, cookies) before a menu is read or written. */
  purgeExpired(menu: string): void {
    const table = this.tables.get(menu);
    const expired = table?.spec.expired;
    if (!table || !expired) return;
    const now = this.options.clock();
    const gone = table.rows.filter((row) => expired(row, now));
    for (const row of gone) this.removeRow(menu, row.get('.id')!);
  }

  allocateId(menu: string): string {
    const table = this.tables.get(menu)!;
    return formatId(table.nextId++);
  }

  findById(menu: string, id: string): Row | undefined {
    return this.tables.get(menu)?.rows.find((row) => row.get('.id') === id);
  }

  /** Removes a row and, recursively, every row it owns (dynamic queues and list entries of a session). */
  removeRow(menu: string, id: string): void {
    const table = this.tables.get(menu);
    if (!table) return;
    const index = table.rows.findIndex((row) => row.get('.id') === id);
    if (index < 0) return;
    table.rows.splice(index, 1);
    this.emit({ menu, id, dead: true });
    const owner = `${menu}:${id}`;
    for (const [path, other] of this.tables) {
      const owned = other.rows.filter((row) => row.get('owner') === owner);
      for (const row of owned) this.removeRow(path, row.get('.id')!);
    }
  }

  /** The row as print shows it: `.id` first, then attributes in menu order; hidden fields omitted. */
  printRow(spec: MenuSpec, row: Row, ctx: ValueContext): Map<string, string> {
    const out = new Map<string, string>();
    const id = row.get('.id');
    if (id !== undefined && !spec.singleton) out.set('.id', id);
    for (const attribute of spec.attributes) {
      if (attribute.hidden || (attribute.v7Only && ctx.version.major < 7)) continue;
      const value = attribute.render ? attribute.render(row, ctx) : row.get(attribute.name);
      if (value !== undefined) out.set(attribute.name, value);
    }
    return out;
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
