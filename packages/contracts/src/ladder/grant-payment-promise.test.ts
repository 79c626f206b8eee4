import { describe, expect, it } from 'vitest';
import { makeContract } from '../../test/fixtures';
import { grantPaymentPromise } from './grant-payment-promise';

describe('grantPaymentPromise', () => {
  it('grants a promise and records it in the history', () => {
    const c = grantPaymentPromise(makeContract(), {
      date: '2026-06-20',
      until: '2026-06-25',
    })._unsafeUnwrap();
    expect(c.paymentPromises).toEqual([{ grantedOn: '2026-06-20', until: '2026-06-25' }]);
    expect(c.history.at(-1)).toMatchObject({ event: 'promise-granted', date: '2026-06-20' });
  });

  it('enforces the limit of uses per period, and frees it once the period has passed', () => {
    const once = grantPaymentPromise(makeContract(), {
      date: '2026-06-20',
      until: '2026-06-25',
    })._unsafeUnwrap();
    expect(
      grantPaymentPromise(once, { date: '2026-07-10', until: '2026-07-12' })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'PromiseLimitReached',
      used: 1,
      limit: 1,
    });
    expect(grantPaymentPromise(once, { date: '2026-07-20', until: '2026-07-22' }).isOk()).toBe(true);
    const policy = { maxUses: 2, periodDays: 30, maxDays: 7 };
    expect(grantPaymentPromise(once, { date: '2026-07-10', until: '2026-07-12' }, policy).isOk()).toBe(true);
  });

  it('refuses cancelled contracts, too long promises and dates in the wrong order', () => {
    const cancelled = { ...makeContract(), status: 'cancelled' as const };
    expect(
      grantPaymentPromise(cancelled, { date: '2026-06-20', until: '2026-06-21' })._unsafeUnwrapErr().type,
    ).toBe('PromiseNotAllowed');
    expect(
      grantPaymentPromise(makeContract(), { date: '2026-06-20', until: '2026-07-20' })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'PromiseNotAllowed',
      field: 'until',
    });
    expect(
      grantPaymentPromise(makeContract(), { date: '2026-06-20', until: '2026-06-19' })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'InvalidDate',
      field: 'until',
    });
    expect(
      grantPaymentPromise(
        makeContract(),
        { date: '2026-06-20', until: '2026-06-21' },
        { maxUses: 0, periodDays: 1, maxDays: 1 },
      )._unsafeUnwrapErr(),
    ).toMatchObject({ type: 'InvalidInput', field: 'policy.maxUses' });
  });
});
