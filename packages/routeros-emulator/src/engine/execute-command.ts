import type { MenuSpec, Row, ValueContext } from '../menus/types';
import { normaliseValue } from '../menus/value-types';
import { matchesQuery, parseQuery } from '../query/query';
import type { RouterState, Table } from './router-state';
import { TRAPS, type Trap, trap } from './trap';

/** How a command is counted and costed. */
export type CommandKind = 'print' | 'add' | 'set' | 'remove' | 'other';

export interface CommandInput {
  readonly menu: string;
  readonly command: string;
  /** `=name=value` words, API attributes (`.id`, `.proplist`) included; later words win. */
  readonly attributes: ReadonlyMap<string, string>;
  /** Raw `?` query words, in order. */
  readonly queries: readonly string[];
  /** The user may only read (`not enough permissions (9)` on writes). */
  readonly readOnlyUser?: boolean;
  /** Bypass the read-only / dynamic guards (operator drift, session bookkeeping). */
  readonly operator?: boolean;
}

export interface CommandOutput {
  readonly kind: CommandKind;
  readonly rows: readonly ReadonlyMap<string, string>[];
  readonly done: readonly (readonly [string, string])[];
  readonly traps: readonly Trap[];
  /** The command keeps streaming changes until cancelled. */
  readonly listen: boolean;
  /** Rows scanned and returned, and whether a query filtered them (for the cost model). */
  readonly scanned: number;
  readonly returned: number;
  readonly filtered: boolean;
}

const WRITE_COMMANDS = new Set(['add', 'set', 'remove', 'unset', 'enable', 'disable', 'move', 'comment']);
const PRINT_FLAGS = new Set([
  'detail',
  'without-paging',
  'stats',
  'terse',
  'brief',
  'count-only',
  'from',
  'follow',
  'interval',
  'value-list',
  'show-ids',
  'where',
]);

export function commandKind(command: string): CommandKind {
  if (command === 'print' || command === 'getall' || command === 'get') return 'print';
  if (command === 'add') return 'add';
  if (command === 'remove') return 'remove';
  if (WRITE_COMMANDS.has(command)) return 'set';
  return 'other';
}

const output = (kind: CommandKind, partial: Partial<CommandOutput>): CommandOutput => ({
  kind,
  rows: [],
  done: [],
  traps: [],
  listen: false,
  scanned: 0,
  returned: 0,
  filtered: false,
  ...partial,
});

const failed = (kind: CommandKind, traps: Trap | readonly Trap[]): CommandOutput =>
  output(kind, { traps: Array.isArray(traps) ? traps : [traps as Trap] });

type Resolved = { readonly ok: true; readonly rows: Row[] } | { readonly ok: false; readonly trap: Trap };

/** Resolves `*1A,*1B` (or names, on menus addressable by name) to rows. */
function resolveItems(state: RouterState, table: Table, text: string | undefined): Resolved {
  if (text === undefined || text === '') return { ok: false, trap: TRAPS.noSuchItem() };
  const rows: Row[] = [];
  for (const item of text.split(',')) {
    if (item.startsWith('*')) {
      if (!/^\*[0-9A-Fa-f]{1,8}$/.test(item)) return { ok: false, trap: TRAPS.invalidId() };
      const id = `*${item
        .slice(1)
        .toUpperCase()
        .replace(/^0+(?=.)/, '')}`;
      const row = state.findById(table.spec.path, id);
      if (!row) return { ok: false, trap: TRAPS.noSuchItem() };
      rows.push(row);
      continue;
    }
    const key = table.spec.nameKey;
    if (!key) return { ok: false, trap: TRAPS.invalidId() };
    const row = state.findBy(table.spec.path, key, item);
    if (!row) return { ok: false, trap: TRAPS.noSuchItem() };
    rows.push(row);
  }
  return { ok: true, rows };
}

type Prepared =
  | { readonly ok: true; readonly values: Map<string, string> }
  | { readonly ok: false; readonly trap: Trap };

/** Validates attribute words for add/set against the menu descriptor. */
function prepareValues(
  state: RouterState,
  spec: MenuSpec,
  attributes: ReadonlyMap<string, string>,
  ignore: ReadonlySet<string>,
  ctx: ValueContext,
  operator: boolean,
): Prepared {
  const values = new Map<string, string>();
  for (const [name, raw] of attributes) {
    if (ignore.has(name) || name.startsWith('.')) continue;
    const attribute = state.attribute(spec.path, name);
    if (
      !attribute ||
      (attribute.readOnly && !operator) ||
      attribute.hidden ||
      (attribute.v7Only && ctx.version.major < 7)
    ) {
      return { ok: false, trap: TRAPS.unknownParameter(name) };
    }
    const normalised = attribute.readOnly
      ? { ok: true as const, value: raw }
      : normaliseValue(name, attribute.type, raw, ctx);
    if (!normalised.ok) return { ok: false, trap: normalised.trap };
    values.set(name, normalised.value);
  }
  return { ok: true, values };
}

