import { err, ok, type Result } from 'neverthrow';
import { epochDayOf, maxDate, minDate, type Period } from '../dates/local-date';
import type { BillingError } from '../errors';
import type { InvoiceLine } from '../invoice/types';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import type { Dec } from '../money/decimal';
import { formatDec } from '../money/money';
import { ROUNDING_MODES, type RoundingMode } from '../money/rounding';
import {
  optional,
  readAmount,
  readCurrency,
  readEnum,
  readObject,
  readPeriod,
  readString,
} from '../validation/read';
import { PRORATION_CONVENTIONS, type ProrationConvention, prorateCore } from './prorate';

export interface SuspensionCreditInput {
  readonly id?: string;
  readonly price: string;
  readonly currency: CurrencyCode;
  readonly rounding?: RoundingMode;
  readonly convention?: ProrationConvention;
  /** The billing period `[start, end)`. */
  readonly period: Period;
  /** Total suspension `[suspended on, restored on)`: the restore day is billed again. */
  readonly suspension: Period;
}

/** Internal: credit line for the overlap of a suspension with a period, or undefined when none. */
export function suspensionCreditCore(
  id: string,
  price: Dec,
  period: Period,
  suspension: Period,
  convention: ProrationConvention,
  currency: CurrencyCode,
  mode: RoundingMode,
): InvoiceLine | undefined {
  const start = maxDate(suspension.start, period.start);
  const end = minDate(suspension.end, period.end);
  if (end <= start) return undefined;
  const days = epochDayOf(end) - epochDayOf(start);
  const periodDays = epochDayOf(period.end) - epochDayOf(period.start);
  const core = prorateCore(
    price,
    days,
    periodDays,
    convention,
    currency,
    mode,
    'Credit for days of total suspension',
  );
  return {
    id,
    kind: 'proration',
    effect: 'credit',
    description: `Credit for ${days} days of suspension (${start} to ${end}, exclusive)`,
    amount: formatDec(core.amount, currency),
    penalty: false,
    period: { start, end },
    explanation: core.explanation,
  };
}

/**
 * Credit for the days of total suspension that fall in a billing period (no charge for suspended time).
 * `ok(undefined)` when the suspension does not overlap the period.
 */
export function suspensionCredit(
  input: SuspensionCreditInput,
): Result<InvoiceLine | undefined, BillingError> {
  const o = readObject(input, 'input');
  if (o.isErr()) return err(o.error);
  const v = o.value;
  const currency = readCurrency(v.currency, 'currency');
  if (currency.isErr()) return err(currency.error);
  const price = readAmount(v.price, 'price', minorUnitsOf(currency.value));
  if (price.isErr()) return err(price.error);
  const mode = optional(v.rounding, 'half-up' as RoundingMode, (x) =>
    readEnum(x, 'rounding', ROUNDING_MODES),
  );
  if (mode.isErr()) return err(mode.error);
  const convention = optional(v.convention, 'actual-days' as ProrationConvention, (x) =>
    readEnum(x, 'convention', PRORATION_CONVENTIONS),
  );
  if (convention.isErr()) return err(convention.error);
  const period = readPeriod(v.period, 'period');
  if (period.isErr()) return err(period.error);
  const suspension = readPeriod(v.suspension, 'suspension');
  if (suspension.isErr()) return err(suspension.error);
  const id = optional(v.id, `suspension:${suspension.value.start}`, (x) => readString(x, 'id'));
  if (id.isErr()) return err(id.error);
  return ok(
    suspensionCreditCore(
      id.value,
      price.value,
      period.value,
      suspension.value,
      convention.value,
      currency.value,
      mode.value,
    ),
  );
}
