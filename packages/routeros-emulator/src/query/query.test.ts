import { describe, expect, it } from 'vitest';
import { matchesQuery, parseQuery } from './query';

const row = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));
const rows = [
  row({ name: 'a', type: 'ether', mtu: '1500', comment: 'isp:1' }),
  row({ name: 'b', type: 'vlan', mtu: '1400' }),
  row({ name: 'c', type: 'bridge', mtu: '9000', comment: '' }),
];

function select(words: string[]): string[] {
  const parsed = parseQuery(words);
  if (!parsed.ok) throw new Error(`bad query ${parsed.word}`);
  return rows
    .filter((candidate) => matchesQuery(parsed.ops, candidate))
    .map((candidate) => candidate.get('name')!);
}

describe('query words', () => {
  it('no query selects everything', () => {
    expect(select([])).toEqual(['a', 'b', 'c']);
  });
  it('?name=value and ?=name=value test equality', () => {
    expect(select(['?type=vlan'])).toEqual(['b']);
    expect(select(['?=type=vlan'])).toEqual(['b']);
  });
  it('?name tests presence of a value, ?-name and ?-name= its absence', () => {
    expect(select(['?comment'])).toEqual(['a']);
    expect(select(['?-comment'])).toEqual(['b', 'c']);
    expect(select(['?-comment='])).toEqual(['b', 'c']);
  });
  it('?< and ?> compare numbers numerically and text lexically', () => {
    expect(select(['?<mtu=1500'])).toEqual(['b']);
    expect(select(['?>mtu=1500'])).toEqual(['c']);
    expect(select(['?>comment='])).toEqual(['a']);
  });
  it('several words are and-ed', () => {
    expect(select(['?mtu=1500', '?type=ether'])).toEqual(['a']);
    expect(select(['?mtu=1500', '?type=vlan'])).toEqual([]);
  });
  it('?#| ors, ?#! negates, ?#& ands (documented example: ether or vlan)', () => {
    expect(select(['?type=ether', '?type=vlan', '?#|'])).toEqual(['a', 'b']);
    expect(select(['?type=ether', '?type=vlan', '?#|', '?#!'])).toEqual(['c']);
    expect(select(['?type=ether', '?mtu=1500', '?#&'])).toEqual(['a']);
  });
  it('index operations: push a copy, or replace the stack at the end', () => {
    // stack: [type=ether, type=vlan]; "1" at end replaces all with index 1 (type=ether)
    expect(select(['?type=ether', '?type=vlan', '?#1'])).toEqual(['a']);
    // "0." pushes a copy of the top then no-op; the stack still needs both true
    expect(select(['?type=vlan', '?#0.'])).toEqual(['b']);
    // "1|" pushes index 1 then ors it with the top: (ether | vlan), with ether still below
    expect(select(['?type=ether', '?type=vlan', '?#1|', '?#|'])).toEqual(['a', 'b']);
  });
  it('an empty stack behaves as true', () => {
    expect(select(['?#!!'])).toEqual(['a', 'b', 'c']);
    expect(select(['?#!'])).toEqual([]);
  });
  it('rejects malformed words', () => {
    expect(parseQuery(['?#x']).ok).toBe(false);
    expect(parseQuery(['?<name']).ok).toBe(false);
    expect(parseQuery(['?']).ok).toBe(false);
  });
});
