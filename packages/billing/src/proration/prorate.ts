import { err, ok, type Result } from 'neverthrow';
import { epochDayOf, type Period } from '../dates/local-date';
import { type BillingError, invalidPeriod } from '../errors';
import type { Explanation } from '../explain/explanation';
import { makeExplanation } from '../explain/make-explanation';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import { type Dec, THIRTY } from '../money/decimal';
import { formatDec } from '../money/money';
import { ROUNDING_MODES, type RoundingMode, roundDec } from '../money/rounding';
import { optional, readAmount, readCurrency, readEnum, readObject, readPeriod } from '../validation/read';

/**
 * - `actual-days`: price × days ÷ days of the billing period (default).
 * - `30-day`: price × min(days, 30) ÷ 30 (commercial month).
 * In both, a full period costs exactly the price.
 */
export type ProrationConvention = 'actual-days' | '30-day';
export const PRORATION_CONVENTIONS: readonly ProrationConvention[] = Object.freeze(['actual-days', '30-day']);

export interface ProrateInput {
  readonly price: string;
  readonly currency: CurrencyCode;
  readonly rounding?: RoundingMode;
  readonly convention?: ProrationConvention;
  /** The whole billing period `[start, end)`. */
  readonly period: Period;
  /** The part of it being charged or credited, `[start, end)`, inside `period`. */
  readonly billed: Period;
}

export interface ProratedAmount {
  readonly amount: string;
  readonly days: number;
  readonly periodDays: number;
  readonly explanation: Explanation;
}

export interface ProrationCore {
  readonly amount: Dec;
  readonly raw: Dec;
  readonly explanation: Explanation;
}

/** Internal: prorates an already-validated price. */
export function prorateCore(
  price: Dec,
  days: number,
  periodDays: number,
  convention: ProrationConvention,
  currency: CurrencyCode,
  mode: RoundingMode,
  what: string,
): ProrationCore {
  const scale = minorUnitsOf(currency);
  if (days >= periodDays) {
    const amount = roundDec(price, scale, mode);
    const result = formatDec(amount, currency);
    return {
      amount,
      raw: price,
      explanation: makeExplanation(
        'proration.full-period',
        'price',
        { price: price.toString(), days, periodDays, convention },
        price,
        mode,
        scale,
        result,
        `${what}: ${days} of ${periodDays} days is the full period, so the full price applies`,
      ),
    };
  }
  if (convention === '30-day') {
    const counted = Math.min(days, 30);
    const raw = price.times(counted).div(THIRTY);
    const amount = roundDec(raw, scale, mode);
    const result = formatDec(amount, currency);
    return {
      amount,
      raw,
      explanation: makeExplanation(
        'proration.30-day',
        `price × days ÷ 30 = ${price.toString()} × ${counted} ÷ 30`,
        { price: price.toString(), days, countedDays: counted, periodDays, convention },
        raw,
        mode,
        scale,
        result,
        `${what}: ${days} days on a 30-day month${days > 30 ? ' (capped at 30)' : ''}`,
      ),
    };
  }
  const raw = price.times(days).div(periodDays);
  const amount = roundDec(raw, scale, mode);
  const result = formatDec(amount, currency);
  return {
    amount,
    raw,
    explanation: makeExplanation(
      'proration.actual-days',
      `price × days ÷ periodDays = ${price.toString()} × ${days} ÷ ${periodDays}`,
      { price: price.toString(), days, periodDays, convention },
      raw,
      mode,
      scale,
      result,
      `${what}: ${days} of the period's ${periodDays} actual days`,
    ),
  };
}

/**
 * The price of part of a billing period (activation mid-period, suspension credits). The activation day
 * is billed (`billed.start` inclusive, `billed.end` exclusive).
 */
export function prorate(input: ProrateInput): Result<ProratedAmount, BillingError> {
  return readObject(input, 'input').andThen((o) =>
    readCurrency(o.currency, 'currency').andThen((currency) =>
      readAmount(o.price, 'price', minorUnitsOf(currency)).andThen((price) =>
        optional(o.rounding, 'half-up' as RoundingMode, (v) =>
          readEnum(v, 'rounding', ROUNDING_MODES),
        ).andThen((mode) =>
          optional(o.convention, 'actual-days' as ProrationConvention, (v) =>
            readEnum(v, 'convention', PRORATION_CONVENTIONS),
          ).andThen((convention) =>
            readPeriod(o.period, 'period').andThen((period) =>
              readPeriod(o.billed, 'billed').andThen((billed) => {
                if (billed.start < period.start || billed.end > period.end) {
                  return err(invalidPeriod('billed', 'billed must lie inside period'));
                }
                const days = epochDayOf(billed.end) - epochDayOf(billed.start);
                const periodDays = epochDayOf(period.end) - epochDayOf(period.start);
                const core = prorateCore(
                  price,
                  days,
                  periodDays,
                  convention,
                  currency,
                  mode,
                  'Prorated price',
                );
                return ok({
                  amount: formatDec(core.amount, currency),
                  days,
                  periodDays,
                  explanation: core.explanation,
                });
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
