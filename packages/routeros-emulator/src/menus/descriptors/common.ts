import type { AttributeSpec, MenuCommand, Row, ValueContext } from '../types';
import { formatDuration } from '../value-types';

export const LIST_COMMANDS: readonly MenuCommand[] = [
  'print',
  'getall',
  'get',
  'add',
  'set',
  'remove',
  'unset',
  'enable',
  'disable',
  'listen',
  'comment',
];

export const ORDERED_COMMANDS: readonly MenuCommand[] = [...LIST_COMMANDS, 'move'];

/** Menus without `disabled` (queue types, profiles). */
export const PLAIN_COMMANDS: readonly MenuCommand[] = [
  'print',
  'getall',
  'get',
  'add',
  'set',
  'remove',
  'unset',
  'listen',
];

/** Session tables: read-only rows, `remove` disconnects. */
export const SESSION_COMMANDS: readonly MenuCommand[] = ['print', 'getall', 'get', 'remove', 'listen'];

export const text = (name: string, extra: Partial<AttributeSpec> = {}): AttributeSpec => ({
  name,
  type: { kind: 'text' },
  ...extra,
});

export const bool = (name: string, defaultValue?: string): AttributeSpec =>
  defaultValue === undefined
    ? { name, type: { kind: 'bool' } }
    : { name, type: { kind: 'bool' }, default: defaultValue };

export const readOnly = (name: string, defaultValue?: string): AttributeSpec =>
  defaultValue === undefined
    ? { name, type: { kind: 'text' }, readOnly: true }
    : { name, type: { kind: 'text' }, readOnly: true, default: defaultValue };

export const hidden = (name: string): AttributeSpec => ({
  name,
  type: { kind: 'text' },
  readOnly: true,
  hidden: true,
});

export const comment: AttributeSpec = text('comment');
export const disabled: AttributeSpec = bool('disabled', 'false');
export const builtinFlag: AttributeSpec = readOnly('default');

export const BYTE_LIMIT = { kind: 'int', min: 0, max: Number.MAX_SAFE_INTEGER } as const;

/** Renders elapsed time since the hidden `login-at-ms` stamp. */
export function uptimeSince(field: string): (row: Row, ctx: ValueContext) => string | undefined {
  return (row, ctx) => {
    const start = Number(row.get(field));
    return Number.isFinite(start) ? formatDuration((ctx.now - start) / 1000, ctx) : undefined;
  };
}

/** Renders the time left until the hidden `expires-at-ms` stamp. */
export function remainingUntil(field: string): (row: Row, ctx: ValueContext) => string | undefined {
  return (row, ctx) => {
    const raw = row.get(field);
    if (raw === undefined || raw === '') return undefined;
    return formatDuration(Math.max(0, (Number(raw) - ctx.now) / 1000), ctx);
  };
}

/** `creation-time` as RouterOS prints it: `2025-11-23 15:23:01` (v7) or `nov/23/2025 15:23:01` (v6), in UTC. */
export function formatTimestamp(ms: number, ctx: ValueContext): string {
  const date = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  if (ctx.version.major >= 7) {
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${time}`;
  }
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  return `${months[date.getUTCMonth()]}/${pad(date.getUTCDate())}/${date.getUTCFullYear()} ${time}`;
}
