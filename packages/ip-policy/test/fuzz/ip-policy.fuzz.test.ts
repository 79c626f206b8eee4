// Every exported function of @isp/ip-policy under generated input, valid and invalid (see test-support/fuzz-harness.ts).
import fc from 'fast-check';
import { describeFuzzSuite, type FuzzTable, pollutingObject } from '../../../../test-support/fuzz-harness';
import * as api from '../../src/index';
import {
  cidr,
  garbageString,
  invalidIpv4,
  ipv4,
  ipv4InPools,
  ipv6,
  nonStringValue,
  oversizedString,
  poolList,
  takenSet,
} from '../../src/testing/index';

const PKG = '@isp/ip-policy';
const ERROR_TYPES: ReadonlySet<string> = new Set<api.IpPolicyError['type']>([
  'InvalidIp',
  'InvalidCidr',
  'InvalidRuleTable',
  'InvalidArgument',
  'OverlappingPools',
  'NoMatchingRule',
  'ReleaseTargetsTaken',
  'TakenCheckFailed',
  'PoolExhausted',
]);

/** Pools, and an address inside them. */
const poolsAndIp = (): fc.Arbitrary<[readonly string[], string]> =>
  poolList().chain((pools) => fc.tuple(fc.constant(pools), ipv4InPools(pools)));
const badIp = (): fc.Arbitrary<unknown> =>
  fc.oneof(invalidIpv4(), ipv6(), garbageString(), oversizedString());
/** A `taken` option: a set, a predicate, a predicate that throws or answers garbage, or not one at all. */
const taken = (pools?: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: takenSet(pools, { maxSize: 16 }) },
    { weight: 1, arbitrary: fc.constant((ip: string) => ip.endsWith('.7')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        () => {
          throw new Error('database down');
        },
        () => 'yes',
        ['10.0.0.1'],
        'taken',
        null,
      ),
    },
  );
const ruleTable = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(api.WISPHUB_RELEASE_RULES, api.BENCHMARKING_RELEASE_RULES),
    fc
      .record({
        name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 -]{0,20}$/),
        rules: fc.array(
          fc.record({
            id: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
            name: fc.constant('rule'),
            match: cidr({ minPrefix: 0, maxPrefix: 24 }),
            target: cidr({ minPrefix: 16, maxPrefix: 16 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fallbacks: fc.array(
          fc.record({
            id: fc.stringMatching(/^f[a-z0-9-]{0,10}$/),
            name: fc.constant('fallback'),
            target: cidr({ minPrefix: 16, maxPrefix: 16 }),
          }),
          { maxLength: 2 },
        ),
      })
      .map((t) => ({ ...t, rules: t.rules.map((r, i) => ({ ...r, id: `${r.id}-${i}` })) })),
  );

const table: FuzzTable<typeof api> = {
  allocateIp: {
    returns: 'result',
    valid: poolsAndIp().chain(([pools, prefer]) =>
      fc.tuple(
        fc.record(
          {
            pools: fc.oneof(fc.constant(pools), fc.constant(pools.join(', '))),
            exclusions: fc.constant([prefer]),
            taken: takenSet(pools, { maxSize: 16 }),
            prefer: fc.constantFrom(prefer, null, undefined),
          },
          { requiredKeys: ['pools', 'taken'] },
        ),
      ),
    ),
    invalid: fc.tuple(
      fc.record({
        pools: fc.oneof(
          fc.array(badIp(), { minLength: 1, maxLength: 3 }),
          fc.constant(['10.0.0.0/24', '10.0.0.128/25']),
        ),
        taken: taken(),
        prefer: badIp(),
      }),
    ),
  },
  createIpAllocator: {
    returns: 'result',
    json: false,
    // The allocator's methods get the same treatment as the constructor.
    invoke: ([config, ip, takenIps]) => {
      const made = api.createIpAllocator(config as api.IpAllocatorConfig);
      if (made.isErr()) return made;
      const allocator = made.value;
      for (const r of [allocator.contains(ip as string), allocator.classify(ip as string)])
        if (r.isErr()) return r;
      return allocator.allocate({ taken: takenIps as api.TakenIps, prefer: ip as string });
    },
    valid: poolsAndIp().chain(([pools, ip]) =>
      fc.tuple(
        fc.record({ pools: fc.constant(pools), exclusions: fc.constant([]) }),
        fc.constant(ip),
        takenSet(pools),
      ),
    ),
    invalid: fc.tuple(fc.record({ pools: fc.constant(['10.0.0.0/24']) }), badIp(), taken()),
  },
  isIpInPools: {
    returns: 'result',
    valid: poolsAndIp().chain(([pools, ip]) =>
      fc.tuple(fc.oneof(fc.constant(ip), ipv4()), fc.constant(pools)),
    ),
    invalid: fc.tuple(badIp(), fc.oneof(fc.constant(['10.0.0.0/24']), nonStringValue(), pollutingObject())),
  },
  isIpv4: {
    returns: 'value',
    valid: fc.tuple(ipv4()),
    invalid: fc.tuple(badIp()),
  },
  parseCidr: {
    returns: 'result',
    valid: fc.tuple(cidr({ minPrefix: 0, maxPrefix: 32 }), fc.constantFrom(undefined, 'pool')),
    invalid: fc.tuple(fc.oneof(badIp(), fc.constantFrom('10.0.0.1/24', '10.0.0.0/33', '10.0.0.0/', '::/0'))),
  },
  parseIpv4: {
    returns: 'result',
    valid: fc.tuple(ipv4(), fc.constantFrom(undefined, 'ip', 'account.ipv4')),
    invalid: fc.tuple(badIp()),
  },
  parsePoolList: {
    returns: 'result',
    valid: fc.tuple(
      fc.oneof(
        poolList(),
        poolList().map((p) => p.join(',')),
      ),
      fc.constantFrom(undefined, 'pools'),
    ),
    invalid: fc.tuple(
      fc.oneof(
        fc.array(badIp(), { minLength: 1, maxLength: 3 }),
        fc.constant(['10.0.0.0/24', '10.0.0.0/25']),
        fc.constant(['0.0.0.0/0']),
        fc.constant(
          Array.from({ length: api.MAX_LIST_ENTRIES + 1 }, (_, i) => `10.${i >> 8}.${i & 255}.0/32`),
        ),
      ),
    ),
  },
  remapForRelease: {
    returns: 'result',
    valid: fc.tuple(
      ipv4(),
      fc.record(
        { taken: takenSet(undefined, { maxSize: 8 }), table: ruleTable() },
        { requiredKeys: ['taken'] },
      ),
    ),
    invalid: fc.tuple(
      badIp(),
      fc.record({ taken: taken(), table: fc.oneof(ruleTable(), pollutingObject()) }),
    ),
  },
  validateReleaseRuleTable: {
    returns: 'result',
    valid: fc.tuple(ruleTable()),
    invalid: fc.tuple(
      fc.oneof(
        pollutingObject(),
        fc.constant({ name: 'x', rules: [], fallbacks: [] }),
        fc.constant({
          name: 'x',
          rules: Array.from({ length: api.MAX_RELEASE_RULES + 1 }, (_, i) => ({
            id: `r${i}`,
            name: 'r',
            match: '10.0.0.0/8',
            target: '127.0.0.0/16',
          })),
          fallbacks: [],
        }),
      ),
    ),
  },
};

describeFuzzSuite(PKG, api, table, ERROR_TYPES);
