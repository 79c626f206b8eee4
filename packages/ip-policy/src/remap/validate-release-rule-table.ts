import { err, ok, type Result } from 'neverthrow';
import { type InvalidRuleTable, invalidRuleTable } from '../errors.js';
import { parseCidrRange } from '../ipv4/parse-cidr.js';
import type { ReleaseFallback, ReleaseRule, ReleaseRuleTable } from './types.js';

/** Most rules accepted in one table. */
export const MAX_RELEASE_RULES = 256;
/** Most fallbacks accepted in one table. */
export const MAX_RELEASE_FALLBACKS = 16;

const MAX_TEXT_LENGTH = 120;
const ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** Internal, ready-to-run form of a validated table. */
export interface CompiledTarget {
  readonly id: string;
  readonly name: string;
  /** The target's first two octets, as the high 16 bits of an unsigned 32-bit integer. */
  readonly high: number;
}

export interface CompiledRule extends CompiledTarget {
  readonly start: number;
  readonly end: number;
}

export interface CompiledReleaseRuleTable {
  readonly table: ReleaseRuleTable;
  readonly rules: readonly CompiledRule[];
  readonly fallbacks: readonly CompiledTarget[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readField(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isPrintableText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT_LENGTH && !/[\u0000-\u001f\u007f]/.test(value);
}

function readList(
  table: Record<string, unknown>,
  key: 'rules' | 'fallbacks',
  max: number,
): Result<readonly unknown[], InvalidRuleTable> {
  const list = readField(table, key);
  if (!Array.isArray(list)) return err(invalidRuleTable(key, 'not-an-object', `${key} must be an array.`));
  if (list.length > max) {
    return err(invalidRuleTable(key, 'too-many-entries', `at most ${max} ${key} are accepted.`));
  }
  return ok(list);
}

function compileTarget(
  entry: unknown,
  path: string,
  seen: Set<string>,
): Result<{ compiled: CompiledTarget; target: string; record: Record<string, unknown> }, InvalidRuleTable> {
  if (!isRecord(entry)) return err(invalidRuleTable(path, 'not-an-object', 'each entry must be an object.'));
  const id = readField(entry, 'id');
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    return err(
      invalidRuleTable(`${path}.id`, 'invalid-id', 'id must be 1-64 letters, digits, ".", "_", ":" or "-".'),
    );
  }
  if (seen.has(id)) return err(invalidRuleTable(`${path}.id`, 'duplicate-id', `id "${id}" is used twice.`));
  seen.add(id);
  const name = readField(entry, 'name');
  if (!isPrintableText(name)) {
    return err(
      invalidRuleTable(
        `${path}.name`,
        'invalid-name',
        `name must be text of at most ${MAX_TEXT_LENGTH} characters.`,
      ),
    );
  }
  const target = parseCidrRange(readField(entry, 'target'), `${path}.target`);
  if (target.isErr()) return err(invalidRuleTable(`${path}.target`, 'invalid-cidr', target.error.message));
  if (target.value.prefix !== 16) {
    return err(
      invalidRuleTable(
        `${path}.target`,
        'target-not-16',
        `target must be a /16 network (the last two octets are kept), got ${target.value.cidr}.`,
      ),
    );
  }
  return ok({ compiled: { id, name, high: target.value.start }, target: target.value.cidr, record: entry });
}

/**
 * Compiled tables by identity. Only immutable tables are cached: the frozen copies this module returns and
 * caller tables frozen all the way down (such as the shipped constants), so a cached entry can never go stale.
 */
const compiledTables = new WeakMap<object, CompiledReleaseRuleTable>();

function isDeepFrozen(value: Record<string, unknown>): boolean {
  const lists = [readField(value, 'rules'), readField(value, 'fallbacks')];
  return (
    Object.isFrozen(value) &&
    lists.every(
      (list) =>
        Array.isArray(list) &&
        Object.isFrozen(list) &&
        list.every((entry) => typeof entry === 'object' && entry !== null && Object.isFrozen(entry)),
    )
  );
}

/** Validates a table and compiles it to integer bounds, reusing earlier work for immutable tables. Internal. */
export function compileReleaseRuleTable(value: unknown): Result<CompiledReleaseRuleTable, InvalidRuleTable> {
  if (!isRecord(value))
    return err(invalidRuleTable('table', 'not-an-object', 'the table must be an object.'));
  const cached = compiledTables.get(value);
  if (cached !== undefined) return ok(cached);
  const compiled = compileUncached(value);
  if (compiled.isOk()) {
    compiledTables.set(compiled.value.table, compiled.value);
    if (isDeepFrozen(value)) compiledTables.set(value, compiled.value);
  }
  return compiled;
}

function compileUncached(value: Record<string, unknown>): Result<CompiledReleaseRuleTable, InvalidRuleTable> {
  const tableName = readField(value, 'name');
  if (!isPrintableText(tableName) || tableName.length === 0) {
    return err(
      invalidRuleTable(
        'name',
        'invalid-name',
        `name must be non-empty text of at most ${MAX_TEXT_LENGTH} characters.`,
      ),
    );
  }
  const ruleList = readList(value, 'rules', MAX_RELEASE_RULES);
  if (ruleList.isErr()) return err(ruleList.error);
  if (ruleList.value.length === 0)
    return err(invalidRuleTable('rules', 'empty-rules', 'at least one rule is needed.'));
  const fallbackList = readList(value, 'fallbacks', MAX_RELEASE_FALLBACKS);
  if (fallbackList.isErr()) return err(fallbackList.error);

  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  const plainRules: ReleaseRule[] = [];
  for (const [index, entry] of ruleList.value.entries()) {
    const path = `rules[${index}]`;
    const compiled = compileTarget(entry, path, seen);
    if (compiled.isErr()) return err(compiled.error);
    const match = parseCidrRange(readField(compiled.value.record, 'match'), `${path}.match`);
    if (match.isErr()) return err(invalidRuleTable(`${path}.match`, 'invalid-cidr', match.error.message));
    const { id, name } = compiled.value.compiled;
    rules.push({ ...compiled.value.compiled, start: match.value.start, end: match.value.end });
    plainRules.push(Object.freeze({ id, name, match: match.value.cidr, target: compiled.value.target }));
  }
  const fallbacks: CompiledTarget[] = [];
  const plainFallbacks: ReleaseFallback[] = [];
  for (const [index, entry] of fallbackList.value.entries()) {
    const compiled = compileTarget(entry, `fallbacks[${index}]`, seen);
    if (compiled.isErr()) return err(compiled.error);
    const { id, name } = compiled.value.compiled;
    fallbacks.push(compiled.value.compiled);
    plainFallbacks.push(Object.freeze({ id, name, target: compiled.value.target }));
  }
  const table: ReleaseRuleTable = Object.freeze({
    name: tableName,
    rules: Object.freeze(plainRules),
    fallbacks: Object.freeze(plainFallbacks),
  });
  return ok({ table, rules, fallbacks });
}

/**
 * Validates a release rule table (for instance one read from configuration) and returns a frozen copy.
 * Rejects non-objects, bad or duplicate ids, bad CIDRs, targets that are not /16 networks, empty rule lists
 * and oversized tables, each with a typed {@link InvalidRuleTable} error naming the entry. Passing the
 * returned table to `remapForRelease` skips validation on every call (useful for bulk releases).
 */
export function validateReleaseRuleTable(value: unknown): Result<ReleaseRuleTable, InvalidRuleTable> {
  return compileReleaseRuleTable(value).map((compiled) => compiled.table);
}
