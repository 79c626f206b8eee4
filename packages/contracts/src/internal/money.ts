import Decimal from 'decimal.js';
import { err, ok, type Result } from 'neverthrow';
import { type ContractsError, invalidAmount, negativeAmount } from '../errors';
import { describe } from './read';

/** The package's own Decimal: never the global one. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const AMOUNT = /^-?\d{1,15}(\.\d{1,10})?$/;

/** A non-negative decimal string such as `"60.00"`. Negative amounts give `NegativeAmount`. */
export function readAmount(value: unknown, field: string): Result<string, ContractsError> {
  if (typeof value !== 'string') {
    return err(
      invalidAmount(field, `${field} must be a decimal string such as "60.00", got ${describe(value)}`),
    );
  }
  if (!AMOUNT.test(value))
    return err(invalidAmount(field, `${field} must be a decimal string such as "60.00"`));
  if (value.startsWith('-') && !/^-0+(\.0+)?$/.test(value)) {
    return err(
      negativeAmount(
        field,
        `${field} must not be negative (a discount is a positive amount of kind discount)`,
      ),
    );
  }
  return ok(new Money(value).toFixed(2));
}

/** A percentage as a decimal string between 0 and 100. */
export function readPercent(value: unknown, field: string): Result<string, ContractsError> {
  const r = readAmount(value, field);
  if (r.isErr()) return r;
  return new Money(r.value).gt(100) ? err(invalidAmount(field, `${field} must be at most 100`)) : ok(r.value);
}