/** After a rename, follow references in other menus (RouterOS stores references by id). */
function propagateRename(state: RouterState, menu: string, from: string, to: string): void {
  for (const [path, table] of state.tables) {
    for (const attribute of table.spec.attributes) {
      const type = attribute.type;
      if ((type.kind === 'ref' || type.kind === 'ref-pair') && type.menu === menu) {
        for (const row of table.rows) {
          const value = row.get(attribute.name);
          if (value === undefined) continue;
          const next = value
            .split('/')
            .map((part) => (part === from ? to : part))
            .join('/');
          if (next !== value) {
            const updated: Row = new Map(row);
            updated.set(attribute.name, next);
            state.replace(path, row, updated);
          }
        }
      }
    }
  }
}

function print(state: RouterState, table: Table, input: CommandInput, ctx: ValueContext): CommandOutput {
  for (const name of input.attributes.keys()) {
    if (name !== '.proplist' && name !== '.id' && !PRINT_FLAGS.has(name)) {
      return failed('print', TRAPS.unknownParameter(name));
    }
  }
  const parsed = parseQuery(input.queries);
  if (!parsed.ok) return failed('print', trap(`invalid query ${parsed.word}`));
  let rows = table.rows;
  const from = input.attributes.get('from');
  if (from !== undefined) {
    const resolved = resolveItems(state, table, from);
    if (!resolved.ok) return failed('print', resolved.trap);
    rows = resolved.rows;
  }
  const matching = rows
    .filter((row) =>
      matchesQuery(parsed.ops, { get: (key) => state.printedValue(table.spec, row, key, ctx) }),
    )
    .map((row) => state.printRow(table.spec, row, ctx));
  const base = { scanned: table.rows.length, returned: matching.length, filtered: parsed.ops.length > 0 };
  if (input.attributes.has('count-only')) {
    return output('print', { ...base, returned: 0, done: [['ret', String(matching.length)]] });
  }
  const proplist = input.attributes.get('.proplist');
  if (proplist === undefined) return output('print', { ...base, rows: matching });
  const wanted = new Set(proplist.split(',').filter((name) => name !== ''));
  const narrowed = matching.map((row) => new Map([...row].filter(([key]) => wanted.has(key))));
  return output('print', { ...base, rows: narrowed });
}

function add(state: RouterState, table: Table, input: CommandInput, ctx: ValueContext): CommandOutput {
  const spec = table.spec;
  const prepared = prepareValues(
    state,
    spec,
    input.attributes,
    new Set(spec.ordered ? ['place-before', 'copy-from'] : ['copy-from']),
    ctx,
    input.operator === true,
  );
  if (!prepared.ok) return failed('add', prepared.trap);
  const missing = spec.attributes
    .filter((attribute) => attribute.required && !prepared.values.has(attribute.name))
    .map((attribute) => attribute.name);
  if (missing.length > 0) return failed('add', TRAPS.missing(missing));
  let before: Row | undefined;
  const placeBefore = input.attributes.get('place-before');
  if (spec.ordered && placeBefore !== undefined) {
    const resolved = resolveItems(state, table, placeBefore);
    if (!resolved.ok) return failed('add', resolved.trap);
    before = resolved.rows[0];
  }
  const row: Row = state.withDefaults(spec);
  for (const [name, value] of prepared.values) row.set(name, value);
  if (spec.autoName && !prepared.values.has('name')) {
    const names = state.names(spec.path);
    let n = 1;
    while (names.has(`${spec.autoName}${n}`)) n++;
    row.set('name', `${spec.autoName}${n}`);
  }
  spec.afterWrite?.(row, ctx, new Set(prepared.values.keys()));
  const invalid = spec.validate?.(row, ctx);
  if (invalid !== undefined) return failed('add', trap(invalid));
  const clash = state.uniqueClash(spec.path, row);
  if (clash !== undefined) return failed('add', trap(clash));
  const id = state.allocateId(spec.path);
  row.set('.id', id);
  state.insert(spec.path, row, before ? { before } : undefined);
  return output('add', { done: [['ret', id]] });
}

