import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { currencyArb } from '../testing/arbitraries';
import { minorUnitsOf } from './currency';
import { Dec } from './decimal';
import { formatDec } from './money';

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

test.prop([fc.boolean(), digits(1, 18), digits(0, 14), currencyArb()])(
  'formatDec gives exactly what toFixed gives (padding, rounding, signs)',
  (negative, int, frac, currency) => {
    const value = new Dec(`${negative ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`);
    expect(formatDec(value, currency)).toBe(value.toFixed(minorUnitsOf(currency)));
  },
);

test.prop([
  digits(1, 12),
  fc.integer({ min: 1, max: 400 }),
  fc.integer({ min: 1, max: 36500 }),
  currencyArb(),
])('formatDec of quotients and tiny and huge values matches toFixed', (int, divisor, days, currency) => {
  const base = new Dec(int);
  for (const value of [
    base.div(divisor),
    base.times(days).div(3000),
    base.times('1e-30'),
    base.times('1e25'),
    new Dec(0).negated(),
  ]) {
    expect(formatDec(value, currency)).toBe(value.toFixed(minorUnitsOf(currency)));
  }
});
