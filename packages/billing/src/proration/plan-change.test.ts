import { describe, expect, test } from 'vitest';
import { planChange } from './plan-change';
import { prorate } from './prorate';
import { suspensionCredit } from './suspension-credit';

describe('V07: the WebMikrotik "R$ 5,00 proporcional"', () => {
  test('50.00, period April 2017, active 2017-04-04 → credit 5.00, charge 45.00', () => {
    const period = { start: '2017-04-01', end: '2017-05-01' };
    for (const convention of ['actual-days', '30-day'] as const) {
      const unused = prorate({
        price: '50.00',
        currency: 'BRL',
        convention,
        period,
        billed: { start: '2017-04-01', end: '2017-04-04' },
      });
      const used = prorate({
        price: '50.00',
        currency: 'BRL',
        convention,
        period,
        billed: { start: '2017-04-04', end: '2017-05-01' },
      });
      expect(unused._unsafeUnwrap().amount).toBe('5.00');
      expect(used._unsafeUnwrap().amount).toBe('45.00');
    }
  });
});

describe('V09: upgrade 80.00 → 120.00 on 2025-07-16', () => {
  const input = {
    oldPrice: '80.00',
    newPrice: '120.00',
    currency: 'BRL' as const,
    period: { start: '2025-07-01', end: '2025-08-01' },
    changeDate: '2025-07-16',
  };
  test('actual days: credit 41.29, charge 61.94, net +20.65', () => {
    const r = planChange(input)._unsafeUnwrap();
    expect([r.credit.amount, r.charge.amount, r.net, r.days]).toEqual(['41.29', '61.94', '20.65', 16]);
    expect(r.credit.effect).toBe('credit');
    expect(r.charge.effect).toBe('charge');
  });
  test('30-day: credit 42.67, charge 64.00, net +21.33', () => {
    const r = planChange({ ...input, convention: '30-day' })._unsafeUnwrap();
    expect([r.credit.amount, r.charge.amount, r.net]).toEqual(['42.67', '64.00', '21.33']);
  });
  test('a downgrade nets negative', () => {
    expect(planChange({ ...input, oldPrice: '120.00', newPrice: '80.00' })._unsafeUnwrap().net).toBe(
      '-20.65',
    );
  });
  test('change date outside the period', () => {
    expect(planChange({ ...input, changeDate: '2025-08-01' })._unsafeUnwrapErr().field).toBe('changeDate');
  });
});

describe('V10: suspended 2026-06-22, restored 2026-07-05', () => {
  const suspension = { start: '2026-06-22', end: '2026-07-05' };
  const june = { start: '2026-06-01', end: '2026-07-01' };
  const july = { start: '2026-07-01', end: '2026-08-01' };
  test.each([
    ['actual-days', '30.00', '12.90'],
    ['30-day', '30.00', '13.33'],
  ] as const)('%s: June credit %s, July credit %s', (convention, juneCredit, julyCredit) => {
    const j = suspensionCredit({
      price: '100.00',
      currency: 'BRL',
      convention,
      period: june,
      suspension,
    })._unsafeUnwrap();
    const k = suspensionCredit({
      price: '100.00',
      currency: 'BRL',
      convention,
      period: july,
      suspension,
    })._unsafeUnwrap();
    expect(j?.amount).toBe(juneCredit);
    expect(k?.amount).toBe(julyCredit);
  });
  test('no overlap, no credit', () => {
    expect(
      suspensionCredit({
        price: '100.00',
        currency: 'BRL',
        period: { start: '2026-08-01', end: '2026-09-01' },
        suspension,
      })._unsafeUnwrap(),
    ).toBeUndefined();
  });
});
