import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { matchesQuery, parseQuery, type QueryOp } from './query';

const keyArb = fc.constantFrom('name', 'comment', 'mtu');
const valueArb = fc.constantFrom('', 'a', 'b', '10', '9');
const rowArb = fc
  .dictionary(keyArb, valueArb, { maxKeys: 3 })
  .map((entries) => new Map(Object.entries(entries)) as ReadonlyMap<string, string>);
const wordArb = fc.oneof(
  fc.tuple(keyArb, valueArb).map(([key, value]) => `?${key}=${value}`),
  fc.tuple(keyArb, valueArb).map(([key, value]) => `?<${key}=${value}`),
  fc.tuple(keyArb, valueArb).map(([key, value]) => `?>${key}=${value}`),
  keyArb.map((key) => `?${key}`),
  keyArb.map((key) => `?-${key}`),
);

const ops = (words: string[]): readonly QueryOp[] => {
  const parsed = parseQuery(words);
  if (!parsed.ok) throw new Error('generator produced an invalid word');
  return parsed.ops;
};
const holds = (words: string[], row: ReadonlyMap<string, string>): boolean => matchesQuery(ops(words), row);

describe('query stack algebra', () => {
  test.prop([wordArb, rowArb])('?#! negates a single condition', (word, row) => {
    expect(holds([word, '?#!'], row)).toBe(!holds([word], row));
  });
  test.prop([wordArb, wordArb, rowArb])('?#| is or, ?#& and juxtaposition are and', (a, b, row) => {
    expect(holds([a, b, '?#|'], row)).toBe(holds([a], row) || holds([b], row));
    expect(holds([a, b, '?#&'], row)).toBe(holds([a], row) && holds([b], row));
    expect(holds([a, b], row)).toBe(holds([a], row) && holds([b], row));
  });
  test.prop([wordArb, rowArb])('?name and ?-name are complementary', (word, row) => {
    const key = word.replace(/^\?[<>-]?/, '').split('=')[0]!;
    expect(holds([`?${key}`], row)).toBe(!holds([`?-${key}`], row));
  });
  test.prop([wordArb, wordArb, rowArb])('De Morgan: !(a|b) = !a & !b', (a, b, row) => {
    expect(holds([a, b, '?#|!'], row)).toBe(holds([a, '?#!', b, '?#!', '?#&'], row));
  });
});
