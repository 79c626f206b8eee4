import { fc, test } from '@fast-check/vitest';
import Decimal from 'decimal.js';
import { expect } from 'vitest';
import { addDays, daysBetween } from '../dates/date-math';
import { amountArb, currencyArb, localDateArb } from '../testing/arbitraries';
import { PRORATION_CONVENTIONS, prorate } from './prorate';

const periodArb = fc
  .record({ start: localDateArb(), length: fc.integer({ min: 2, max: 366 }) })
  .map(({ start, length }) => ({
    start,
    end: addDays(start, length)._unsafeUnwrap(),
  }));

const priced = currencyArb().chain((currency) =>
  fc.record({ currency: fc.constant(currency), price: amountArb(currency, { min: 0, max: 100_000 }) }),
);

test.prop([priced, periodArb, fc.constantFrom(...PRORATION_CONVENTIONS)])(
  'a full period costs exactly the price in every convention',
  ({ currency, price }, period, convention) => {
    const r = prorate({ price, currency, period, billed: period, convention })._unsafeUnwrap();
    expect(new Decimal(r.amount).equals(price)).toBe(true);
  },
);

test.prop([priced, periodArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })])(
  'actual days: a period split in two prorates to the whole within one minor unit per split',
  ({ currency, price }, period, at) => {
    const length = daysBetween(period.start, period.end)._unsafeUnwrap();
    const cut = addDays(period.start, 1 + Math.floor(at * (length - 1)))._unsafeUnwrap();
    const a = prorate({ price, currency, period, billed: { start: period.start, end: cut } })._unsafeUnwrap();
    const b = prorate({ price, currency, period, billed: { start: cut, end: period.end } })._unsafeUnwrap();
    const unit = currency === 'CLP' || currency === 'PYG' ? 1 : 0.01;
    expect(new Decimal(a.amount).plus(b.amount).minus(price).abs().lessThanOrEqualTo(unit)).toBe(true);
  },
);

test.prop([priced, fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 29 })])(
  '30-day: a 30-day period split in two prorates to the whole within one minor unit; stubs never exceed the price',
  ({ currency, price }, year, at) => {
    const start = `${year}-04-01`;
    const period = { start, end: `${year}-05-01` };
    const cut = addDays(start, at)._unsafeUnwrap();
    const a = prorate({
      price,
      currency,
      period,
      convention: '30-day',
      billed: { start, end: cut },
    })._unsafeUnwrap();
    const b = prorate({
      price,
      currency,
      period,
      convention: '30-day',
      billed: { start: cut, end: period.end },
    })._unsafeUnwrap();
    const unit = currency === 'CLP' || currency === 'PYG' ? 1 : 0.01;
    expect(new Decimal(a.amount).plus(b.amount).minus(price).abs().lessThanOrEqualTo(unit)).toBe(true);
    const long = { start: `${year}-01-01`, end: `${year}-02-01` };
    const stub = prorate({
      price,
      currency,
      period: long,
      convention: '30-day',
      billed: { start: `${year}-01-01`, end: `${year}-01-31` },
    });
    expect(new Decimal(stub._unsafeUnwrap().amount).lessThanOrEqualTo(price)).toBe(true);
  },
);
