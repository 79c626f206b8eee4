import { describe, expect, test } from 'vitest';
import { Dec } from '../money/decimal';
import { exactPercentFine, exactSimpleInterest, shortDecimal } from './late-charges-exact';

const terms = (
  monthlyPercent: string,
  basis: '30-day' | 'actual-month' | 'annual-365',
  method: 'rate' | 'value-per-day' = 'rate',
  compounding: 'simple' | 'compound' = 'simple',
) => ({ monthlyPercent: new Dec(monthlyPercent), basis, method, compounding });
const segment = (base: string, days: number) => ({ base: new Dec(base), from: 20_000, to: 20_000 + days });

describe('late charges on integers', () => {
  test('the 2 % fine and 1 % a month on 30 days are computed on integers', () => {
    expect(exactPercentFine(new Dec('100'), new Dec('2'), 2, 'half-up')).toEqual({ raw: '2', minor: 200 });
    expect(exactPercentFine(new Dec('99.9'), new Dec('0.033'), 2, 'half-up')).toEqual({
      raw: '0.032967',
      minor: 3,
    });
    const i = exactSimpleInterest(terms('1', '30-day'), [segment('100', 5)], 2, 'half-up');
    expect(i).toMatchObject({ raw: '0.1666666666666666666666666666666666666667', minor: 17 });
    expect(i?.formula).toBe('100 × 1% × 5 ÷ 30');
  });

  test('value per day on the actual-month basis sums rounded daily amounts', () => {
    const i = exactSimpleInterest(
      terms('2.5', 'actual-month', 'value-per-day'),
      [segment('100', 40)],
      2,
      'half-up',
    );
    expect(i?.minor).toBeGreaterThan(0);
    expect(i?.raw).toBe(String(Number(i?.minor) / 100));
  });

  test('compound interest, the actual-month rate and oversized products go to the decimal path', () => {
    expect(
      exactSimpleInterest(terms('1', '30-day', 'rate', 'compound'), [segment('100', 5)], 2, 'half-up'),
    ).toBe(undefined);
    expect(exactSimpleInterest(terms('1', 'actual-month'), [segment('100', 5)], 2, 'half-up')).toBe(
      undefined,
    );
    expect(
      exactSimpleInterest(terms('12.345678', '30-day'), [segment('9999999999999', 400)], 2, 'half-up'),
    ).toBe(undefined);
    expect(exactPercentFine(new Dec('99999999999999.99'), new Dec('1.5'), 2, 'half-up')).toBe(undefined);
  });

  test('the shortened value matches the decimal rounding to 6 places', () => {
    for (const text of [
      '0.1666666666666666666666666666666666666667',
      '9.9999996',
      '0.0000004',
      '12.5',
      '0.9999995',
    ]) {
      const d = new Dec(text);
      const expected = d.decimalPlaces() > 6 ? `${d.toDecimalPlaces(6).toString()}…` : d.toString();
      expect(shortDecimal(text)).toBe(expected);
    }
  });
});
