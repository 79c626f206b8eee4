import { describe, expect, it } from 'vitest';
import { makeContract, plans } from '../../test/fixtures';
import type { Contract } from '../contract/types';
import { accessStateOf, desiredAccessOf, desiredNetworkState } from './desired-access';

const cancelled = (
  network: 'none' | 'release-ip' | 'keep-ip-and-suspend',
  accessBefore = 'throttled' as const,
): Contract => ({
  ...makeContract(),
  status: 'cancelled',
  cancellation: { date: '2026-07-01', reason: 'x', network, accessBefore },
});

describe('desired network state', () => {
  it('maps each status to an access state', () => {
    expect(accessStateOf(makeContract())).toBe('active');
    expect(accessStateOf({ ...makeContract(), status: 'throttled' })).toBe('throttled');
    expect(accessStateOf({ ...makeContract(), status: 'suspended' })).toBe('suspended');
    expect(accessStateOf(cancelled('release-ip'))).toBe('absent');
    expect(accessStateOf(cancelled('keep-ip-and-suspend'))).toBe('suspended');
    expect(accessStateOf(cancelled('none'))).toBe('throttled');
  });

  it('derives the port type for each internet account, with plan rates and credentials', () => {
    expect(desiredAccessOf({ ...makeContract(), status: 'throttled' }, plans)._unsafeUnwrap()).toEqual([
      {
        subscriberId: 'acc-1',
        routerId: 'r1',
        method: 'pppoe',
        state: 'throttled',
        ipv4: '10.0.1.10',
        plan: {
          planId: 'p10',
          rate: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
          throttledRate: { uploadBps: 512_000, downloadBps: 1_000_000 },
        },
        credentials: { username: 'alice', password: 'S3cret-pw' },
      },
    ]);
  });

  it('a released account is absent, without the released IP or the credentials (nothing is written for it)', () => {
    const released = {
      ...cancelled('release-ip'),
      items: makeContract().items.map((i) =>
        i.kind === 'internet'
          ? { ...i, account: { ...i.account, ipv4: '127.0.1.10', previousIpv4: '10.0.1.10' } }
          : i,
      ),
    };
    expect(desiredAccessOf(released, plans)._unsafeUnwrap()).toEqual([
      {
        subscriberId: 'acc-1',
        routerId: 'r1',
        method: 'pppoe',
        state: 'absent',
        plan: {
          planId: 'p10',
          rate: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
          throttledRate: { uploadBps: 512_000, downloadBps: 1_000_000 },
        },
      },
    ]);
  });

  it('groups by router and isolates contracts with unknown plans', () => {
    const good = makeContract();
    const bad = makeContract({ id: 'c2' });
    const badPlan = {
      ...bad,
      items: bad.items.map((i) => (i.kind === 'internet' ? { ...i, planId: 'gone' } : i)),
    };
    const state = desiredNetworkState([good, badPlan], plans);
    expect([...state.byRouter.keys()]).toEqual(['r1']);
    expect(state.byRouter.get('r1')?.map((d) => d.subscriberId)).toEqual(['acc-1']);
    expect(state.failures).toEqual([
      { contractId: 'c2', error: expect.objectContaining({ type: 'UnknownPlan' }) },
    ]);
  });
});
