/** How one property of a menu is compared and shown. */
export interface FieldSpec {
  /** Maps a printed or written value to its canonical form (bits, no `/32`, `true`/`false`, seconds). */
  readonly normalise: (value: string) => string;
  /** What the router assumes when the property is missing from a print. */
  readonly default?: string;
  /** A secret: shown as `***` everywhere, compared only when the router prints it. */
  readonly secret?: boolean;
}

/**
 * One RouterOS menu as data (terraform-provider-routeros style): its path, how we recognise our own entries,
 * and the properties we manage. A generic engine reads, diffs and writes every menu from these descriptors.
 */
export interface ResourceDescriptor {
  readonly path: string;
  /**
   * How ownership is marked: `comment` (the comment is the marker `isp:<subscriber>:<role>`) or `name` (the
   * name starts with the `isp-` prefix; for menus without a comment property, such as queue types and
   * Hotspot user profiles).
   */
  readonly ownership: 'comment' | 'name';
  /** `config`: entries we create and converge; `session`: live sessions and cookies, only ever removed. */
  readonly kind: 'config' | 'session';
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** Properties read besides `.id` and the fields (e.g. `dynamic`). */
  readonly extraRead?: readonly string[];
  /** Properties that must be unique on the router (a foreign entry holding the value blocks a create). */
  readonly unique?: readonly (readonly string[])[];
  /** Rules of an ordered menu: our entries are placed before the first foreign rule of their chain. */
  readonly ordered?: boolean;
  /**
   * Menus whose entries ours reference by name (a tree queue names its queue type): infrastructure is
   * created in dependency order and removed in the reverse order.
   */
  readonly dependsOn?: readonly string[];
  /** Menus that exist only with an optional package (Hotspot): a `no such command` print reads as empty. */
  readonly optional?: boolean;
}

/** The `.proplist` of a menu read. */
export function readProperties(descriptor: ResourceDescriptor): string[] {
  const names = new Set<string>(['.id', ...Object.keys(descriptor.fields), ...(descriptor.extraRead ?? [])]);
  return [...names];
}