function targetRows(state: RouterState, table: Table, input: CommandInput): Resolved {
  if (table.spec.singleton) return { ok: true, rows: table.rows.slice(0, 1) };
  return resolveItems(state, table, input.attributes.get('.id') ?? input.attributes.get('numbers'));
}

function guardDynamic(table: Table, rows: readonly Row[], input: CommandInput): Trap | undefined {
  if (input.operator || !table.spec.dynamicEditMessage) return undefined;
  return rows.some((row) => row.get('dynamic') === 'true') ? trap(table.spec.dynamicEditMessage) : undefined;
}

/** Applies new values to rows all-or-nothing; used by set, unset, enable, disable and comment. */
function update(
  state: RouterState,
  table: Table,
  rows: readonly Row[],
  values: ReadonlyMap<string, string>,
  removed: readonly string[],
  ctx: ValueContext,
): CommandOutput {
  const spec = table.spec;
  const updates: [Row, Row][] = [];
  for (const row of rows) {
    const next: Row = new Map(row);
    for (const name of removed) {
      const attribute = state.attribute(spec.path, name);
      if (attribute?.default !== undefined) next.set(name, attribute.default);
      else next.delete(name);
    }
    for (const [name, value] of values) next.set(name, value);
    spec.afterWrite?.(next, ctx, new Set(values.keys()));
    const invalid = spec.validate?.(next, ctx);
    if (invalid !== undefined) return failed('set', trap(invalid));
    const clash = state.uniqueClash(spec.path, next, row);
    if (clash !== undefined) return failed('set', trap(clash));
    updates.push([row, next]);
  }
  for (const [row, next] of updates) {
    const key = spec.nameKey;
    const oldName = key ? row.get(key) : undefined;
    state.replace(spec.path, row, next);
    const newName = key ? row.get(key) : undefined;
    if (oldName !== undefined && newName !== undefined && oldName !== newName) {
      propagateRename(state, spec.path, oldName, newName);
    }
  }
  return output('set', {});
}

function set(state: RouterState, table: Table, input: CommandInput, ctx: ValueContext): CommandOutput {
  const prepared = prepareValues(
    state,
    table.spec,
    input.attributes,
    new Set(['numbers']),
    ctx,
    input.operator === true,
  );
  if (!prepared.ok) return failed('set', prepared.trap);
  const resolved = targetRows(state, table, input);
  if (!resolved.ok) return failed('set', resolved.trap);
  const dynamic = guardDynamic(table, resolved.rows, input);
  if (dynamic) return failed('set', dynamic);
  return update(state, table, resolved.rows, prepared.values, [], ctx);
}

function unset(state: RouterState, table: Table, input: CommandInput, ctx: ValueContext): CommandOutput {
  for (const name of input.attributes.keys()) {
    if (name !== 'numbers' && name !== 'value-name' && name !== '.id')
      return failed('set', TRAPS.unknownParameter(name));
  }
  const valueName = input.attributes.get('value-name');
  if (valueName === undefined) return failed('set', TRAPS.missing(['value-name']));
  const attribute = state.attribute(table.spec.path, valueName);
  if (!attribute || attribute.readOnly || attribute.required || valueName === table.spec.nameKey) {
    return failed('set', trap(`input does not match any value of value-name`, 1));
  }
  const resolved = targetRows(state, table, input);
  if (!resolved.ok) return failed('set', resolved.trap);
  const dynamic = guardDynamic(table, resolved.rows, input);
  if (dynamic) return failed('set', dynamic);
  return update(state, table, resolved.rows, new Map(), [valueName], ctx);
}

function toggle(
  state: RouterState,
  table: Table,
  input: CommandInput,
  ctx: ValueContext,
  value: string,
): CommandOutput {
  for (const name of input.attributes.keys()) {
    if (name !== 'numbers' && name !== '.id') return failed('set', TRAPS.unknownParameter(name));
  }
  const resolved = targetRows(state, table, input);
  if (!resolved.ok) return failed('set', resolved.trap);
  const dynamic = guardDynamic(table, resolved.rows, input);
  if (dynamic) return failed('set', dynamic);
  return update(state, table, resolved.rows, new Map([['disabled', value]]), [], ctx);
}

