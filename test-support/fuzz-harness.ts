// Fuzz harness: feeds generated argument lists (valid, targeted-invalid, mutated-valid and random) to one
// exported function and checks the robustness contract of the package:
//   - nothing throws, except a documented programmer error the case declares;
//   - every failure is a typed error (a plain object with a known `type`, a non-empty `field` and `message`)
//     that survives JSON unchanged;
//   - successful outputs survive JSON unchanged, and valid inputs sent through JSON give the same answer;
//   - no call runs longer than MAX_CALL_MS, and no call pollutes Object.prototype.
// Shared by every package's test/fuzz suite (imported by relative path; it is test code, never published).
// ISP_FUZZ_RUNS sets the cases per function (default 60); ISP_FUZZ_SEED replays a run; ISP_FUZZ_REPORT
// names a file that receives one JSON line of figures per function (scripts/fuzz-all.mjs reads it).
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

export const FUZZ_RUNS = readPositiveInt(process.env['ISP_FUZZ_RUNS'], 60);
export const FUZZ_SEED =
  process.env['ISP_FUZZ_SEED'] === undefined ? undefined : Number(process.env['ISP_FUZZ_SEED']);
export const MAX_CALL_MS = 1000;
/** Vitest time limit of one function's fuzz test: generous, the per-call limit is the real check. */
export const FUZZ_TEST_TIMEOUT_MS = 30_000 + FUZZ_RUNS * 20;

function readPositiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** How the fuzz suite drives one exported function. */
export interface FuzzCase {
  /** Argument lists a careful caller would pass. */
  readonly valid: fc.Arbitrary<readonly unknown[]>;
  /** Argument lists that are wrong on purpose (the package's invalid arbitraries). */
  readonly invalid?: fc.Arbitrary<readonly unknown[]>;
  /** `result`: returns a neverthrow Result (or a ResultAsync); `value`: returns plain data. */
  readonly returns: 'result' | 'value';
  /** Outputs are data that must survive JSON (false for objects with methods, classes, buffers). */
  readonly json?: boolean;
  /** Replaces the plain call, e.g. to construct a class or to exercise the methods of a returned object. */
  readonly invoke?: (args: readonly unknown[]) => unknown;
  /** A throw the README documents as a programmer error (the only throws allowed). */
  readonly programmerError?: (error: unknown, args: readonly unknown[]) => boolean;
  /** Extra checks on a successful output of a valid argument list. */
  readonly check?: (output: unknown, args: readonly unknown[]) => void;
  /** Mutate valid argument lists (default true). */
  readonly mutate?: boolean;
  /**
   * The function takes a value the package built (a contract, a catalog, an evaluation) and documents that
   * anything else is a programmer error: for non-valid argument lists a TypeError is accepted and the output
   * is not checked (garbage in, garbage out), but there must be no other throw, no hang and no pollution.
   * Valid argument lists get every check.
   */
  readonly trusted?: boolean;
  /** Error types whose `field` may be absent. */
  readonly fieldOptional?: readonly string[];
}

type Callable = ((...args: never[]) => unknown) | (abstract new (...args: never[]) => unknown);

/** `ns.member` for the function members of exported namespace objects (e.g. billing's `calendar`). */
type NamespaceMembers<Api> = {
  [K in keyof Api & string]: Api[K] extends Callable
    ? never
    : Api[K] extends readonly unknown[]
      ? never
      : Api[K] extends object
        ? { [M in keyof Api[K] & string]: Api[K][M] extends Callable ? `${K}.${M}` : never }[keyof Api[K] &
            string]
        : never;
}[keyof Api & string];

/** One entry per exported function: the type makes a new export without a case a compile error. */
export type FuzzTable<Api> = {
  readonly [K in keyof Api as Api[K] extends Callable ? K : never]: FuzzCase;
} & { readonly [K in NamespaceMembers<Api>]: FuzzCase };

/**
 * The exports of a module namespace, with the function members of exported plain objects added as
 * `name.member`, so that a namespace of functions is covered like top-level ones.
 */
export function flattenExports(api: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...api };
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    for (const [member, f] of Object.entries(value))
      if (typeof f === 'function') out[`${name}.${member}`] = f;
  }
  return out;
}

/** Names of the exported functions (and classes) of a flattened module namespace. */
export function exportedFunctions(api: Record<string, unknown>): string[] {
  return Object.keys(api)
    .filter((k) => typeof api[k] === 'function')
    .sort();
}

