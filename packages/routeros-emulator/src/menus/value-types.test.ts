import { describe, expect, it } from 'vitest';
import { parseRosVersion } from '../server/ros-version';
import type { ValueContext, ValueType } from './types';
import { normaliseValue } from './value-types';

const version = (text: string) => {
  const parsed = parseRosVersion(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.version;
};
const ctx = (v = '7.18'): ValueContext => ({
  version: version(v),
  now: 0,
  interfaces: ['ether1'],
  names: () => new Set(['default', 'plan-a']),
});
const norm = (type: ValueType, input: string, v?: string) => normaliseValue('x', type, input, ctx(v));

describe('print normalisation', () => {
  it('rates print as plain bits; a single value applies to both directions', () => {
    expect(norm({ kind: 'rate-pair' }, '10M/20M')).toEqual({ ok: true, value: '10000000/20000000' });
    expect(norm({ kind: 'rate-pair' }, '512k/1.5M')).toEqual({ ok: true, value: '512000/1500000' });
    expect(norm({ kind: 'rate-pair' }, '10M')).toEqual({ ok: true, value: '10000000/10000000' });
    expect(norm({ kind: 'rate' }, '2G')).toEqual({ ok: true, value: '2000000000' });
  });
  it('queue targets get a prefix; address-list addresses get their network', () => {
    expect(norm({ kind: 'targets' }, '10.0.0.42')).toEqual({ ok: true, value: '10.0.0.42/32' });
    expect(norm({ kind: 'targets' }, '10.0.0.42/24,ether1')).toEqual({
      ok: true,
      value: '10.0.0.0/24,ether1',
    });
    expect(norm({ kind: 'list-address' }, '203.0.113.77/24')).toEqual({ ok: true, value: '203.0.113.0/24' });
    expect(norm({ kind: 'list-address' }, '10.0.0.1/32')).toEqual({ ok: true, value: '10.0.0.1' });
    expect(norm({ kind: 'list-address' }, 'portal.example.net')).toEqual({
      ok: true,
      value: 'portal.example.net',
    });
  });
  it('booleans accept yes/no/true/false and print true/false', () => {
    expect(norm({ kind: 'bool' }, 'yes')).toEqual({ ok: true, value: 'true' });
    expect(norm({ kind: 'bool' }, 'false')).toEqual({ ok: true, value: 'false' });
    expect(norm({ kind: 'bool' }, 'maybe')).toEqual({
      ok: false,
      trap: { message: 'input does not match any value of x', category: 1 },
    });
  });
  it('durations print per version', () => {
    expect(norm({ kind: 'duration' }, '1d02:03:04')).toEqual({ ok: true, value: '1d2h3m4s' });
    expect(norm({ kind: 'duration' }, '90m', '6.49')).toEqual({ ok: true, value: '01:30:00' });
  });
  it('enums accept a unique prefix and report ambiguity', () => {
    const type: ValueType = { kind: 'enum', values: ['pppoe', 'pptp', 'any'] };
    expect(norm(type, 'pppo')).toEqual({ ok: true, value: 'pppoe' });
    expect(norm(type, 'pp')).toEqual({
      ok: false,
      trap: { message: 'ambiguous value of x, more than one possible value matches input' },
    });
  });
  it('bad addresses and timeouts give the RouterOS messages', () => {
    expect(norm({ kind: 'ip' }, '10.0.0.300')).toEqual({
      ok: false,
      trap: { message: 'invalid value for argument x' },
    });
    expect(norm({ kind: 'timeout' }, '36w')).toEqual({
      ok: false,
      trap: { message: 'value of timeout is out of range (00:00:00 .. 35w3d13:13:56)' },
    });
    expect(norm({ kind: 'timeout' }, '35w3d13h13m56s')).toEqual({ ok: true, value: '21474836' });
  });
  it('references must name an existing row', () => {
    expect(norm({ kind: 'ref', menu: '/ppp/profile' }, 'plan-a')).toEqual({ ok: true, value: 'plan-a' });
    expect(norm({ kind: 'ref-pair', menu: '/queue/type' }, 'default')).toEqual({
      ok: true,
      value: 'default/default',
    });
    expect(norm({ kind: 'ref', menu: '/ppp/profile' }, 'nope').ok).toBe(false);
  });
  it('rate-limit follows the PPP grammar', () => {
    expect(norm({ kind: 'rate-limit' }, '5M/10M 6M/12M 4M/8M 8s/8s 8 1M/2M').ok).toBe(true);
    expect(norm({ kind: 'rate-limit' }, '5M/10M  x').ok).toBe(false);
  });
});
