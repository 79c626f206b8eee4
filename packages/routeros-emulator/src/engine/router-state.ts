import { MENUS } from '../menus/descriptors/index';
import type { AttributeSpec, MenuSpec, Row, ValueContext } from '../menus/types';
import type { RosVersion } from '../server/ros-version';

/** One menu's rows, in order, with the indexes the engine keeps. */
export interface Table {
  readonly spec: MenuSpec;
  readonly rows: readonly Row[];
  readonly nextId: number;
}

interface MutableTable {
  readonly spec: MenuSpec;
  rows: Row[];
  nextId: number;
  readonly byId: Map<string, Row>;
  /** One index per unique rule: key tuple → rows (more than one only if seeded that way). */
  readonly unique: Map<string, Set<Row>>[];
  /** Earliest expiry among rows (ms), or Infinity. */
  nextExpiry: number;
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

const uniqueKey = (keys: readonly string[], row: Row): string =>
  keys.map((key) => row.get(key) ?? '').join('\u0000');

/** The router's configuration and runtime tables, run by the generic menu engine. */
export class RouterState {
  private readonly store = new Map<string, MutableTable>();
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private readonly attributeIndex = new Map<string, Map<string, AttributeSpec>>();
  /** owner (`/ppp/active:*1`) → rows it owns, as [menu, id]. */
  private readonly owned = new Map<string, Set<string>>();
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

  /** Every table, by menu path. */
  get tables(): ReadonlyMap<string, Table> {
    return this.store;
  }

  /** Restores the factory state: built-in rows only. */
  reset(): void {
    this.store.clear();
    this.owned.clear();
    for (const spec of MENUS) {
      const table: MutableTable = {
        spec,
        rows: [],
        nextId: 1,
        byId: new Map(),
        unique: (spec.unique ?? []).map(() => new Map()),
        nextExpiry: Number.POSITIVE_INFINITY,
      };
      this.store.set(spec.path, table);
      for (const builtin of spec.builtins ?? []) {
        const row = this.withDefaults(spec);
        for (const [key, value] of Object.entries(builtin)) row.set(key, value);
        if (spec.path === '/system/resource') row.set('boot-at-ms', String(this.bootAt));
        if (!spec.singleton) row.set('.id', formatId(table.nextId++));
        this.index(table, row);
        table.rows.push(row);
      }
    }
  }

  table(menu: string): Table | undefined {
    return this.store.get(menu);
  }

  attribute(menu: string, name: string): AttributeSpec | undefined {
    return this.attributeIndex.get(menu)?.get(name);
  }

  /** A new row holding the menu's defaults for this version. */
  withDefaults(spec: MenuSpec): Row {
    const row: Row = new Map();
    for (const attribute of spec.attributes) {
      if (attribute.default !== undefined && (!attribute.v7Only || this.options.version.major >= 7)) {
        row.set(attribute.name, attribute.default);
      }
    }
    return row;
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
    const table = this.store.get(menu);
    const key = table?.spec.nameKey ?? 'name';
    const out = new Set<string>();
    for (const row of table?.rows ?? []) {
      const value = row.get(key);
      if (value !== undefined) out.add(value);
    }
    return out;
  }

  /** Drops expired rows (address-list timeouts, cookies); cheap when nothing is due. */
  purgeExpired(menu: string): void {
    const table = this.store.get(menu);
    const field = table?.spec.expiryField;
    if (!table || !field) return;
    const now = this.options.clock();
    if (table.nextExpiry > now) return;
    const gone = table.rows.filter((row) => {
      const raw = row.get(field);
      return raw !== undefined && raw !== '' && Number(raw) <= now;
    });
    for (const row of gone) this.removeRow(menu, row.get('.id')!);
    table.nextExpiry = Number.POSITIVE_INFINITY;
    for (const row of table.rows) this.noteExpiry(table, row);
  }

  allocateId(menu: string): string {
    const table = this.store.get(menu)!;
    return formatId(table.nextId++);
  }

  findById(menu: string, id: string): Row | undefined {
    return this.store.get(menu)?.byId.get(id);
  }

  /** Finds a row by one attribute, using a unique index when one covers it. */
  findBy(menu: string, key: string, value: string): Row | undefined {
    const table = this.store.get(menu);
    if (!table) return undefined;
    const rule = (table.spec.unique ?? []).findIndex(
      (candidate) => candidate.keys.length === 1 && candidate.keys[0] === key,
    );
    if (rule >= 0) return table.unique[rule]!.get(value)?.values().next().value;
    return table.rows.find((row) => row.get(key) === value);
  }

