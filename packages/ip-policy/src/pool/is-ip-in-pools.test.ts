import { describe, expect, it } from 'vitest';
import { isIpInPools } from './is-ip-in-pools.js';

describe('isIpInPools', () => {
  const pools = ['10.0.0.0/24', '192.168.88.0/30'];

  it.each([
    ['10.0.0.0', true],
    ['10.0.0.77', true],
    ['10.0.0.255', true],
    ['10.0.1.0', false],
    ['192.168.88.3', true],
    ['192.168.88.4', false],
    ['8.8.8.8', false],
  ])('%s → %s', (ip, expected) => {
    expect(isIpInPools(ip, pools)._unsafeUnwrap()).toBe(expected);
  });

  it('accepts a comma-separated pool string', () => {
    expect(isIpInPools('10.0.0.1', '10.0.0.0/24,10.0.1.0/24')._unsafeUnwrap()).toBe(true);
  });

  it('gives typed errors for a bad IP or bad pools', () => {
    expect(isIpInPools('10.0.0.256', pools)._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidIp',
      field: 'ip',
    });
    expect(isIpInPools('10.0.0.1', ['10.0.0.0/24', 'x'])._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidCidr',
      field: 'pools[1]',
    });
  });
});
