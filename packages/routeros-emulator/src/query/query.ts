/** A row as the API prints it: property name → value (only `get` is needed). */
export type PrintedRow = { get(key: string): string | undefined };

/** One compiled query word. */
export type QueryOp =
  | { readonly kind: 'has'; readonly name: string }
  | { readonly kind: 'absent'; readonly name: string }
  | { readonly kind: 'eq' | 'lt' | 'gt'; readonly name: string; readonly value: string }
  | { readonly kind: 'stack'; readonly ops: string };

export type QueryParse =
  | { readonly ok: true; readonly ops: readonly QueryOp[] }
  | { readonly ok: false; readonly word: string };

/**
 * Parses `?` words: `?name` (has a value), `?-name` and `?-name=` (has no value), `?name=x` and `?=name=x`
 * (equal), `?<name=x`, `?>name=x`, and `?#ops` stack operations.
 */
export function parseQuery(words: readonly string[]): QueryParse {
  const ops: QueryOp[] = [];
  for (const word of words) {
    const body = word.slice(1);
    if (body.startsWith('#')) {
      const stackOps = body.slice(1);
      if (!/^[0-9!&|.]*$/.test(stackOps)) return { ok: false, word };
      ops.push({ kind: 'stack', ops: stackOps });
      continue;
    }
    if (body.startsWith('-')) {
      const rest = body.slice(1);
      const name = rest.endsWith('=') ? rest.slice(0, -1) : rest;
      if (name === '' || name.includes('=')) return { ok: false, word };
      ops.push({ kind: 'absent', name });
      continue;
    }
    let kind: 'eq' | 'lt' | 'gt' = 'eq';
    let rest = body;
    if (rest.startsWith('<')) {
      kind = 'lt';
      rest = rest.slice(1);
    } else if (rest.startsWith('>')) {
      kind = 'gt';
      rest = rest.slice(1);
    } else if (rest.startsWith('=')) {
      rest = rest.slice(1);
    }
    const eq = rest.indexOf('=');
    if (eq < 0) {
      if (rest === '' || kind !== 'eq') return { ok: false, word };
      ops.push({ kind: 'has', name: rest });
      continue;
    }
    const name = rest.slice(0, eq);
    if (name === '') return { ok: false, word };
    ops.push({ kind, name, value: rest.slice(eq + 1) });
  }
  return { ok: true, ops };
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function compare(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b)) {
    return Number(a) - Number(b);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stack starts as an endless run of `true`: popping an empty stack yields `true`. */
function pop(stack: boolean[]): boolean {
  return stack.length === 0 ? true : stack.pop()!;
}

function at(stack: boolean[], index: number): boolean {
  const position = stack.length - 1 - index;
  return position < 0 ? true : stack[position]!;
}

function applyStackOps(stack: boolean[], ops: string): void {
  let i = 0;
  let previousWasIndex = false;
  while (i < ops.length) {
    const ch = ops[i]!;
    if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < ops.length && ops[j]! >= '0' && ops[j]! <= '9') j++;
      const value = at(stack, Number(ops.slice(i, j)));
      if (j === ops.length) {
        stack.length = 0;
        stack.push(value);
      } else {
        stack.push(value);
      }
      i = j;
      previousWasIndex = true;
      continue;
    }
    if (ch === '!') {
      stack.push(!pop(stack));
    } else if (ch === '&') {
      const b = pop(stack);
      const a = pop(stack);
      stack.push(a && b);
    } else if (ch === '|') {
      const b = pop(stack);
      const a = pop(stack);
      stack.push(a || b);
    } else if (ch === '.') {
      if (!previousWasIndex) stack.push(at(stack, 0));
    }
    previousWasIndex = false;
    i++;
  }
}

/** Evaluates compiled query words against one printed row; the row passes if no `false` remains. */
export function matchesQuery(ops: readonly QueryOp[], row: PrintedRow): boolean {
  if (ops.length === 0) return true;
  const stack: boolean[] = [];
  for (const op of ops) {
    switch (op.kind) {
      case 'has': {
        const value = row.get(op.name);
        stack.push(value !== undefined && value !== '');
        break;
      }
      case 'absent': {
        const value = row.get(op.name);
        stack.push(value === undefined || value === '');
        break;
      }
      case 'eq': {
        const value = row.get(op.name);
        stack.push(value === undefined ? op.value === '' : value === op.value);
        break;
      }
      case 'lt': {
        const value = row.get(op.name);
        stack.push(value !== undefined && compare(value, op.value) < 0);
        break;
      }
      case 'gt': {
        const value = row.get(op.name);
        stack.push(value !== undefined && compare(value, op.value) > 0);
        break;
      }
      case 'stack':
        applyStackOps(stack, op.ops);
        break;
    }
  }
  return stack.every((value) => value);
}
