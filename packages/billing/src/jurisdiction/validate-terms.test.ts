import { describe, expect, test } from 'vitest';
import { validateTerms } from './validate-terms';

describe('V22: jurisdiction profiles', () => {
  const terms = { fine: { kind: 'percent' as const, percent: '10' }, interest: { monthlyPercent: '3' } };

  test('BR-consumer: fine 10 % is an error, interest 3 % a.m. a warning', () => {
    const r = validateTerms({ profile: 'BR-consumer', currency: 'BRL', terms })._unsafeUnwrap();
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(['FINE_ABOVE_CDC_CAP']);
    expect(r.warnings.map((e) => e.code)).toEqual(['INTEREST_ABOVE_1PCT']);
  });

  test('BR-business: both allowed', () => {
    const r = validateTerms({ profile: 'BR-business', currency: 'BRL', terms })._unsafeUnwrap();
    expect(r).toMatchObject({ valid: true, errors: [], warnings: [] });
  });

  test('compound interest is an error in BR profiles, not in generic', () => {
    const compound = { interest: { monthlyPercent: '1', compounding: 'compound' as const } };
    expect(
      validateTerms({ profile: 'BR-consumer', currency: 'BRL', terms: compound })._unsafeUnwrap().errors[0]
        ?.code,
    ).toBe('COMPOUND_INTEREST_NOT_ALLOWED');
    expect(
      validateTerms({ profile: 'generic', currency: 'BRL', terms: compound })._unsafeUnwrap().valid,
    ).toBe(true);
  });

  test('2 % and 1 % pass; a fixed fine is checked against a reference amount; short lead warns', () => {
    const ok = validateTerms({
      profile: 'BR-consumer',
      currency: 'BRL',
      terms: { fine: { kind: 'percent', percent: '2' }, interest: { monthlyPercent: '1' } },
      minLeadDays: 5,
    })._unsafeUnwrap();
    expect(ok).toMatchObject({ valid: true, errors: [], warnings: [] });
    const fixed = validateTerms({
      profile: 'BR-consumer',
      currency: 'BRL',
      terms: { fine: { kind: 'fixed', amount: '5.00' } },
      referenceAmount: '100.00',
      minLeadDays: 3,
    })._unsafeUnwrap();
    expect(fixed.errors.map((e) => e.field)).toEqual(['terms.fine.amount']);
    expect(fixed.warnings.map((e) => e.code)).toEqual(['MIN_LEAD_BELOW_5_DAYS']);
  });

  test('bad input', () => {
    expect(
      validateTerms({ profile: 'US' as 'generic', currency: 'BRL', terms: {} })._unsafeUnwrapErr().field,
    ).toBe('profile');
    expect(
      validateTerms({
        profile: 'generic',
        currency: 'BRL',
        terms: { fine: { kind: 'percent', percent: 'two' } },
      })._unsafeUnwrapErr(),
    ).toMatchObject({ type: 'INVALID_AMOUNT', field: 'terms.fine.percent' });
  });
});
