import { describe, expect, test } from 'vitest';
import type { CurrencyCode } from '../money/currency';
import { type InstallmentStrategy, splitInstallments } from './split-installments';

const amounts = (
  total: string,
  count: number,
  strategy?: InstallmentStrategy,
  currency: CurrencyCode = 'BRL',
) =>
  splitInstallments({ total, count, currency, ...(strategy ? { strategy } : {}) })
    ._unsafeUnwrap()
    .map((p) => p.amount);

describe('installment vectors (V25–V29)', () => {
  test.each<[string, string, number, string[], string[], string[]]>([
    [
      'V25',
      '60.00',
      3,
      ['20.00', '20.00', '20.00'],
      ['20.00', '20.00', '20.00'],
      ['20.00', '20.00', '20.00'],
    ],
    [
      'V26',
      '100.00',
      3,
      ['33.34', '33.33', '33.33'],
      ['33.34', '33.33', '33.33'],
      ['33.33', '33.33', '33.34'],
    ],
    ['V27', '0.05', 3, ['0.02', '0.02', '0.01'], ['0.03', '0.01', '0.01'], ['0.01', '0.01', '0.03']],
    [
      'V29',
      '100.00',
      6,
      ['16.67', '16.67', '16.67', '16.67', '16.66', '16.66'],
      ['16.70', '16.66', '16.66', '16.66', '16.66', '16.66'],
      ['16.66', '16.66', '16.66', '16.66', '16.66', '16.70'],
    ],
  ])('%s: %s / %i', (_id, total, n, spread, first, last) => {
    expect(amounts(total, n)).toEqual(spread);
    expect(amounts(total, n, 'lump-first')).toEqual(first);
    expect(amounts(total, n, 'lump-last')).toEqual(last);
  });

  test('V28: 0.02 / 3 is rejected', () => {
    expect(splitInstallments({ total: '0.02', count: 3, currency: 'BRL' })._unsafeUnwrapErr()).toMatchObject({
      type: 'INSTALLMENT_BELOW_MINOR_UNIT',
      field: 'total',
    });
    expect(amounts('0.02', 2)).toEqual(['0.01', '0.01']);
  });

  test('labels "k/n" and CLP without decimals', () => {
    const parts = splitInstallments({ total: '1000', count: 3, currency: 'CLP' })._unsafeUnwrap();
    expect(parts.map((p) => [p.label, p.amount])).toEqual([
      ['1/3', '334'],
      ['2/3', '333'],
      ['3/3', '333'],
    ]);
  });

  test('bad counts and amounts', () => {
    expect(splitInstallments({ total: '10.00', count: 0, currency: 'BRL' })._unsafeUnwrapErr().field).toBe(
      'count',
    );
    expect(splitInstallments({ total: '10.001', count: 2, currency: 'BRL' })._unsafeUnwrapErr().type).toBe(
      'INVALID_AMOUNT',
    );
    expect(
      splitInstallments({ total: '10', count: 2, currency: 'XXX' as CurrencyCode })._unsafeUnwrapErr().type,
    ).toBe('UNKNOWN_CURRENCY');
  });
});
