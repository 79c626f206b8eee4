import { describe, expect, it } from 'vitest';
import { allocateIp } from './allocate-ip.js';
import { createIpAllocator } from './ip-allocator.js';

const none: ReadonlySet<string> = new Set();

describe('allocateIp', () => {
  it('returns the lowest usable address, skipping the network address', () => {
    expect(allocateIp({ pools: ['10.0.0.0/24'], taken: none })._unsafeUnwrap()).toEqual({
      ip: '10.0.0.1',
      pool: '10.0.0.0/24',
      preference: 'none',
    });
  });

  it('skips taken addresses and exclusions (single IPs and blocks)', () => {
    const result = allocateIp({
      pools: ['10.0.0.0/24'],
      exclusions: ['10.0.0.1', '10.0.0.4/30'],
      taken: new Set(['10.0.0.2', '10.0.0.3']),
    });
    expect(result._unsafeUnwrap().ip).toBe('10.0.0.8');
  });

  it('never hands out the broadcast address', () => {
    const taken = new Set(['10.0.0.1', '10.0.0.2']);
    const result = allocateIp({ pools: ['10.0.0.0/30'], taken });
    expect(result._unsafeUnwrapErr()).toMatchObject({
      type: 'PoolExhausted',
      pools: ['10.0.0.0/30'],
      capacity: 2,
    });
  });

  it('tries pools in the given order', () => {
    const pools = ['192.168.88.0/29', '10.0.0.0/24'];
    expect(allocateIp({ pools, taken: none })._unsafeUnwrap()).toMatchObject({
      ip: '192.168.88.1',
      pool: '192.168.88.0/29',
    });
    const full = new Set([
      '192.168.88.1',
      '192.168.88.2',
      '192.168.88.3',
      '192.168.88.4',
      '192.168.88.5',
      '192.168.88.6',
    ]);
    expect(allocateIp({ pools, taken: full })._unsafeUnwrap()).toMatchObject({
      ip: '10.0.0.1',
      pool: '10.0.0.0/24',
    });
  });

  it('uses every address of /31 and /32 pools (RFC 3021)', () => {
    expect(allocateIp({ pools: ['10.0.0.6/31'], taken: none })._unsafeUnwrap().ip).toBe('10.0.0.6');
    expect(allocateIp({ pools: ['10.0.0.6/31'], taken: new Set(['10.0.0.6']) })._unsafeUnwrap().ip).toBe(
      '10.0.0.7',
    );
    expect(allocateIp({ pools: ['10.0.0.9'], taken: none })._unsafeUnwrap()).toMatchObject({
      ip: '10.0.0.9',
      pool: '10.0.0.9/32',
    });
  });

  it('reports PoolExhausted with the pools and capacity', () => {
    const taken = new Set(['10.0.0.1', '10.0.0.2', '10.0.0.5']);
    expect(
      allocateIp({
        pools: ['10.0.0.0/30', '10.0.0.4/30'],
        exclusions: ['10.0.0.6'],
        taken,
      })._unsafeUnwrapErr(),
    ).toEqual({
      type: 'PoolExhausted',
      field: 'pools',
      pools: ['10.0.0.0/30', '10.0.0.4/30'],
      capacity: 3,
      message: 'No free IP left in 10.0.0.0/30, 10.0.0.4/30 (3 usable addresses, all taken).',
    });
  });

  it('accepts a predicate for taken IPs', () => {
    const taken = (ip: string): boolean => ip !== '10.0.0.200';
    expect(allocateIp({ pools: ['10.0.0.0/24'], taken })._unsafeUnwrap().ip).toBe('10.0.0.200');
  });

  it('turns a throwing predicate into TakenCheckFailed', () => {
    const taken = (): boolean => {
      throw new Error('lookup failed');
    };
    expect(allocateIp({ pools: ['10.0.0.0/24'], taken })._unsafeUnwrapErr()).toMatchObject({
      type: 'TakenCheckFailed',
      ip: '10.0.0.1',
    });
  });
});

