import { err, ok, type Result } from 'neverthrow';
import type { BillingError } from '../errors';
import { type CurrencyCode, minorUnits } from '../money/currency';
import type { Dec } from '../money/decimal';
import { optional, readAmount, readEnum, readObject, readPercent } from '../validation/read';
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

/** Validates invoice terms (undefined means no fine, interest or discount). */
export function resolveTerms(
  value: unknown,
  currency: CurrencyCode,
  field = 'terms',
): Result<ResolvedTerms, BillingError> {
  if (value === undefined) return ok(NO_TERMS);
  const o = readObject(value, field);
  if (o.isErr()) return err(o.error);
  const v = o.value;
  const scale = minorUnits(currency);

  let fine: ResolvedTerms['fine'];
  if (v.fine !== undefined) {
    const f = readObject(v.fine, `${field}.fine`);
    if (f.isErr()) return err(f.error);
    const kind = readEnum(f.value.kind, `${field}.fine.kind`, ['percent', 'fixed', 'none'] as const);
    if (kind.isErr()) return err(kind.error);
    if (kind.value === 'percent') {
      const p = readPercent(f.value.percent, `${field}.fine.percent`);
      if (p.isErr()) return err(p.error);
      fine = p.value.isZero() ? undefined : { kind: 'percent', value: p.value };
    } else if (kind.value === 'fixed') {
      const a = readAmount(f.value.amount, `${field}.fine.amount`, scale);
      if (a.isErr()) return err(a.error);
      fine = a.value.isZero() ? undefined : { kind: 'fixed', value: a.value };
    }
  }

  let interest: ResolvedTerms['interest'];
  if (v.interest !== undefined) {
    const i = readObject(v.interest, `${field}.interest`);
    if (i.isErr()) return err(i.error);
    const rate = readPercent(i.value.monthlyPercent, `${field}.interest.monthlyPercent`);
    if (rate.isErr()) return err(rate.error);
    const basis = optional(i.value.basis, '30-day' as InterestBasis, (x) =>
      readEnum(x, `${field}.interest.basis`, BASES),
    );
    if (basis.isErr()) return err(basis.error);
    const method = optional(i.value.method, 'rate' as InterestMethod, (x) =>
      readEnum(x, `${field}.interest.method`, METHODS),
    );
    if (method.isErr()) return err(method.error);
    const compounding = optional(i.value.compounding, 'simple' as Compounding, (x) =>
      readEnum(x, `${field}.interest.compounding`, COMPOUNDING),
    );
    if (compounding.isErr()) return err(compounding.error);
    interest = rate.value.isZero()
      ? undefined
      : {
          monthlyPercent: rate.value,
          basis: basis.value,
          method: method.value,
          compounding: compounding.value,
        };
  }

  let discount: ResolvedTerms['discount'];
  if (v.earlyPaymentDiscount !== undefined) {
    const d = readObject(v.earlyPaymentDiscount, `${field}.earlyPaymentDiscount`);
    if (d.isErr()) return err(d.error);
    const kind = readEnum(d.value.kind, `${field}.earlyPaymentDiscount.kind`, ['fixed', 'percent'] as const);
    if (kind.isErr()) return err(kind.error);
    const amount =
      kind.value === 'fixed'
        ? readAmount(d.value.amount, `${field}.earlyPaymentDiscount.amount`, scale)
        : readPercent(d.value.percent, `${field}.earlyPaymentDiscount.percent`);
    if (amount.isErr()) return err(amount.error);
    discount = amount.value.isZero() ? undefined : { kind: kind.value, value: amount.value };
  }

  const lateFrom = optional(v.lateFrom, 'effective-due-date' as LateFrom, (x) =>
    readEnum(x, `${field}.lateFrom`, LATE_FROM),
  );
  if (lateFrom.isErr()) return err(lateFrom.error);
  return ok({ fine, interest, discount, lateFrom: lateFrom.value });
}
