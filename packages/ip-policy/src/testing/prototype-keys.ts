import fc from 'fast-check';

/**
 * `base` as `JSON.parse` would give it with own `__proto__`, `constructor` or `prototype` keys added (the
 * prototype-pollution shape of options read from JSON): e.g. `withPrototypeKeys({ pools: ['10.0.0.0/24'] })`.
 */
export function withPrototypeKeys<T extends object>(base: T): fc.Arbitrary<T> {
  return fc.subarray(['__proto__', 'constructor', 'prototype'], { minLength: 1 }).map((keys) => {
    const polluted = JSON.parse(
      `{${keys.map((k) => `${JSON.stringify(k)}: {"polluted": true, "prototype": {"polluted": true}}`).join(',')}}`,
    ) as Record<string, unknown>;
    return Object.assign(polluted, base) as T;
  });
}
