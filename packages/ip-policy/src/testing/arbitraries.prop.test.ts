import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isIpv4 } from '../ipv4/is-ipv4.js';
import { parseCidr } from '../ipv4/parse-cidr.js';
import { isIpInPools } from '../pool/is-ip-in-pools.js';
import { parsePoolList } from '../pool/parse-pool-list.js';
import { cidr, invalidIpv4, ipv4InCidr, poolList, takenSet } from './index.js';

describe('testing arbitraries', () => {
  test.prop(
    [cidr({ minPrefix: 8, maxPrefix: 32 }).chain((block) => fc.tuple(fc.constant(block), ipv4InCidr(block)))],
    {
      numRuns: 1000,
    },
  )('ipv4InCidr stays inside its block', ([block, ip]) => {
    expect(parseCidr(block).isOk()).toBe(true);
    expect(isIpInPools(ip, [block])._unsafeUnwrap()).toBe(true);
  });

  test.prop([poolList().chain((pools) => fc.tuple(fc.constant(pools), takenSet(pools)))], { numRuns: 1000 })(
    'poolList gives valid non-overlapping pools and takenSet stays inside them',
    ([pools, taken]) => {
      expect(parsePoolList(pools).isOk()).toBe(true);
      for (const ip of taken) expect(isIpInPools(ip, pools)._unsafeUnwrap()).toBe(true);
    },
  );

  test.prop([invalidIpv4()], { numRuns: 1000 })('invalidIpv4 never yields a valid address', (value) => {
    expect(isIpv4(value)).toBe(false);
  });

  it.each(['10.0.0.1/24', 'nonsense', '::/0'])('ipv4InCidr rejects the bad block %j', (block) => {
    expect(() => ipv4InCidr(block)).toThrow(TypeError);
  });
});
