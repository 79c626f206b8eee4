import { fc, test } from '@fast-check/vitest';
import Decimal from 'decimal.js';
import { expect } from 'vitest';
import { amountArb, currencyArb } from '../testing/arbitraries';
import { INSTALLMENT_STRATEGIES, splitInstallments } from './split-installments';

const input = currencyArb().chain((currency) =>
  fc.record({
    currency: fc.constant(currency),
    total: amountArb(currency, { min: 1, max: 1_000_000 }),
    count: fc.integer({ min: 1, max: 60 }),
    strategy: fc.constantFrom(...INSTALLMENT_STRATEGIES),
  }),
);

test.prop([input])('parts sum exactly to the total, labelled k/n', ({ currency, total, count, strategy }) => {
  const r = splitInstallments({ total, count, currency, strategy });
  if (r.isErr()) {
    expect(r.error.type).toBe('INSTALLMENT_BELOW_MINOR_UNIT');
    return;
  }
  const sum = r.value.reduce((s, p) => s.plus(p.amount), new Decimal(0));
  expect(sum.equals(total)).toBe(true);
  expect(r.value.map((p) => p.label)).toEqual(Array.from({ length: count }, (_, i) => `${i + 1}/${count}`));
});

test.prop([input])(
  'spread-first parts differ by at most one minor unit and none is below one',
  ({ currency, total, count }) => {
    const r = splitInstallments({ total, count, currency });
    if (r.isErr()) return;
    const values = r.value.map((p) => new Decimal(p.amount));
    const min = Decimal.min(...values);
    const max = Decimal.max(...values);
    const unit = currency === 'CLP' || currency === 'PYG' ? 1 : 0.01;
    expect(max.minus(min).lessThanOrEqualTo(unit)).toBe(true);
    expect(min.greaterThanOrEqualTo(unit)).toBe(true);
  },
);
