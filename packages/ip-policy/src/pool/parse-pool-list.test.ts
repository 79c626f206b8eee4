import { describe, expect, it } from 'vitest';
import { parsePoolList } from './parse-pool-list.js';

describe('parsePoolList', () => {
  it('parses an array, keeping the order', () => {
    const pools = parsePoolList(['10.0.1.0/24', '10.0.0.0/24'])._unsafeUnwrap();
    expect(pools.map((pool) => pool.cidr)).toEqual(['10.0.1.0/24', '10.0.0.0/24']);
    expect(pools[0]).toEqual({
      cidr: '10.0.1.0/24',
      prefix: 24,
      first: '10.0.1.0',
      last: '10.0.1.255',
      size: 256,
    });
  });

  it('parses one string separated by commas, spaces or newlines', () => {
    const pools = parsePoolList('10.0.0.0/24, 10.0.1.0/24\n192.168.88.0/24  ')._unsafeUnwrap();
    expect(pools.map((pool) => pool.cidr)).toEqual(['10.0.0.0/24', '10.0.1.0/24', '192.168.88.0/24']);
  });

  it('reads a bare address as a /32 pool', () => {
    expect(parsePoolList(['10.0.0.9'])._unsafeUnwrap()[0]).toMatchObject({ cidr: '10.0.0.9/32', size: 1 });
  });

  it.each([
    [['10.0.0.0/24', '10.0.0.128/25'], '10.0.0.0/24', '10.0.0.128/25'],
    [['10.0.0.0/24', '10.0.0.0/24'], '10.0.0.0/24', '10.0.0.0/24'],
    [['10.0.0.5', '10.0.0.0/29'], '10.0.0.0/29', '10.0.0.5/32'],
  ])('rejects overlapping pools %j', (pools, first, second) => {
    expect(parsePoolList(pools)._unsafeUnwrapErr()).toMatchObject({
      type: 'OverlappingPools',
      first,
      second,
    });
  });

  it('names the offending entry of an invalid list', () => {
    expect(parsePoolList(['10.0.0.0/24', '10.0.1.1/24'])._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidCidr',
      field: 'pools[1]',
      reason: 'host-bits-set',
    });
    expect(parsePoolList(['10.0.0.0/24', 7] as unknown as string[])._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidCidr',
      field: 'pools[1]',
      reason: 'not-a-string',
    });
  });

  it('rejects pools larger than /8', () => {
    expect(parsePoolList(['0.0.0.0/0'])._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidCidr',
      reason: 'prefix-too-short',
    });
  });

  it.each([[[]], [''], [' , '], [null], [{ length: 1, 0: '10.0.0.0/24' }], [42]])('rejects %j', (value) => {
    expect(parsePoolList(value as unknown as string[])._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidArgument',
      field: 'pools',
    });
  });

  it('rejects oversized lists', () => {
    const many = Array.from({ length: 5000 }, (_, index) => `10.${index >> 8}.${index & 255}.0/24`);
    expect(parsePoolList(many)._unsafeUnwrapErr().type).toBe('InvalidArgument');
    expect(parsePoolList('10.0.0.0/24,'.repeat(100_000))._unsafeUnwrapErr().type).toBe('InvalidArgument');
  });
});
