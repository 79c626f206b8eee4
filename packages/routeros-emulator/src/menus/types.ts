import type { RosVersion } from '../server/ros-version';

/** A stored row: property name → stored value (always strings, as on the wire). */
export type Row = Map<string, string>;

/** How an attribute's input is validated and normalised for print. */
export type ValueType =
  | { readonly kind: 'text'; readonly nonEmpty?: boolean }
  | { readonly kind: 'bool' }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'enum';
      readonly values: readonly string[];
      readonly numeric?: { min: number; max: number };
    }
  | {
      readonly kind: 'ref';
      readonly menu: string;
      readonly extra?: readonly string[];
      readonly interfaces?: boolean;
    }
  | { readonly kind: 'ref-pair'; readonly menu: string }
  | { readonly kind: 'rate' }
  | { readonly kind: 'rate-pair' }
  | { readonly kind: 'time-pair' }
  | { readonly kind: 'priority-pair' }
  | { readonly kind: 'decimal-pair' }
  | { readonly kind: 'ip' }
  | { readonly kind: 'ip-or-pool' }
  | { readonly kind: 'targets' }
  | { readonly kind: 'address' }
  | { readonly kind: 'list-address' }
  | { readonly kind: 'mac' }
  | { readonly kind: 'rate-limit' }
  | { readonly kind: 'duration' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'ports' };

/** What a renderer or normaliser may look at besides the value. */
export interface ValueContext {
  readonly version: RosVersion;
  readonly now: number;
  /** Names of rows in another menu (for references). */
  readonly names: (menu: string) => ReadonlySet<string>;
  readonly interfaces: readonly string[];
}

export interface AttributeSpec {
  readonly name: string;
  readonly type: ValueType;
  /** Value materialised on add when the attribute is not given. */
  readonly default?: string;
  /** Printed but not writable: writing it gives `unknown parameter`. */
  readonly readOnly?: boolean;
  /** Stored (and kept in snapshots) but never printed nor queryable. */
  readonly hidden?: boolean;
  /** Must be given on add: `missing value(s) of argument(s) <name>`. */
  readonly required?: boolean;
  /** Exists only on RouterOS 7. */
  readonly v7Only?: boolean;
  /** Computes the printed value from the stored row (countdowns, uptimes). */
  readonly render?: (row: Row, ctx: ValueContext) => string | undefined;
}

export interface UniqueRule {
  readonly keys: readonly string[];
  readonly message: string;
}

/** Commands a list menu may support. */
export type MenuCommand =
  | 'print'
  | 'getall'
  | 'get'
  | 'add'
  | 'set'
  | 'remove'
  | 'unset'
  | 'enable'
  | 'disable'
  | 'move'
  | 'listen'
  | 'comment';

/** A declarative description of one menu; the engine runs every menu from this data. */
export interface MenuSpec {
  readonly path: string;
  readonly attributes: readonly AttributeSpec[];
  readonly commands: readonly MenuCommand[];
  /** Rows keep their order; `add` honours `place-before`, and `move` exists. */
  readonly ordered?: boolean;
  /** One row without `.id` (`/system/identity`). */
  readonly singleton?: boolean;
  /** Rows may be addressed by this attribute in `.id` / `numbers`. */
  readonly nameKey?: string;
  /** Auto-generated `name` prefix on add (`queue` → `queue1`). */
  readonly autoName?: string;
  readonly unique?: readonly UniqueRule[];
  /** Rows present on a fresh router; they carry `default=true` and cannot be removed. */
  readonly builtins?: readonly Readonly<Record<string, string>>[];
  readonly builtinRemoveMessage?: string;
  /** Trap text when a client edits or removes a dynamic row. */
  readonly dynamicEditMessage?: string;
  /** Cross-field checks run after add/set; return a trap message. */
  readonly validate?: (row: Row, ctx: ValueContext) => string | undefined;
  /** Called after add/set to derive stored fields (e.g. dynamic + expiry from timeout). */
  readonly afterWrite?: (row: Row, ctx: ValueContext, written: ReadonlySet<string>) => void;
  /** Hidden field holding an absolute expiry (ms); such rows are purged once it passes. */
  readonly expiryField?: string;
}
