// The examples of README.md, run as written against the package's public entry points.
import { BENCHMARKING_RELEASE_RULES, createIpAllocator, remapForRelease } from '@isp/ip-policy';
import { poolList, takenSet } from '@isp/ip-policy/testing';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

describe('README examples', () => {
  test('release remap', () => {
    const released = remapForRelease('10.20.7.9', { taken: new Set(['127.0.7.9']) })._unsafeUnwrap();
    expect(released).toMatchObject({
      target: '100.64.7.9',
      original: '10.20.7.9',
      appliedRule: { id: 'wisphub-100-64' },
    });
    const safer = remapForRelease('10.20.7.9', { taken: new Set(), table: BENCHMARKING_RELEASE_RULES });
    expect(safer._unsafeUnwrap().target).toBe('198.18.7.9');
  });

  test('reactivation', () => {
    const allocator = createIpAllocator({
      pools: ['10.20.0.0/16', '192.168.88.0/24'],
      exclusions: ['10.20.0.1', '192.168.88.1', '10.20.255.0/24'],
    })._unsafeUnwrap();
    expect(
      allocator.allocate({ taken: new Set(['10.20.0.2']), prefer: '10.20.7.9' })._unsafeUnwrap(),
    ).toEqual({
      ip: '10.20.7.9',
      pool: '10.20.0.0/16',
      preference: 'used',
    });
    expect(allocator.allocate({ taken: new Set(['10.20.0.2']) })._unsafeUnwrap().ip).toBe('10.20.0.3');
  });

  test('my reactivation never reuses a taken IP', () => {
    const scenario = poolList().chain((pools) => fc.tuple(fc.constant(pools), takenSet(pools)));
    fc.assert(
      fc.property(scenario, ([pools, taken]) => {
        const allocation = createIpAllocator({ pools }).andThen((allocator) => allocator.allocate({ taken }));
        if (allocation.isOk()) expect(taken.has(allocation.value.ip)).toBe(false);
        else expect(allocation.error.type).toBe('PoolExhausted');
      }),
      { numRuns: 1000 },
    );
  });
});
