import { describe, expect, it } from 'vitest';
import { makeContract } from '../../test/fixtures';
import { transitionContract } from './transition-contract';

describe('transitionContract', () => {
  it('moves through legal transitions, appending what, why and when', () => {
    const c0 = makeContract();
    const c1 = transitionContract(c0, 'throttled', {
      date: '2026-06-13',
      reason: 'overdue 3 days',
    })._unsafeUnwrap();
    const c2 = transitionContract(c1, 'suspended', {
      date: '2026-06-22',
      reason: 'overdue 12 days',
    })._unsafeUnwrap();
    const c3 = transitionContract(c2, 'cancelled', {
      date: '2026-06-22',
      reason: 'overdue 12 days',
    })._unsafeUnwrap();
    const c4 = transitionContract(c3, 'active', {
      date: '2026-08-01',
      reason: 'reactivated',
    })._unsafeUnwrap();
    expect(c4.status).toBe('active');
    expect(c4.history.slice(1)).toEqual([
      {
        date: '2026-06-13',
        event: 'status-changed',
        from: 'active',
        to: 'throttled',
        reason: 'overdue 3 days',
      },
      {
        date: '2026-06-22',
        event: 'status-changed',
        from: 'throttled',
        to: 'suspended',
        reason: 'overdue 12 days',
      },
      {
        date: '2026-06-22',
        event: 'status-changed',
        from: 'suspended',
        to: 'cancelled',
        reason: 'overdue 12 days',
      },
      { date: '2026-08-01', event: 'status-changed', from: 'cancelled', to: 'active', reason: 'reactivated' },
    ]);
    expect(c0.status).toBe('active');
    expect(c0.history).toHaveLength(1);
  });

  it.each([
    ['active', 'active'],
    ['cancelled', 'throttled'],
    ['cancelled', 'suspended'],
    ['cancelled', 'cancelled'],
  ] as const)('rejects %s → %s with IllegalTransition', (from, to) => {
    const c = { ...makeContract(), status: from };
    expect(transitionContract(c, to, { date: '2026-06-01', reason: 'x' })._unsafeUnwrapErr()).toMatchObject({
      type: 'IllegalTransition',
      from,
      to,
    });
  });

  it('rejects an unknown target, a bad date and an empty reason', () => {
    const c = makeContract();
    expect(
      transitionContract(c, 'paused' as never, { date: '2026-06-01', reason: 'x' })._unsafeUnwrapErr().type,
    ).toBe('IllegalTransition');
    expect(
      transitionContract(c, 'suspended', { date: '01/06/2026', reason: 'x' })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'InvalidDate',
      field: 'date',
    });
    expect(
      transitionContract(c, 'suspended', { date: '2026-06-01', reason: '' })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'InvalidInput',
      field: 'reason',
    });
  });
});
