import { err, ok, type Result } from 'neverthrow';
import { effectiveDueDateCore } from '../dates/effective-due-date';
import type { LocalDate } from '../dates/local-date';
import type { BillingError } from '../errors';
import type { Explanation } from '../explain/explanation';
import { makeExplanation } from '../explain/make-explanation';
import { resolveTerms } from '../invoice/terms';
import type { EarlyPaymentDiscount, NonBusinessDay } from '../invoice/types';
import { readCalendar } from '../late/late-charges';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import { type Dec, HUNDRED } from '../money/decimal';
import { formatDec } from '../money/money';
import { ROUNDING_MODES, type RoundingMode, roundDec } from '../money/rounding';
import { optional, readAmount, readCurrency, readDate, readEnum, readObject } from '../validation/read';

export interface EarlyPaymentDiscountInput {
  /** The amount the discount applies to (the invoice principal). */
  readonly amount: string;
  readonly currency: CurrencyCode;
  readonly rounding?: RoundingMode;
  readonly discount: EarlyPaymentDiscount;
  readonly dueDate: LocalDate;
  readonly paidOn: LocalDate;
  /** The deadline follows the effective due date (moved past non-business days). */
  readonly isNonBusinessDay?: NonBusinessDay;
}

export interface EarlyPaymentDiscountResult {
  /** True when paid on or before the effective due date (inclusive). */
  readonly applies: boolean;
  readonly deadline: LocalDate;
  /** The discount (0 when it does not apply), never more than the amount. */
  readonly discount: string;
  /** amount − discount. */
  readonly payable: string;
  readonly explanation: Explanation;
}

/** Internal: discount value on a base (fixed capped at the base, percent rounded once). */
export function discountCore(
  kind: 'fixed' | 'percent',
  value: Dec,
  base: Dec,
  currency: CurrencyCode,
  mode: RoundingMode,
  deadline: LocalDate,
): { amount: Dec; explanation: Explanation } {
  const scale = minorUnitsOf(currency);
  if (kind === 'fixed') {
    const amount = value.greaterThan(base) ? base : value;
    return {
      amount,
      explanation: makeExplanation(
        'discount.fixed',
        `fixed amount ${value.toString()}${value.greaterThan(base) ? ' capped at the amount due' : ''}`,
        { amount: value.toString(), base: base.toString(), deadline },
        amount,
        mode,
        scale,
        formatDec(amount, currency),
        `Early-payment discount, paid by ${deadline}`,
      ),
    };
  }
  const raw = base.times(value).div(HUNDRED);
  const amount = roundDec(raw, scale, mode);
  return {
    amount,
    explanation: makeExplanation(
      'discount.percent',
      `base × percent ÷ 100 = ${base.toString()} × ${value.toString()} ÷ 100`,
      { base: base.toString(), percent: value.toString(), deadline },
      raw,
      mode,
      scale,
      formatDec(amount, currency),
      `Early-payment discount, paid by ${deadline}`,
    ),
  };
}

/**
 * The early-payment (punctuality) discount: kept when paid on or before the effective due date
 * (inclusive), lost afterwards — and then the fine applies to the full amount.
 */
export function earlyPaymentDiscount(
  input: EarlyPaymentDiscountInput,
): Result<EarlyPaymentDiscountResult, BillingError> {
  const o = readObject(input, 'input');
  if (o.isErr()) return err(o.error);
  const v = o.value;
  const cal = readCalendar(input);
  if (cal.isErr()) return err(cal.error);
  const currency = readCurrency(v.currency, 'currency');
  if (currency.isErr()) return err(currency.error);
  const amount = readAmount(v.amount, 'amount', minorUnitsOf(currency.value));
  if (amount.isErr()) return err(amount.error);
  const mode = optional(v.rounding, 'half-up' as RoundingMode, (x) =>
    readEnum(x, 'rounding', ROUNDING_MODES),
  );
  if (mode.isErr()) return err(mode.error);
  const terms = resolveTerms({ earlyPaymentDiscount: v.discount }, currency.value, 'input');
  if (terms.isErr()) return err(terms.error);
  const due = readDate(v.dueDate, 'dueDate');
  if (due.isErr()) return err(due.error);
  const paidOn = readDate(v.paidOn, 'paidOn');
  if (paidOn.isErr()) return err(paidOn.error);
  const deadline = effectiveDueDateCore(due.value, cal.value);
  if (deadline.isErr()) return err(deadline.error);
  const applies = paidOn.value <= deadline.value;
  const d = terms.value.discount;
  const core =
    d === undefined
      ? discountCore(
          'fixed',
          amount.value.minus(amount.value),
          amount.value,
          currency.value,
          mode.value,
          deadline.value,
        )
      : discountCore(d.kind, d.value, amount.value, currency.value, mode.value, deadline.value);
  const discount = applies ? core.amount : amount.value.minus(amount.value);
  return ok({
    applies,
    deadline: deadline.value,
    discount: formatDec(discount, currency.value),
    payable: formatDec(amount.value.minus(discount), currency.value),
    explanation: applies
      ? core.explanation
      : {
          ...core.explanation,
          result: formatDec(discount, currency.value),
          text: `Discount lost: paid on ${paidOn.value}, after the deadline ${deadline.value}.`,
        },
  });
}
