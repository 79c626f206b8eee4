import { describe, expect, test } from 'vitest';
import { prorate } from './prorate';

type Row = [
  id: string,
  price: string,
  period: [string, string],
  billed: [string, string],
  act: string,
  c30: string,
];

// billing-rules.md §8.1
const rows: Row[] = [
  ['V01', '99.90', ['2025-03-01', '2025-04-01'], ['2025-03-20', '2025-04-01'], '38.67', '39.96'],
  ['V02', '100.00', ['2025-02-01', '2025-03-01'], ['2025-02-15', '2025-03-01'], '50.00', '46.67'],
  ['V03', '100.00', ['2024-02-01', '2024-03-01'], ['2024-02-15', '2024-03-01'], '51.72', '50.00'],
  ['V04', '100.00', ['2025-01-01', '2025-02-01'], ['2025-01-31', '2025-02-01'], '3.23', '3.33'],
  ['V05 March', '100.00', ['2025-03-01', '2025-04-01'], ['2025-03-01', '2025-04-01'], '100.00', '100.00'],
  ['V05 February', '100.00', ['2025-02-01', '2025-03-01'], ['2025-02-01', '2025-03-01'], '100.00', '100.00'],
  ['V06', '100.00', ['2025-03-10', '2025-04-10'], ['2025-03-25', '2025-04-10'], '51.61', '53.33'],
];

describe('prorate (V01–V06)', () => {
  test.each(rows)('%s', (_id, price, [ps, pe], [bs, be], act, c30) => {
    const base = {
      price,
      currency: 'BRL' as const,
      period: { start: ps, end: pe },
      billed: { start: bs, end: be },
    };
    expect(prorate(base)._unsafeUnwrap().amount).toBe(act);
    expect(prorate({ ...base, convention: '30-day' })._unsafeUnwrap().amount).toBe(c30);
  });

  test('V08: excluding the activation day under-bills one day (35.45)', () => {
    const r = prorate({
      price: '99.90',
      currency: 'BRL',
      period: { start: '2025-03-01', end: '2025-04-01' },
      billed: { start: '2025-03-21', end: '2025-04-01' },
    });
    expect(r._unsafeUnwrap().amount).toBe('35.45');
  });

  test('explains itself', () => {
    const r = prorate({
      price: '99.90',
      currency: 'BRL',
      period: { start: '2025-03-01', end: '2025-04-01' },
      billed: { start: '2025-03-20', end: '2025-04-01' },
    })._unsafeUnwrap();
    expect(r.days).toBe(12);
    expect(r.periodDays).toBe(31);
    expect(r.explanation.code).toBe('proration.actual-days');
    expect(r.explanation.raw.startsWith('38.6709')).toBe(true);
    expect(r.explanation.text).toContain('12 of the period');
  });

  test('billed outside the period is an error naming the field', () => {
    const r = prorate({
      price: '10.00',
      currency: 'BRL',
      period: { start: '2025-03-01', end: '2025-04-01' },
      billed: { start: '2025-02-20', end: '2025-04-01' },
    });
    expect(r._unsafeUnwrapErr()).toMatchObject({ type: 'INVALID_PERIOD', field: 'billed' });
  });
});
