import { describe, expect, it } from 'vitest';
import { parseCidr } from './parse-cidr.js';

describe('parseCidr', () => {
  it('describes a block', () => {
    expect(parseCidr('192.168.88.0/24')._unsafeUnwrap()).toEqual({
      cidr: '192.168.88.0/24',
      prefix: 24,
      first: '192.168.88.0',
      last: '192.168.88.255',
      size: 256,
    });
  });

  it.each([
    ['0.0.0.0/0', '255.255.255.255', 2 ** 32],
    ['10.0.0.0/8', '10.255.255.255', 2 ** 24],
    ['10.0.0.6/31', '10.0.0.7', 2],
    ['10.0.0.7/32', '10.0.0.7', 1],
  ])('accepts %s', (value, last, size) => {
    expect(parseCidr(value)._unsafeUnwrap()).toMatchObject({ cidr: value, last, size });
  });

  it.each([
    ['10.0.0.1/24', 'host-bits-set'],
    ['10.0.0.0/33', 'malformed'],
    ['10.0.0.0/08', 'non-canonical'],
    ['010.0.0.0/8', 'non-canonical'],
    ['10.0.0/24', 'non-canonical'],
    ['10.0.0.0', 'missing-prefix'],
    ['2001:db8::/32', 'ipv6'],
    [' 10.0.0.0/8', 'malformed'],
    ['10.0.0.0/8 ', 'malformed'],
    ['10.0.0.0/', 'malformed'],
    ['10.0.0.0/-1', 'malformed'],
    ['', 'empty'],
  ] as const)('rejects %j as %s', (value, reason) => {
    expect(parseCidr(value, 'pool')._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidCidr',
      field: 'pool',
      reason,
    });
  });

  it('suggests the network address when host bits are set', () => {
    expect(parseCidr('192.168.88.1/24')._unsafeUnwrapErr().message).toContain('192.168.88.0/24');
  });

  it('rejects non-strings', () => {
    expect(parseCidr(24)._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidCidr', reason: 'not-a-string' });
  });
});