describe('allocateIp with a preferred address', () => {
  const pools = ['10.0.0.0/24', '10.0.1.0/24'];

  it('returns the preferred address when it is free', () => {
    expect(allocateIp({ pools, taken: none, prefer: '10.0.1.77' })._unsafeUnwrap()).toEqual({
      ip: '10.0.1.77',
      pool: '10.0.1.0/24',
      preference: 'used',
    });
  });

  it.each([
    ['10.0.1.77', new Set(['10.0.1.77']), [], 'taken'],
    ['10.0.1.77', none, ['10.0.1.0/25'], 'excluded'],
    ['10.0.1.255', none, [], 'network-or-broadcast'],
    ['10.0.0.0', none, [], 'network-or-broadcast'],
    ['172.16.0.9', none, [], 'outside-pools'],
  ])(
    'falls back to the lowest free address when %s is unusable (%s)',
    (prefer, taken, exclusions, outcome) => {
      expect(allocateIp({ pools, exclusions, taken, prefer })._unsafeUnwrap()).toEqual({
        ip: '10.0.0.1',
        pool: '10.0.0.0/24',
        preference: outcome,
      });
    },
  );

  it('treats null and undefined as no preference', () => {
    expect(allocateIp({ pools, taken: none, prefer: null })._unsafeUnwrap().preference).toBe('none');
    expect(allocateIp({ pools, taken: none, prefer: undefined })._unsafeUnwrap().preference).toBe('none');
  });

  it('rejects an invalid preferred address', () => {
    expect(allocateIp({ pools, taken: none, prefer: '010.0.0.1' })._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidIp',
      field: 'prefer',
      reason: 'not-four-part-decimal',
    });
  });
});

describe('allocateIp input validation', () => {
  it.each([
    [{ pools: ['10.0.0.0/24'] }, 'InvalidArgument', 'taken'],
    [{ pools: ['10.0.0.0/24'], taken: ['10.0.0.1'] }, 'InvalidArgument', 'taken'],
    [{ taken: new Set() }, 'InvalidArgument', 'pools'],
    [{ pools: ['10.0.0.0/24'], exclusions: [7], taken: new Set() }, 'InvalidCidr', 'exclusions[0]'],
    [{ pools: ['10.0.0.0/24'], exclusions: '10.0.0.1/24', taken: new Set() }, 'InvalidCidr', 'exclusions[0]'],
    [{ pools: ['fd00::/64'], taken: new Set() }, 'InvalidCidr', 'pools[0]'],
  ])('rejects %j', (options, type, field) => {
    expect(allocateIp(options as never)._unsafeUnwrapErr()).toMatchObject({ type, field });
  });

  it('rejects a missing options object', () => {
    expect(allocateIp(undefined as never)._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidArgument',
      field: 'config',
    });
  });
});

describe('createIpAllocator', () => {
  const allocator = createIpAllocator({
    pools: ['10.0.0.0/24', '10.0.1.0/30'],
    exclusions: ['10.0.0.1', '10.0.0.128/25', '192.168.0.0/16'],
  })._unsafeUnwrap();

  it('computes the capacity once', () => {
    expect(allocator.capacity).toBe(126 + 2);
    expect(allocator.pools.map((pool) => pool.cidr)).toEqual(['10.0.0.0/24', '10.0.1.0/30']);
    expect(allocator.exclusions.map((block) => block.cidr)).toEqual([
      '10.0.0.1/32',
      '10.0.0.128/25',
      '192.168.0.0/16',
    ]);
  });

  it.each([
    ['10.0.0.2', 'usable'],
    ['10.0.0.1', 'excluded'],
    ['10.0.0.200', 'excluded'],
    ['10.0.0.0', 'network-or-broadcast'],
    ['10.0.1.3', 'network-or-broadcast'],
    ['10.0.1.2', 'usable'],
    ['10.0.2.1', 'outside-pools'],
  ])('classifies %s as %s', (ip, status) => {
    expect(allocator.classify(ip)._unsafeUnwrap()).toBe(status);
  });

  it('answers membership and allocations', () => {
    expect(allocator.contains('10.0.0.255')._unsafeUnwrap()).toBe(true);
    expect(allocator.contains('10.0.1.4')._unsafeUnwrap()).toBe(false);
    expect(allocator.allocate({ taken: new Set(['10.0.0.2']) })._unsafeUnwrap().ip).toBe('10.0.0.3');
  });

  it('jumps over a large exclusion into the next pool', () => {
    const taken = new Set(Array.from({ length: 127 }, (_, index) => `10.0.0.${index + 1}`));
    expect(allocator.allocate({ taken })._unsafeUnwrap()).toMatchObject({
      ip: '10.0.1.1',
      pool: '10.0.1.0/30',
    });
  });

  it('rejects bad allocate options', () => {
    expect(allocator.allocate(null as never)._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidArgument' });
    expect(allocator.contains(' 10.0.0.1')._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidIp' });
  });

  it('handles a /16 with thousands of taken addresses', () => {
    const big = createIpAllocator({ pools: ['10.20.0.0/16'], exclusions: ['10.20.0.1'] })._unsafeUnwrap();
    const taken = new Set<string>();
    for (let index = 2; index < 5002; index++) taken.add(`10.20.${index >> 8}.${index & 255}`);
    expect(big.allocate({ taken })._unsafeUnwrap().ip).toBe('10.20.19.138');
    expect(big.capacity).toBe(65534 - 1);
  });
});
