import { err, ok, type Result } from 'neverthrow';
import { epochDayOf, type LocalDate, type Period } from '../dates/local-date';
import { type BillingError, invalidPeriod } from '../errors';
import type { InvoiceLine } from '../invoice/types';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import { formatDec } from '../money/money';
import { ROUNDING_MODES, type RoundingMode } from '../money/rounding';
import {
  optional,
  readAmount,
  readCurrency,
  readDate,
  readEnum,
  readObject,
  readPeriod,
  readString,
} from '../validation/read';
import { PRORATION_CONVENTIONS, type ProrationConvention, prorateCore } from './prorate';

export interface PlanChangeInput {
  /** Prefix of the two line ids (default `plan-change:<changeDate>`). */
  readonly id?: string;
  readonly oldPrice: string;
  readonly newPrice: string;
  readonly currency: CurrencyCode;
  readonly rounding?: RoundingMode;
  readonly convention?: ProrationConvention;
  /** The billing period the change falls in, `[start, end)`. */
  readonly period: Period;
  /** First day on the new plan (inside the period). */
  readonly changeDate: LocalDate;
}

export interface PlanChangeResult {
  /** Credit of the old price for the remaining days. */
  readonly credit: InvoiceLine;
  /** Charge of the new price for the same days. */
  readonly charge: InvoiceLine;
  /** charge − credit of the rounded lines (negative for a downgrade). */
  readonly net: string;
  readonly days: number;
}

/** A mid-period plan change as a credit line and a charge line (each rounded; net of the rounded lines). */
export function planChange(input: PlanChangeInput): Result<PlanChangeResult, BillingError> {
  const o = readObject(input, 'input');
  if (o.isErr()) return err(o.error);
  const v = o.value;
  const currency = readCurrency(v.currency, 'currency');
  if (currency.isErr()) return err(currency.error);
  const scale = minorUnitsOf(currency.value);
  const oldPrice = readAmount(v.oldPrice, 'oldPrice', scale);
  if (oldPrice.isErr()) return err(oldPrice.error);
  const newPrice = readAmount(v.newPrice, 'newPrice', scale);
  if (newPrice.isErr()) return err(newPrice.error);
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
  const changeDate = readDate(v.changeDate, 'changeDate');
  if (changeDate.isErr()) return err(changeDate.error);
  if (changeDate.value < period.value.start || changeDate.value >= period.value.end) {
    return err(invalidPeriod('changeDate', 'changeDate must lie inside period'));
  }
  const id = optional(v.id, `plan-change:${changeDate.value}`, (x) => readString(x, 'id'));
  if (id.isErr()) return err(id.error);

  const days = epochDayOf(period.value.end) - epochDayOf(changeDate.value);
  const periodDays = epochDayOf(period.value.end) - epochDayOf(period.value.start);
  const remaining: Period = { start: changeDate.value, end: period.value.end };
  const c = prorateCore(
    oldPrice.value,
    days,
    periodDays,
    convention.value,
    currency.value,
    mode.value,
    'Credit of the old plan',
  );
  const n = prorateCore(
    newPrice.value,
    days,
    periodDays,
    convention.value,
    currency.value,
    mode.value,
    'Charge of the new plan',
  );
  const credit: InvoiceLine = {
    id: `${id.value}:credit`,
    kind: 'proration',
    effect: 'credit',
    description: `Plan change on ${changeDate.value}: credit of the old plan for ${days} days`,
    amount: formatDec(c.amount, currency.value),
    penalty: false,
    period: remaining,
    explanation: c.explanation,
  };
  const charge: InvoiceLine = {
    id: `${id.value}:charge`,
    kind: 'proration',
    effect: 'charge',
    description: `Plan change on ${changeDate.value}: new plan for ${days} days`,
    amount: formatDec(n.amount, currency.value),
    penalty: false,
    period: remaining,
    explanation: n.explanation,
  };
  return ok({ credit, charge, net: formatDec(n.amount.minus(c.amount), currency.value), days });
}