  /** The message of the first unique rule `candidate` would break (ignoring `self`). */
  uniqueClash(menu: string, candidate: Row, self?: Row): string | undefined {
    const table = this.store.get(menu);
    if (!table) return undefined;
    const rules = table.spec.unique ?? [];
    for (const [i, rule] of rules.entries()) {
      const existing = table.unique[i]!.get(uniqueKey(rule.keys, candidate));
      if (existing && [...existing].some((row) => row !== self)) return rule.message;
    }
    return undefined;
  }

  /** Inserts a row (which must carry `.id` unless the menu is a singleton) before `before`, or at `index`, or last. */
  insert(menu: string, row: Row, position?: { readonly before?: Row; readonly index?: number }): void {
    const table = this.store.get(menu)!;
    let at = -1;
    if (position?.before) at = table.rows.indexOf(position.before);
    else if (position?.index !== undefined) at = position.index;
    if (at < 0 || at >= table.rows.length) table.rows.push(row);
    else table.rows.splice(at, 0, row);
    this.index(table, row);
    this.emit({ menu, id: row.get('.id') ?? '', dead: false });
  }

  /** Replaces a row's values in place (its identity and position stay). */
  replace(menu: string, row: Row, next: Row): void {
    const table = this.store.get(menu)!;
    this.unindex(table, row);
    row.clear();
    for (const [key, value] of next) row.set(key, value);
    this.index(table, row);
    this.emit({ menu, id: row.get('.id') ?? '', dead: false });
  }

  /** Reorders rows (move); indexes are unaffected. */
  reorder(menu: string, rows: Row[]): void {
    this.store.get(menu)!.rows = rows;
  }

  /** Replaces every row of a menu (seeding). */
  setRows(menu: string, rows: Row[], nextId: number): void {
    const table = this.store.get(menu)!;
    for (const row of table.rows) this.unindex(table, row);
    table.rows = [];
    table.nextId = nextId;
    table.nextExpiry = Number.POSITIVE_INFINITY;
    for (const row of rows) {
      this.index(table, row);
      table.rows.push(row);
    }
  }

  /** Removes a row and, recursively, every row it owns (dynamic queues and list entries of a session). */
  removeRow(menu: string, id: string): void {
    const table = this.store.get(menu);
    const row = table?.byId.get(id);
    if (!table || !row) return;
    const index = table.rows.indexOf(row);
    if (index >= 0) table.rows.splice(index, 1);
    this.unindex(table, row);
    this.emit({ menu, id, dead: true });
    const owner = `${menu}:${id}`;
    const owned = this.owned.get(owner);
    if (owned) {
      this.owned.delete(owner);
      for (const entry of owned) {
        const [path, ownedId] = entry.split('\u0000') as [string, string];
        this.removeRow(path, ownedId);
      }
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

  /** One printed property, computed on demand (what queries look at). */
  printedValue(spec: MenuSpec, row: Row, key: string, ctx: ValueContext): string | undefined {
    if (key === '.id') return spec.singleton ? undefined : row.get('.id');
    const attribute = this.attributeIndex.get(spec.path)?.get(key);
    if (!attribute || attribute.hidden || (attribute.v7Only && ctx.version.major < 7)) return undefined;
    return attribute.render ? attribute.render(row, ctx) : row.get(key);
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private noteExpiry(table: MutableTable, row: Row): void {
    const field = table.spec.expiryField;
    if (!field) return;
    const raw = row.get(field);
    if (raw === undefined || raw === '') return;
    const at = Number(raw);
    if (Number.isFinite(at) && at < table.nextExpiry) table.nextExpiry = at;
  }

  private index(table: MutableTable, row: Row): void {
    const id = row.get('.id');
    if (id !== undefined) table.byId.set(id, row);
    for (const [i, rule] of (table.spec.unique ?? []).entries()) {
      const key = uniqueKey(rule.keys, row);
      const set = table.unique[i]!.get(key);
      if (set) set.add(row);
      else table.unique[i]!.set(key, new Set([row]));
    }
    this.noteExpiry(table, row);
    const owner = row.get('owner');
    if (owner !== undefined && id !== undefined) {
      let set = this.owned.get(owner);
      if (!set) {
        set = new Set();
        this.owned.set(owner, set);
      }
      set.add(`${table.spec.path}\u0000${id}`);
    }
  }

  private unindex(table: MutableTable, row: Row): void {
    const id = row.get('.id');
    if (id !== undefined && table.byId.get(id) === row) table.byId.delete(id);
    for (const [i, rule] of (table.spec.unique ?? []).entries()) {
      const key = uniqueKey(rule.keys, row);
      const set = table.unique[i]!.get(key);
      set?.delete(row);
      if (set?.size === 0) table.unique[i]!.delete(key);
    }
    const owner = row.get('owner');
    if (owner !== undefined && id !== undefined)
      this.owned.get(owner)?.delete(`${table.spec.path}\u0000${id}`);
  }
}
