import { describe, expect, test } from 'vitest';
import { clampDay } from '../dates/date-math';
import { billingCycle, dueDateFor, isClosingDate } from './billing-cycle';
import type { BillingCycleSettings } from './settings';

describe('clamping (V30, V31)', () => {
  test.each<[string, number, string]>([
    ['2025-01', 31, '2025-01-31'],
    ['2025-02', 31, '2025-02-28'],
    ['2025-03', 31, '2025-03-31'],
    ['2025-04', 31, '2025-04-30'],
    ['2024-02', 31, '2024-02-29'],
    ['2025-02', 30, '2025-02-28'],
    ['2024-02', 30, '2024-02-29'],
    ['2025-03', 30, '2025-03-30'],
    ['2025-02', 29, '2025-02-28'],
    ['2024-02', 29, '2024-02-29'],
    ['2025-03', 29, '2025-03-29'],
  ])('%s day %i → %s', (month, day, expected) => {
    expect(clampDay(month, day)._unsafeUnwrap()).toBe(expected);
  });
});

describe('V32: anti-drift, anchor day 31', () => {
  test('each month comes from the anchor, not from the previous month', () => {
    const s: BillingCycleSettings = { closingDay: 31, dueDay: 31 };
    const issues = ['2025-01', '2025-02', '2025-03', '2025-04'].map(
      (m) => billingCycle(s, m)._unsafeUnwrap().issueDate,
    );
    expect(issues).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
  });
});

describe('V33: closing and due day', () => {
  test('closing 25 / due 10: issued 2025-01-25, due 2025-02-10', () => {
    const c = billingCycle({ closingDay: 25, dueDay: 10 }, '2025-01')._unsafeUnwrap();
    expect([c.issueDate, c.dueDate]).toEqual(['2025-01-25', '2025-02-10']);
  });
  test('closing 1 / due 10: issued 2017-04-01, due 2017-04-10', () => {
    const c = billingCycle({ closingDay: 1, dueDay: 10 }, '2017-04')._unsafeUnwrap();
    expect([c.issueDate, c.dueDate]).toEqual(['2017-04-01', '2017-04-10']);
  });
  test('the minimum lead pushes the due date to the next month', () => {
    expect(dueDateFor({ closingDay: 8, dueDay: 10 }, '2025-01-08')._unsafeUnwrap()).toBe('2025-02-10');
    expect(dueDateFor({ closingDay: 8, dueDay: 10, minLeadDays: 2 }, '2025-01-08')._unsafeUnwrap()).toBe(
      '2025-01-10',
    );
  });
});

describe('V34: period reference', () => {
  test('by due date: due 2025-03-10 → 2025-02-10 … 2025-03-09', () => {
    const c = billingCycle({ closingDay: 25, dueDay: 10 }, '2025-02')._unsafeUnwrap();
    expect(c.dueDate).toBe('2025-03-10');
    expect(c.period).toEqual({ start: '2025-02-10', end: '2025-03-10' });
  });
  test('by due date with due day 31 (clamped previous due date)', () => {
    const feb = billingCycle({ closingDay: 15, dueDay: 31 }, '2025-02')._unsafeUnwrap();
    expect(feb.dueDate).toBe('2025-02-28');
    expect(feb.period).toEqual({ start: '2025-01-31', end: '2025-02-28' });
    const mar = billingCycle({ closingDay: 15, dueDay: 31 }, '2025-03')._unsafeUnwrap();
    expect(mar.dueDate).toBe('2025-03-31');
    expect(mar.period).toEqual({ start: '2025-02-28', end: '2025-03-31' });
  });
  test('by issue date: closing 2025-04-01 → 04-01 … 04-30; closing 15 → 01-15 … 02-14', () => {
    expect(
      billingCycle({ closingDay: 1, dueDay: 10, periodReference: 'issue-date' }, '2025-04')._unsafeUnwrap()
        .period,
    ).toEqual({
      start: '2025-04-01',
      end: '2025-05-01',
    });
    expect(
      billingCycle({ closingDay: 15, dueDay: 25, periodReference: 'issue-date' }, '2025-01')._unsafeUnwrap()
        .period,
    ).toEqual({
      start: '2025-01-15',
      end: '2025-02-15',
    });
  });
});

describe('V35: WispHub PREPAGO zone (create 25, pay 1)', () => {
  test('issued 25 Aug, due 1 Sep, period 1–30 Sep', () => {
    const c = billingCycle(
      { closingDay: 25, dueDay: 1, periodReference: 'from-due-date' },
      '2025-08',
    )._unsafeUnwrap();
    expect(c).toEqual({
      month: '2025-08',
      issueDate: '2025-08-25',
      dueDate: '2025-09-01',
      period: { start: '2025-09-01', end: '2025-10-01' },
    });
  });
});

describe('isClosingDate and validation', () => {
  test('clamped closing days', () => {
    const s = { closingDay: 31, dueDay: 10 };
    expect(isClosingDate(s, '2025-02-28')._unsafeUnwrap()).toBe(true);
    expect(isClosingDate(s, '2024-02-28')._unsafeUnwrap()).toBe(false);
    expect(isClosingDate(s, '2024-02-29')._unsafeUnwrap()).toBe(true);
  });
  test('days 0 and 32, and 29 when only 1–28 is allowed', () => {
    expect(billingCycle({ closingDay: 0, dueDay: 10 }, '2025-01')._unsafeUnwrapErr()).toMatchObject({
      type: 'INVALID_DAY',
      field: 'cycle.closingDay',
    });
    expect(billingCycle({ closingDay: 1, dueDay: 32 }, '2025-01')._unsafeUnwrapErr()).toMatchObject({
      type: 'INVALID_DAY',
      field: 'cycle.dueDay',
    });
    expect(
      billingCycle({ closingDay: 1, dueDay: 29, allowDays29to31: false }, '2025-01')._unsafeUnwrapErr().type,
    ).toBe('INVALID_DAY');
    expect(billingCycle({ closingDay: 1, dueDay: 10 }, '2025-13')._unsafeUnwrapErr().field).toBe('month');
  });
});