export interface FuzzFigures {
  readonly package: string;
  readonly name: string;
  readonly cases: number;
  readonly valid: number;
  readonly ok: number;
  readonly typedErrors: number;
  readonly programmerErrors: number;
  readonly maxMs: number;
}

type Origin = 'valid' | 'invalid' | 'mutated' | 'random';

// ---------------------------------------------------------------------------------------------------------
// Hostile values

const POLLUTING_JSON =
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}';

/** An object parsed from JSON with own `__proto__`, `constructor` and `prototype` keys. */
export const pollutingObject = (): fc.Arbitrary<Record<string, unknown>> =>
  fc.constant(null).map(() => JSON.parse(POLLUTING_JSON) as Record<string, unknown>);

/** Strings longer than any field accepts (up to 100,000 characters). */
export const oversized = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 257, max: 100_000 }), fc.constantFrom('x', '9', '1.', '10.0.0.', '€'))
    .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

/** Strings with a control character. */
export const controlString = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 0x1f }), fc.string({ maxLength: 8 }))
    .map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`);

/** Values that break careless code: wrong types, NaN, infinities, impossible dates, garbage addresses. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom<unknown>(
        undefined,
        null,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        -0,
        0,
        -1,
        0.5,
        2 ** 53,
        1e21,
        true,
        false,
        '',
        ' ',
        '0',
        '-1',
        '-0.01',
        '1e3',
        '12,50',
        'NaN',
        '2025-02-29',
        '2025-02-30',
        '2025-13-01',
        '2025-01-00',
        '2025-01-32',
        '10.0.0.256',
        '::1',
        '2001:db8::1',
        '::ffff:10.0.0.1',
        '10.0.0.0/0',
        '0.0.0.0',
        '__proto__',
        'constructor',
        '\u0000',
        '\r\n',
        [],
        {},
        [[]],
      ),
    },
    { weight: 2, arbitrary: oversized() },
    { weight: 2, arbitrary: controlString() },
    { weight: 2, arbitrary: pollutingObject() },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double()) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4 }) },
  );

// ---------------------------------------------------------------------------------------------------------
// Mutation of valid argument lists

function isPlainContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  if (Array.isArray(v)) return true;
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of arrays and plain objects (own `__proto__` keys kept); anything else is shared. */
export function cloneData<T>(value: T, depth = 0): T {
  if (depth > 20 || !isPlainContainer(value)) return value;
  if (Array.isArray(value)) return value.map((v) => cloneData(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    setOwn(out, key, cloneData((value as Record<string, unknown>)[key], depth + 1));
  return out as T;
}

interface Slot {
  readonly parent: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

function slotsOf(root: unknown[]): Slot[] {
  const slots: Slot[] = [];
  const walk = (node: Record<string, unknown> | unknown[], depth: number): void => {
    if (depth > 12 || slots.length > 400) return;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      slots.push({ parent: node, key });
      const child = (node as Record<string | number, unknown>)[key];
      if (isPlainContainer(child)) walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return slots;
}

/** A valid argument list with one slot replaced, removed, or given a prototype-polluting sibling key. */
export function mutated(valid: fc.Arbitrary<readonly unknown[]>): fc.Arbitrary<readonly unknown[]> {
  return fc
    .tuple(valid, fc.nat(), fc.integer({ min: 0, max: 9 }), hostileValue())
    .map(([args, pick, op, hostile]) => {
      const copy = cloneData([...args]);
      const slots = slotsOf(copy);
      if (slots.length === 0) return [hostile];
      const slot = slots[pick % slots.length]!;
      const parent = slot.parent as Record<string | number, unknown>;
      if (op === 0 && !Array.isArray(slot.parent)) delete parent[slot.key];
      else if (op === 1) {
        const container = isPlainContainer(parent[slot.key]) ? parent[slot.key] : slot.parent;
        if (!Array.isArray(container))
          setOwn(container as Record<string, unknown>, '__proto__', JSON.parse('{"polluted":true}'));
        else parent[slot.key] = hostile;
      } else parent[slot.key] = hostile;
      return copy;
    });
}

// ---------------------------------------------------------------------------------------------------------
// Checks

/** Equality after a JSON trip: absent and undefined properties are the same, and so are 0 and -0. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isPlainContainer(a) || !isPlainContainer(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(rb, k) && jsonEqual(ra[k], rb[k]));
}

/**
 * Whether JSON keeps `value` as it is (functions and non-plain objects aside): no NaN or infinities, no
 * `undefined` inside arrays. Outputs are only held to a JSON round trip when their inputs could make one,
 * since functions may keep a caller's own extra data as given.
 */
export function jsonFaithful(value: unknown, depth = 0): boolean {
  if (depth > 20) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'bigint' || typeof value === 'symbol') return false;
  if (Array.isArray(value)) return value.every((v) => v !== undefined && jsonFaithful(v, depth + 1));
  if (isPlainContainer(value)) return Object.values(value).every((v) => jsonFaithful(v, depth + 1));
  return true;
}

function survivesJson(value: unknown): boolean {
  if (value === undefined) return true;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return false;
  }
  if (text === undefined) return false;
  return jsonEqual(JSON.parse(text), value);
}

function preview(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v) =>
      typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
    );
    return text === undefined ? String(value) : text.length > 600 ? `${text.slice(0, 600)}…` : text;
  } catch {
    return String(value);
  }
}

interface ResultLike {
  isOk(): boolean;
  isErr(): boolean;
  readonly value?: unknown;
  readonly error?: unknown;
}

function isResult(value: unknown): value is ResultLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ResultLike).isOk === 'function' &&
    typeof (value as ResultLike).isErr === 'function'
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function'
  );
}

/** Problems with an error value, or an empty list when it is a proper typed error. */
export function typedErrorProblems(
  error: unknown,
  types: ReadonlySet<string>,
  fieldOptional: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  if (typeof error !== 'object' || error === null) return [`error is not an object: ${preview(error)}`];
  const proto = Object.getPrototypeOf(error);
  if (proto !== Object.prototype && proto !== null) problems.push('error is not a plain object');
  const e = error as Record<string, unknown>;
  if (typeof e['type'] !== 'string' || !types.has(e['type']))
    problems.push(`unknown error type ${preview(e['type'])}`);
  if (typeof e['message'] !== 'string' || e['message'].length === 0) problems.push('error without a message');
  else if (e['message'].length > 2000) problems.push(`error message of ${e['message'].length} characters`);
  const optional = typeof e['type'] === 'string' && fieldOptional.includes(e['type']);
  if (!optional && (typeof e['field'] !== 'string' || e['field'].length === 0))
    problems.push('error without a field');
  if (!survivesJson(error)) problems.push('error does not survive JSON');
  return problems;
}

function prototypeIsClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe['polluted'] === undefined && Object.keys(Object.prototype).length === 0;
}

interface CallOutcome {
  readonly kind: 'ok' | 'typed-error' | 'value' | 'programmer-error';
  readonly output: unknown;
  readonly ms: number;
}

async function callOnce(
  label: string,
  fn: (...args: unknown[]) => unknown,
  c: FuzzCase,
  args: readonly unknown[],
  types: ReadonlySet<string>,
  origin: Origin,
): Promise<CallOutcome> {
  const lax = c.trusted === true && origin !== 'valid';
  const started = performance.now();
  let output: unknown;
  try {
    output = c.invoke === undefined ? fn(...args) : c.invoke(args);
    if (isThenable(output)) output = await output;
  } catch (error) {
    const ms = performance.now() - started;
    if (c.programmerError?.(error, args) === true || (lax && (error as Error)?.name === 'TypeError'))
      return { kind: 'programmer-error', output: error, ms };
    throw new Error(`${label} threw ${preview(String(error))} for ${preview(args)}`, { cause: error });
  }
  const ms = performance.now() - started;
  if (!prototypeIsClean()) throw new Error(`${label} polluted Object.prototype for ${preview(args)}`);
  if (ms > MAX_CALL_MS) throw new Error(`${label} took ${ms.toFixed(0)} ms for ${preview(args)}`);
  if (lax) {
    const failed = isResult(output) && output.isErr();
    return { kind: failed ? 'typed-error' : 'ok', output, ms };
  }
  if (c.returns === 'result') {
    if (!isResult(output)) throw new Error(`${label} did not return a Result for ${preview(args)}`);
    if (output.isErr()) {
      const problems = typedErrorProblems(output.error, types, c.fieldOptional);
      if (problems.length > 0)
        throw new Error(`${label}: ${problems.join('; ')}: ${preview(output.error)} for ${preview(args)}`);
      return { kind: 'typed-error', output: output.error, ms };
    }
    if (c.json !== false && jsonFaithful(args) && !survivesJson(output.value))
      throw new Error(
        `${label}: output does not survive JSON: ${preview(output.value)} for ${preview(args)}`,
      );
    return { kind: 'ok', output: output.value, ms };
  }
  if (c.json !== false && jsonFaithful(args) && !survivesJson(output))
    throw new Error(`${label}: output does not survive JSON: ${preview(output)} for ${preview(args)}`);
  return { kind: 'value', output, ms };
}

/** Fuzzes one function; returns its figures (and appends them to ISP_FUZZ_REPORT when set). */
export async function fuzzFunction(
  pkg: string,
  name: string,
  fn: unknown,
  c: FuzzCase,
  types: ReadonlySet<string>,
  runs: number = FUZZ_RUNS,
): Promise<FuzzFigures> {
  if (typeof fn !== 'function') throw new Error(`${pkg}: ${name} is not a function`);
  const call = fn as (...args: unknown[]) => unknown;
  const label = `${pkg} ${name}`;
  const sources: { weight: number; arbitrary: fc.Arbitrary<{ origin: Origin; args: readonly unknown[] }> }[] =
    [
      { weight: 4, arbitrary: c.valid.map((args) => ({ origin: 'valid' as const, args })) },
      {
        weight: 1,
        arbitrary: fc
          .array(hostileValue(), { maxLength: 4 })
          .map((args) => ({ origin: 'random' as const, args })),
      },
    ];
  if (c.invalid !== undefined)
    sources.push({ weight: 2, arbitrary: c.invalid.map((args) => ({ origin: 'invalid' as const, args })) });
  if (c.mutate !== false)
    sources.push({
      weight: 4,
      arbitrary: mutated(c.valid).map((args) => ({ origin: 'mutated' as const, args })),
    });
  const figures = { cases: 0, valid: 0, ok: 0, typedErrors: 0, programmerErrors: 0, maxMs: 0 };
  await fc.assert(
    fc.asyncProperty(fc.oneof(...sources), async ({ origin, args }) => {
      const outcome = await callOnce(label, call, c, args, types, origin);
      figures.cases += 1;
      figures.maxMs = Math.max(figures.maxMs, outcome.ms);
      if (outcome.kind === 'ok' || outcome.kind === 'value') figures.ok += 1;
      if (outcome.kind === 'typed-error') figures.typedErrors += 1;
      if (outcome.kind === 'programmer-error') figures.programmerErrors += 1;
      if (origin !== 'valid') return;
      figures.valid += 1;
      if (outcome.kind === 'ok' || outcome.kind === 'value') c.check?.(outcome.output, args);
      // Valid inputs sent through JSON (as a caller reading them from a file would) give the same answer.
      const trimmed = [...args];
      while (trimmed.length > 0 && trimmed[trimmed.length - 1] === undefined) trimmed.pop();
      const text = safeStringify(trimmed);
      if (text === undefined || c.json === false) return;
      const again = JSON.parse(text) as unknown[];
      if (!jsonEqual(again, trimmed)) return;
      const second = await callOnce(label, call, c, again, types, origin);
      figures.maxMs = Math.max(figures.maxMs, second.ms);
      if (second.kind !== outcome.kind || !jsonEqual(second.output, outcome.output))
        throw new Error(`${label}: answer changed after a JSON trip of ${preview(args)}`);
    }),
    { numRuns: runs, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }), endOnFailure: true },
  );
  const result: FuzzFigures = { package: pkg, name, ...figures, maxMs: Number(figures.maxMs.toFixed(2)) };
  const report = process.env['ISP_FUZZ_REPORT'];
  if (report !== undefined && report !== '') appendFileSync(report, `${JSON.stringify(result)}\n`);
  return result;
}

function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * The fuzz suite of one package: a test that every exported function (and every function member of an
 * exported namespace object) has a case in `table`, then one test per case.
 */
export function describeFuzzSuite(
  pkg: string,
  api: Record<string, unknown>,
  table: Readonly<Record<string, FuzzCase>>,
  errorTypes: ReadonlySet<string>,
): void {
  const exported = flattenExports({ ...api });
  describe(`fuzz ${pkg}`, () => {
    test('every exported function has a fuzz case', () => {
      expect(Object.keys(table).sort()).toEqual(exportedFunctions(exported));
    });

    for (const [name, c] of Object.entries(table)) {
      test(
        name,
        async () => {
          const figures = await fuzzFunction(pkg, name, exported[name], c, errorTypes);
          expect(figures.cases).toBeGreaterThan(0);
        },
        FUZZ_TEST_TIMEOUT_MS,
      );
    }
  });
}
