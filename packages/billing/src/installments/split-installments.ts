import { err, ok, type Result } from 'neverthrow';
import { type BillingError, installmentBelowMinorUnit } from '../errors';
import { type CurrencyCode, minorUnitsOf } from '../money/currency';
import { type Dec, unitOf } from '../money/decimal';
import { formatDec } from '../money/money';
import { optional, readAmount, readCurrency, readEnum, readInteger, readObject } from '../validation/read';

/**
 * Where the remainder minor units go:
 * - `spread-first` (default): one extra minor unit to each of the first parts (parts differ by at most one);
 * - `lump-first`: the whole remainder on the first part;
 * - `lump-last`: the whole remainder on the last part.
 */
export type InstallmentStrategy = 'spread-first' | 'lump-first' | 'lump-last';
export const INSTALLMENT_STRATEGIES: readonly InstallmentStrategy[] = Object.freeze([
  'spread-first',
  'lump-first',
  'lump-last',
]);

export const MAX_INSTALLMENTS = 360;

export interface SplitInstallmentsInput {
  readonly total: string;
  readonly count: number;
  readonly currency: CurrencyCode;
  readonly strategy?: InstallmentStrategy;
}

export interface InstallmentPart {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** "k/n". */
  readonly label: string;
  readonly amount: string;
}

/** Internal: splits validated integer minor units. Returns undefined when a part would be below one minor unit. */
export function splitMinor(totalMinor: Dec, count: number, strategy: InstallmentStrategy): Dec[] | undefined {
  const base = totalMinor.divToInt(count);
  if (base.lessThan(1)) return undefined;
  const remainder = totalMinor.minus(base.times(count)).toNumber();
  const parts: Dec[] = [];
  for (let i = 0; i < count; i++) {
    let extra = 0;
    if (strategy === 'spread-first') extra = i < remainder ? 1 : 0;
    else if (strategy === 'lump-first') extra = i === 0 ? remainder : 0;
    else extra = i === count - 1 ? remainder : 0;
    parts.push(extra === 0 ? base : base.plus(extra));
  }
  return parts;
}

/** Splits a total into `count` exact parts in the currency's minor unit (M5). */
export function splitInstallments(
  input: SplitInstallmentsInput,
): Result<readonly InstallmentPart[], BillingError> {
  const o = readObject(input, 'input');
  if (o.isErr()) return err(o.error);
  const v = o.value;
  const currency = readCurrency(v.currency, 'currency');
  if (currency.isErr()) return err(currency.error);
  const scale = minorUnitsOf(currency.value);
  const total = readAmount(v.total, 'total', scale);
  if (total.isErr()) return err(total.error);
  const count = readInteger(v.count, 'count', 1, MAX_INSTALLMENTS);
  if (count.isErr()) return err(count.error);
  const strategy = optional(v.strategy, 'spread-first' as InstallmentStrategy, (x) =>
    readEnum(x, 'strategy', INSTALLMENT_STRATEGIES),
  );
  if (strategy.isErr()) return err(strategy.error);
  const unit = unitOf(scale);
  const parts = splitMinor(total.value.times(unit), count.value, strategy.value);
  if (parts === undefined) {
    return err(
      installmentBelowMinorUnit(
        'total',
        `${formatDec(total.value, currency.value)} in ${count.value} parts gives a part below one minor unit`,
      ),
    );
  }
  const n = count.value;
  return ok(
    parts.map((p, i) => ({
      index: i + 1,
      count: n,
      label: `${i + 1}/${n}`,
      amount: formatDec(p.div(unit), currency.value),
    })),
  );
}