function remove(state: RouterState, table: Table, input: CommandInput): CommandOutput {
  for (const name of input.attributes.keys()) {
    if (name !== 'numbers' && name !== '.id') return failed('remove', TRAPS.unknownParameter(name));
  }
  const resolved = targetRows(state, table, input);
  if (!resolved.ok) return failed('remove', resolved.trap);
  if (!input.operator && resolved.rows.some((row) => row.get('default') === 'true')) {
    return failed('remove', trap(table.spec.builtinRemoveMessage ?? 'failure: can not remove default entry'));
  }
  const dynamic = guardDynamic(table, resolved.rows, input);
  if (dynamic) return failed('remove', dynamic);
  for (const row of resolved.rows) state.removeRow(table.spec.path, row.get('.id')!);
  return output('remove', {});
}

function move(state: RouterState, table: Table, input: CommandInput): CommandOutput {
  for (const name of input.attributes.keys()) {
    if (name !== 'numbers' && name !== '.id' && name !== 'destination')
      return failed('set', TRAPS.unknownParameter(name));
  }
  const resolved = resolveItems(state, table, input.attributes.get('numbers') ?? input.attributes.get('.id'));
  if (!resolved.ok) return failed('set', resolved.trap);
  const destinationText = input.attributes.get('destination');
  let destination: Row | undefined;
  if (destinationText !== undefined) {
    const target = resolveItems(state, table, destinationText);
    if (!target.ok) return failed('set', target.trap);
    destination = target.rows[0];
  }
  const moving = new Set(resolved.rows);
  const ordered = table.rows.filter((row) => moving.has(row));
  const rest = table.rows.filter((row) => !moving.has(row));
  const at = destination && !moving.has(destination) ? rest.indexOf(destination) : rest.length;
  rest.splice(at, 0, ...ordered);
  state.reorder(table.spec.path, rest);
  for (const row of ordered) state.emit({ menu: table.spec.path, id: row.get('.id') ?? '', dead: false });
  return output('set', {});
}

function get(state: RouterState, table: Table, input: CommandInput, ctx: ValueContext): CommandOutput {
  for (const name of input.attributes.keys()) {
    if (name !== 'number' && name !== '.id' && name !== 'value-name')
      return failed('print', TRAPS.unknownParameter(name));
  }
  let row: Row | undefined;
  if (table.spec.singleton) row = table.rows[0];
  else {
    const resolved = resolveItems(
      state,
      table,
      input.attributes.get('number') ?? input.attributes.get('.id'),
    );
    if (!resolved.ok) return failed('print', resolved.trap);
    row = resolved.rows[0];
  }
  if (!row) return failed('print', TRAPS.noSuchItem());
  const printed = state.printRow(table.spec, row, ctx);
  const valueName = input.attributes.get('value-name');
  if (valueName === undefined) return failed('print', TRAPS.missing(['value-name']));
  const value = printed.get(valueName);
  if (value === undefined) return failed('print', trap('input does not match any value of value-name', 1));
  return output('print', { done: [['ret', value]], scanned: 1, returned: 1 });
}

/** Runs one command against one menu through the menu's descriptor. */
export function executeCommand(state: RouterState, input: CommandInput): CommandOutput {
  const table = state.table(input.menu);
  const kind = commandKind(input.command);
  if (!table) return failed(kind, TRAPS.noSuchCommand());
  const spec = table.spec;
  if (!spec.commands.includes(input.command as never)) return failed(kind, TRAPS.noSuchCommand());
  if (input.readOnlyUser && WRITE_COMMANDS.has(input.command))
    return failed(kind, TRAPS.notEnoughPermissions());
  state.purgeExpired(spec.path);
  const ctx = state.context();
  switch (input.command) {
    case 'print':
    case 'getall':
      return print(state, table, input, ctx);
    case 'get':
      return get(state, table, input, ctx);
    case 'listen':
      return output('other', { listen: true });
    case 'add':
      return add(state, table, input, ctx);
    case 'set':
      return set(state, table, input, ctx);
    case 'unset':
      return unset(state, table, input, ctx);
    case 'enable':
      return toggle(state, table, input, ctx, 'false');
    case 'disable':
      return toggle(state, table, input, ctx, 'true');
    case 'comment': {
      const commentText = input.attributes.get('comment') ?? '';
      const resolved = targetRows(state, table, input);
      if (!resolved.ok) return failed('set', resolved.trap);
      return update(state, table, resolved.rows, new Map([['comment', commentText]]), [], ctx);
    }
    case 'remove':
      return remove(state, table, input);
    case 'move':
      return move(state, table, input);
    default:
      return failed(kind, TRAPS.noSuchCommand());
  }
}
