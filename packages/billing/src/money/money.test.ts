import Decimal from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { CURRENCY_MINOR_UNITS, minorUnits } from './currency';
import { Dec } from './decimal';
import { parseMoney, roundMoney, sumMoney } from './money';

describe('money', () => {
  test('minor units per currency', () => {
    expect(CURRENCY_MINOR_UNITS).toEqual({ BRL: 2, MXN: 2, COP: 2, ARS: 2, PEN: 2, CLP: 0, PYG: 0 });
    expect(minorUnits('CLP')._unsafeUnwrap()).toBe(0);
    expect(minorUnits('BRL')._unsafeUnwrap()).toBe(2);
  });

  test('minor units of something that is not a currency is a typed error', () => {
    for (const bad of ['XXX', '', 'constructor', '__proto__', 'toString', 42, null, undefined, {}]) {
      expect(minorUnits(bad)._unsafeUnwrapErr()).toMatchObject({
        type: 'UNKNOWN_CURRENCY',
        field: 'currency',
      });
    }
  });

  test('rounding modes differ only at exact halves', () => {
    const r = (
      amount: string,
      rounding: 'half-up' | 'half-even' | 'truncate',
      currency: 'BRL' | 'CLP' = 'BRL',
    ) => roundMoney({ amount, currency, rounding })._unsafeUnwrap();
    expect([r('0.125', 'half-up'), r('0.125', 'half-even'), r('0.125', 'truncate')]).toEqual([
      '0.13',
      '0.12',
      '0.12',
    ]);
    expect([r('0.135', 'half-up'), r('0.135', 'half-even'), r('0.135', 'truncate')]).toEqual([
      '0.14',
      '0.14',
      '0.13',
    ]);
    expect([r('0.1666', 'half-up'), r('0.1666', 'truncate')]).toEqual(['0.17', '0.16']);
    expect([r('1500.5', 'half-up', 'CLP'), r('1500.5', 'half-even', 'CLP')]).toEqual(['1501', '1500']);
  });

  test('parseMoney normalises and refuses extra decimals', () => {
    expect(parseMoney('60', 'BRL')._unsafeUnwrap()).toBe('60.00');
    expect(parseMoney('60.001', 'BRL')._unsafeUnwrapErr().type).toBe('INVALID_AMOUNT');
    expect(parseMoney('60.5', 'CLP')._unsafeUnwrapErr().type).toBe('INVALID_AMOUNT');
    expect(parseMoney(60, 'BRL')._unsafeUnwrapErr().type).toBe('INVALID_AMOUNT');
    expect(parseMoney('-1.00', 'BRL')._unsafeUnwrapErr()).toMatchObject({
      type: 'NEGATIVE_AMOUNT',
      field: 'amount',
    });
  });

  test('sumMoney is exact', () => {
    expect(sumMoney(['0.10', '0.20', '0.30'], 'BRL')._unsafeUnwrap()).toBe('0.60');
    expect(sumMoney(['0.10', 'x'], 'BRL')._unsafeUnwrapErr().field).toBe('amounts[1]');
  });

  test('the package clone ignores changes to the global Decimal', () => {
    const saved = Decimal.rounding;
    try {
      Decimal.set({ rounding: Decimal.ROUND_DOWN, precision: 5 });
      expect(roundMoney({ amount: '0.125', currency: 'BRL' })._unsafeUnwrap()).toBe('0.13');
      expect(new Dec('1').div(3).toString().length).toBeGreaterThan(30);
    } finally {
      Decimal.set({ rounding: saved, precision: 20 });
    }
  });
});
