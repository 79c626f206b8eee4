import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cidr, ipv4, ipv4InPools, poolList, takenSet } from '../testing/index.js';
import { allocateIp } from './allocate-ip.js';
import { createIpAllocator } from './ip-allocator.js';
import { isIpInPools } from './is-ip-in-pools.js';
import { parsePoolList } from './parse-pool-list.js';

// An independent model of the pools, written with plain arithmetic on the dotted strings.
const toInt = (ip: string): number => ip.split('.').reduce((total, octet) => total * 256 + Number(octet), 0);
const toIp = (value: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
const bounds = (block: string): [number, number] => {
  const [network, prefix] = block.includes('/') ? block.split('/') : [block, '32'];
  const start = toInt(network!);
  return [start, start + 2 ** (32 - Number(prefix)) - 1];
};
const isReserved = (pool: string, address: number): boolean => {
  const [start, end] = bounds(pool);
  return Number(pool.split('/')[1]) <= 30 && (address === start || address === end);
};
const isExcluded = (exclusions: readonly string[], address: number): boolean =>
  exclusions.map(bounds).some(([start, end]) => start <= address && address <= end);

/** Every address the allocator may hand out, in the order it should: pools in order, ascending. */
function usableAddresses(pools: readonly string[], exclusions: readonly string[]): string[] {
  const result: string[] = [];
  const excluded = exclusions.map(bounds);
  for (const pool of pools) {
    const [start, end] = bounds(pool);
    for (let address = start; address <= end; address++) {
      const inExclusion = excluded.some(([low, high]) => low <= address && address <= high);
      if (!isReserved(pool, address) && !inExclusion) result.push(toIp(address));
    }
  }
  return result;
}

const exclusionsIn = (pools: readonly string[]): fc.Arbitrary<string[]> =>
  fc.array(
    fc.oneof(
      ipv4InPools(pools),
      fc.tuple(ipv4InPools(pools), fc.integer({ min: 27, max: 32 })).map(([ip, prefix]) => {
        const size = 2 ** (32 - prefix);
        return `${toIp(Math.floor(toInt(ip) / size) * size)}/${prefix}`;
      }),
      cidr({ minPrefix: 16, maxPrefix: 32 }),
    ),
    { maxLength: 4 },
  );

const scenario = poolList({ minPrefix: 24, maxPrefix: 32, maxPools: 3 }).chain((pools) =>
  fc.record({
    pools: fc.constant(pools),
    exclusions: exclusionsIn(pools),
    taken: takenSet(pools, { maxSize: 300 }),
    prefer: fc.option(fc.oneof(ipv4InPools(pools), ipv4()), { nil: undefined }),
  }),
);

describe('allocation properties', () => {
  test.prop([scenario], { numRuns: 1000 })(
    'never returns a taken, network, broadcast or excluded address; matches the model',
    ({ pools, exclusions, taken, prefer }) => {
      const result = allocateIp({ pools, exclusions, taken, prefer });
      const free = usableAddresses(pools, exclusions).filter((ip) => !taken.has(ip));
      if (free.length === 0) {
        expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'PoolExhausted', pools });
        return;
      }
      const { ip, pool, preference } = result._unsafeUnwrap();
      expect(taken.has(ip)).toBe(false);
      expect(isReserved(pool, toInt(ip))).toBe(false);
      expect(isExcluded(exclusions, toInt(ip))).toBe(false);
      expect(pools).toContain(pool);
      if (prefer !== undefined && free.includes(prefer)) {
        expect({ ip, preference }).toEqual({ ip: prefer, preference: 'used' });
      } else {
        expect(ip).toBe(free[0]);
        expect(preference).not.toBe('used');
        if (prefer === undefined) expect(preference).toBe('none');
      }
    },
    60_000,
  );

  test.prop(
    [
      poolList({ minPrefix: 25, maxPrefix: 28, maxPools: 3 }).chain((pools) =>
        fc.record({
          pools: fc.constant(pools),
          exclusions: exclusionsIn(pools),
          taken: takenSet(pools, { maxSize: 40 }),
        }),
      ),
    ],
    { numRuns: 1000 },
  )(
    'repeated allocation hands out every free address exactly once, then PoolExhausted',
    ({ pools, exclusions, taken }) => {
      const allocator = createIpAllocator({ pools, exclusions })._unsafeUnwrap();
      const growing = new Set(taken);
      const handedOut: string[] = [];
      for (;;) {
        const result = allocator.allocate({ taken: growing });
        if (result.isErr()) {
          expect(result.error).toMatchObject({ type: 'PoolExhausted', capacity: allocator.capacity });
          break;
        }
        handedOut.push(result.value.ip);
        growing.add(result.value.ip);
      }
      const usable = usableAddresses(pools, exclusions);
      expect(allocator.capacity).toBe(usable.length);
      expect(handedOut).toEqual(usable.filter((ip) => !taken.has(ip)));
    },
    60_000,
  );

  test.prop([poolList({ minPrefix: 8, maxPrefix: 32, maxPools: 4, within: '0.0.0.0/0' }), ipv4()], {
    numRuns: 1000,
  })('membership agrees with the model', (pools, ip) => {
    const expected = pools.some((pool) => {
      const [start, end] = bounds(pool);
      return start <= toInt(ip) && toInt(ip) <= end;
    });
    expect(isIpInPools(ip, pools)._unsafeUnwrap()).toBe(expected);
  });

  test.prop([fc.array(cidr({ minPrefix: 8, maxPrefix: 32 }), { minLength: 1, maxLength: 5 })], {
    numRuns: 1000,
  })(
    'parsePoolList accepts exactly the lists without overlaps, and its output parses to itself',
    (blocks) => {
      const overlapping = blocks.some((block, index) =>
        blocks.slice(index + 1).some((other) => {
          const [startA, endA] = bounds(block);
          const [startB, endB] = bounds(other);
          return startA <= endB && startB <= endA;
        }),
      );
      const parsed = parsePoolList(blocks);
      if (overlapping) {
        expect(parsed._unsafeUnwrapErr().type).toBe('OverlappingPools');
      } else {
        const normalised = parsed._unsafeUnwrap().map((pool) => pool.cidr);
        expect(normalised).toEqual(blocks);
        expect(
          parsePoolList(normalised.join(', '))
            ._unsafeUnwrap()
            .map((pool) => pool.cidr),
        ).toEqual(normalised);
      }
    },
  );
});
