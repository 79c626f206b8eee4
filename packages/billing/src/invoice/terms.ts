import { err, ok, type Result } from 'neverthrow';
import type { BillingError } from '../errors';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import { Dec } from '../money/decimal';
import { amountOf, isRecord, readAmount, readEnum, readObject, readPercent } from '../validation/read';
import type { Compounding, InterestBasis, InterestMethod, InvoiceTerms, LateFrom } from './types';

/** Common Brazilian terms: 2 % fine, 1 % a.m. simple interest per day on a 30-day month, from the effective due date. */
export const BR_DEFAULT_TERMS: InvoiceTerms = Object.freeze({
  fine: Object.freeze({ kind: 'percent', percent: '2' }),
  interest: Object.freeze({ monthlyPercent: '1', basis: '30-day', method: 'rate', compounding: 'simple' }),
  lateFrom: 'effective-due-date',
}) as InvoiceTerms;

export interface ResolvedTerms {
  readonly fine:
    | { readonly kind: 'percent'; readonly value: Dec }
    | { readonly kind: 'fixed'; readonly value: Dec }
    | undefined;
  readonly interest:
    | {
        readonly monthlyPercent: Dec;
        readonly basis: InterestBasis;
        readonly method: InterestMethod;
        readonly compounding: Compounding;
      }
    | undefined;
  readonly discount: { readonly kind: 'fixed' | 'percent'; readonly value: Dec } | undefined;
  readonly lateFrom: LateFrom;
}

export const NO_TERMS: ResolvedTerms = Object.freeze({
  fine: undefined,
  interest: undefined,
  discount: undefined,
  lateFrom: 'effective-due-date',
});

const BASES: readonly InterestBasis[] = ['30-day', 'actual-month', 'annual-365'];
const METHODS: readonly InterestMethod[] = ['rate', 'value-per-day'];
const COMPOUNDING: readonly Compounding[] = ['simple', 'compound'];
const LATE_FROM: readonly LateFrom[] = ['effective-due-date', 'original-due-date'];

const FINE_KINDS = ['percent', 'fixed', 'none'] as const;
const DISCOUNT_KINDS = ['fixed', 'percent'] as const;
const THOUSAND = new Dec(1000);

/** The error of a reader known to fail. */
function failure<T>(r: Result<unknown, BillingError>): Result<T, BillingError> {
  if (r.isOk()) throw new Error('terms: a failed check was accepted by its reader');
  return err(r.error);
}

/** A percentage as {@link readPercent} accepts it, or `undefined`. */
function percentOf(value: unknown): Dec | undefined {
  const d = amountOf(value);
  return d === undefined || d.greaterThan(THOUSAND) ? undefined : d;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T | undefined {
  if (value === undefined) return fallback;
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : undefined;
}

/**
 * Validates invoice terms (undefined means no fine, interest or discount). Field names are built only for an
 * error: this runs on every invoice read.
 */
export function resolveTerms(
  value: unknown,
  currency: CurrencyCode,
  field = 'terms',
): Result<ResolvedTerms, BillingError> {
  if (value === undefined) return ok(NO_TERMS);
  if (!isRecord(value)) return failure(readObject(value, field));
  const v = value;
  const scale = minorUnitsOf(currency);

  let fine: ResolvedTerms['fine'];
  if (v.fine !== undefined) {
    const f = v.fine;
    if (!isRecord(f)) return failure(readObject(f, `${field}.fine`));
    const kind = oneOf(f.kind, FINE_KINDS, 'none');
    if (f.kind === undefined || kind === undefined)
      return failure(readEnum(f.kind, `${field}.fine.kind`, FINE_KINDS));
    if (kind === 'percent') {
      const p = percentOf(f.percent);
      if (p === undefined) return failure(readPercent(f.percent, `${field}.fine.percent`));
      fine = p.isZero() ? undefined : { kind: 'percent', value: p };
    } else if (kind === 'fixed') {
      const a = amountOf(f.amount, scale);
      if (a === undefined) return failure(readAmount(f.amount, `${field}.fine.amount`, scale));
      fine = a.isZero() ? undefined : { kind: 'fixed', value: a };
    }
  }

  let interest: ResolvedTerms['interest'];
  if (v.interest !== undefined) {
    const i = v.interest;
    if (!isRecord(i)) return failure(readObject(i, `${field}.interest`));
    const rate = percentOf(i.monthlyPercent);
    if (rate === undefined) return failure(readPercent(i.monthlyPercent, `${field}.interest.monthlyPercent`));
    const basis = oneOf(i.basis, BASES, '30-day');
    if (basis === undefined) return failure(readEnum(i.basis, `${field}.interest.basis`, BASES));
    const method = oneOf(i.method, METHODS, 'rate');
    if (method === undefined) return failure(readEnum(i.method, `${field}.interest.method`, METHODS));
    const compounding = oneOf(i.compounding, COMPOUNDING, 'simple');
    if (compounding === undefined)
      return failure(readEnum(i.compounding, `${field}.interest.compounding`, COMPOUNDING));
    interest = rate.isZero() ? undefined : { monthlyPercent: rate, basis, method, compounding };
  }

  let discount: ResolvedTerms['discount'];
  if (v.earlyPaymentDiscount !== undefined) {
    const d = v.earlyPaymentDiscount;
    if (!isRecord(d)) return failure(readObject(d, `${field}.earlyPaymentDiscount`));
    const kind = oneOf(d.kind, DISCOUNT_KINDS, 'fixed');
    if (d.kind === undefined || kind === undefined)
      return failure(readEnum(d.kind, `${field}.earlyPaymentDiscount.kind`, DISCOUNT_KINDS));
    let amount: Dec | undefined;
    if (kind === 'fixed') {
      amount = amountOf(d.amount, scale);
      if (amount === undefined)
        return failure(readAmount(d.amount, `${field}.earlyPaymentDiscount.amount`, scale));
    } else {
      amount = percentOf(d.percent);
      if (amount === undefined)
        return failure(readPercent(d.percent, `${field}.earlyPaymentDiscount.percent`));
    }
    discount = amount.isZero() ? undefined : { kind, value: amount };
  }

  const lateFrom = oneOf(v.lateFrom, LATE_FROM, 'effective-due-date');
  if (lateFrom === undefined) return failure(readEnum(v.lateFrom, `${field}.lateFrom`, LATE_FROM));
  return ok({ fine, interest, discount, lateFrom });
}
