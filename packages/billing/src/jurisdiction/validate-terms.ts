import { err, ok, type Result } from 'neverthrow';
import type { BillingError } from '../errors';
import { resolveTerms } from '../invoice/terms';
import type { InvoiceTerms } from '../invoice/types';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import { Dec, HUNDRED } from '../money/decimal';
import { optional, readAmount, readCurrency, readEnum, readInteger, readObject } from '../validation/read';

/**
 * - `BR-consumer`: CDC art. 52 §1 / Dec. 2.181 (fine ≤ 2 %), 1 % a.m. interest (warning above), no compound
 *   interest (STF Súmula 121), a minimum lead of 5 days between issue and due date (warning).
 * - `BR-business`: no statutory caps; compound interest still an error outside the financial system.
 * - `generic`: no checks.
 */
export type JurisdictionProfile = 'BR-consumer' | 'BR-business' | 'generic';
export const JURISDICTION_PROFILES: readonly JurisdictionProfile[] = Object.freeze([
  'BR-consumer',
  'BR-business',
  'generic',
]);

export type ValidationCode =
  | 'FINE_ABOVE_CDC_CAP'
  | 'INTEREST_ABOVE_1PCT'
  | 'COMPOUND_INTEREST_NOT_ALLOWED'
  | 'MIN_LEAD_BELOW_5_DAYS';

export interface ValidationIssue {
  readonly code: ValidationCode;
  readonly severity: 'error' | 'warning';
  readonly field: string;
  readonly message: string;
}

export interface JurisdictionReport {
  readonly profile: JurisdictionProfile;
  /** False when there is at least one error. */
  readonly valid: boolean;
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
}

export interface ValidateTermsInput {
  readonly profile: JurisdictionProfile;
  readonly currency: CurrencyCode;
  readonly terms: InvoiceTerms;
  /** Typical invoice amount, to check a fixed fine against the 2 % cap. */
  readonly referenceAmount?: string;
  /** The cycle's minimum lead between issue and due date. */
  readonly minLeadDays?: number;
}

const TWO = new Dec(2);

/** Checks charging terms against a jurisdiction profile; findings are data, not failures. */
export function validateTerms(input: ValidateTermsInput): Result<JurisdictionReport, BillingError> {
  const o = readObject(input, 'input');
  if (o.isErr()) return err(o.error);
  const v = o.value;
  const profile = readEnum(v.profile, 'profile', JURISDICTION_PROFILES);
  if (profile.isErr()) return err(profile.error);
  const currency = readCurrency(v.currency, 'currency');
  if (currency.isErr()) return err(currency.error);
  const terms = resolveTerms(v.terms, currency.value, 'terms');
  if (terms.isErr()) return err(terms.error);
  const reference = optional<Dec | undefined>(v.referenceAmount, undefined, (x) =>
    readAmount(x, 'referenceAmount', minorUnitsOf(currency.value)),
  );
  if (reference.isErr()) return err(reference.error);
  const minLead = optional<number | undefined>(v.minLeadDays, undefined, (x) =>
    readInteger(x, 'minLeadDays', 0, 60),
  );
  if (minLead.isErr()) return err(minLead.error);

  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const t = terms.value;
  if (profile.value !== 'generic' && t.interest?.compounding === 'compound') {
    errors.push({
      code: 'COMPOUND_INTEREST_NOT_ALLOWED',
      severity: 'error',
      field: 'terms.interest.compounding',
      message: 'compound interest is not allowed outside the financial system (STF Súmula 121)',
    });
  }
  if (profile.value === 'BR-consumer') {
    if (t.fine?.kind === 'percent' && t.fine.value.greaterThan(TWO)) {
      errors.push({
        code: 'FINE_ABOVE_CDC_CAP',
        severity: 'error',
        field: 'terms.fine.percent',
        message: `a late fine of ${t.fine.value.toString()} % exceeds the 2 % cap for consumers (CDC art. 52 §1)`,
      });
    }
    if (t.fine?.kind === 'fixed' && reference.value !== undefined && !reference.value.isZero()) {
      const pct = t.fine.value.times(HUNDRED).div(reference.value);
      if (pct.greaterThan(TWO)) {
        errors.push({
          code: 'FINE_ABOVE_CDC_CAP',
          severity: 'error',
          field: 'terms.fine.amount',
          message: `a fixed fine of ${t.fine.value.toString()} is ${pct.toDecimalPlaces(2).toString()} % of ${reference.value.toString()}, above the 2 % cap (CDC art. 52 §1)`,
        });
      }
    }
    if (t.interest?.monthlyPercent.greaterThan(1)) {
      warnings.push({
        code: 'INTEREST_ABOVE_1PCT',
        severity: 'warning',
        field: 'terms.interest.monthlyPercent',
        message: `late interest of ${t.interest.monthlyPercent.toString()} % a month is above the customary 1 % a month for consumers`,
      });
    }
    if (minLead.value !== undefined && minLead.value < 5) {
      warnings.push({
        code: 'MIN_LEAD_BELOW_5_DAYS',
        severity: 'warning',
        field: 'minLeadDays',
        message: `invoices due ${minLead.value} days after issue leave consumers less than 5 days to pay`,
      });
    }
  }
  return ok({ profile: profile.value, valid: errors.length === 0, errors, warnings });
}
